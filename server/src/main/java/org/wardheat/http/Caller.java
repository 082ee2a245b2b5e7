package org.wardheat.http;

import org.wardheat.model.Role;
import org.wardheat.service.Actor;

/**
 * Who makes the request being answered: a signed-in account with its role, or, when the server runs open
 * (no accounts on loopback, or {@code --no-login}), the operator with every right. Decided by {@link AccessGate}.
 *
 * @param user    the account name, or {@code (open)}
 * @param role    the role whose rights apply
 * @param address the client's address (see {@link ClientAddress})
 * @param open    true when no sign-in is required
 */
record Caller(String user, Role role, String address, boolean open) {
    static Caller open(String address) {
        return new Caller("(open)", Role.ADMIN, address, true);
    }

    /** Nobody signed in (only public routes run for it); the least role, so nothing more is shown. */
    static Caller anonymous(String address) {
        return new Caller(null, Role.VIEWER, address, false);
    }

    Actor actor() {
        return new Actor(user, address);
    }
}
