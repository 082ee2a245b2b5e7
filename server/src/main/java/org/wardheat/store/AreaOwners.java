package org.wardheat.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Which account saved each focus area; an area saved while the server ran open has no owner. */
public final class AreaOwners {
    private final Database db;

    AreaOwners(Database db) {
        this.db = db;
    }

    public void set(long areaId, String owner) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO area_owner (area_id, owner) VALUES (?,?)")) {
                ps.setLong(1, areaId);
                ps.setString(2, owner);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<String> owner(long areaId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT owner FROM area_owner WHERE area_id = ?")) {
                ps.setLong(1, areaId);
                ResultSet rs = ps.executeQuery();
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    public void remove(long areaId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM area_owner WHERE area_id = ?")) {
                ps.setLong(1, areaId);
                return ps.executeUpdate();
            }
        });
    }
}
