package org.wardheat.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.wardheat.model.Permission.ADMIN;
import static org.wardheat.model.Permission.DELETE_DATA;
import static org.wardheat.model.Permission.EXPORT;
import static org.wardheat.model.Permission.IMPORT;
import static org.wardheat.model.Permission.MAP;
import static org.wardheat.model.Permission.OWN_AREAS;
import static org.wardheat.model.Permission.RECORDS;
import static org.wardheat.model.Permission.STRATEGIC;

/**
 * The roles and what each may do: the one table (the README's "Accounts, roles and sharing" shows it too).
 * Each role has everything the one before it has. A {@link #VIEWER} sees aggregate figures only, with
 * disclosure control applied ({@link #disclosureControlled()}).
 */
public enum Role {
    /** Task-force officers: ward layers, hotspot surfaces, own focus areas, the strategic table; small counts suppressed. */
    VIEWER(EnumSet.of(MAP, OWN_AREAS, STRATEGIC)),
    /** Patrol planners: a viewer's view plus repeat locations, encampments and near-repeat results; no downloads of records, no imports. */
    PLANNER(EnumSet.of(MAP, OWN_AREAS, STRATEGIC, RECORDS)),
    /** Analysts: everything readable, all exports, imports (incidents, boundary sets, population), deletion of data. */
    ANALYST(EnumSet.of(MAP, OWN_AREAS, STRATEGIC, RECORDS, EXPORT, IMPORT, DELETE_DATA)),
    /** Administrators: an analyst's rights plus accounts, the audit trail and anyone's saved areas. */
    ADMIN(EnumSet.allOf(Permission.class));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean may(Permission p) {
        return permissions.contains(p);
    }

    /** True when what this role sees has small counts suppressed. */
    public boolean disclosureControlled() {
        return this == VIEWER;
    }

    /** The name used on the command line, in the store and in the API: {@code viewer}, {@code planner}, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code word}; fails naming the roles. */
    public static Role of(String word) {
        Role r = BY_WORD.get(word == null ? "" : word.trim().toLowerCase(Locale.ROOT));
        if (r == null) {
            throw new IllegalArgumentException("no role '" + word + "'; there are " + String.join(", ", BY_WORD.keySet()));
        }
        return r;
    }

    private static final Map<String, Role> BY_WORD = Stream.of(values())
            .collect(Collectors.toMap(Role::word, r -> r, (a, b) -> a, java.util.LinkedHashMap::new));
}
