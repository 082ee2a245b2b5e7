package org.wardheat.store;

import org.wardheat.model.Role;

/** One account: its name, role, password hash (bcrypt, never shown), whether it is disabled, and when it changed (ISO-8601 UTC). */
public record Account(String name, Role role, String passwordHash, boolean disabled, String createdAt, String updatedAt) {
    @Override
    public String toString() {
        return "Account[" + name + ", " + role.word() + (disabled ? ", disabled" : "") + "]";
    }
}
