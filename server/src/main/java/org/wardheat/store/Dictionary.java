package org.wardheat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * A text dictionary table ({@code id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE}): the compact store
 * keeps repeated text (categories, location labels, LSOA codes, outcomes) once and each incident the small
 * integer id. Ids are given in first-stored order. A writer reads the table once into memory; the cache is
 * dropped when a savepoint is rolled back ({@link #forget}), so no id of a taken-back row is reused from memory.
 */
final class Dictionary {
    /** The category names, in first-stored order. */
    static final String CATEGORY = "category";
    /** Location labels, LSOA codes and outcome categories of incidents. */
    static final String LABEL = "label";

    private final String table;
    private final Map<String, Long> ids = new HashMap<>();
    private boolean loaded;
    private PreparedStatement add;

    Dictionary(String table) {
        this.table = table;
    }

    static String create(String table) {
        return "CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)";
    }

    /** The id of {@code name}, stored on {@code c} if new; null for a null name. */
    Long id(Connection c, String name) throws SQLException {
        if (name == null) {
            return null;
        }
        if (!loaded) {
            names(c, table).forEach((id, n) -> ids.put(n, id));
            loaded = true;
        }
        Long id = ids.get(name);
        if (id == null) {
            if (add == null) {
                add = c.prepareStatement("INSERT INTO " + table + " (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS);
            }
            add.setString(1, name);
            add.executeUpdate();
            try (ResultSet rs = add.getGeneratedKeys()) {
                rs.next();
                id = rs.getLong(1);
            }
            ids.put(name, id);
        }
        return id;
    }

    /** Drops the cache (after a rollback that may have taken back ids); it is read again at the next use. */
    void forget() {
        ids.clear();
        loaded = false;
    }

    /** Closes the statement that adds names. */
    void close() throws SQLException {
        if (add != null) {
            add.close();
            add = null;
        }
    }

    /** Every name by id, read on {@code c}. */
    static Map<Long, String> names(Connection c, String table) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, name FROM " + table)) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        }
        return out;
    }
}
