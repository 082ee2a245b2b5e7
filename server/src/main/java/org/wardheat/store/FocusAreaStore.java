package org.wardheat.store;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Saved focus areas (outline as WKB in WGS84 lon/lat). */
public final class FocusAreaStore {
    private static final String COLUMNS = "id, name, boundaries, ward_codes, geometry, created_at, updated_at";

    private final Database db;

    FocusAreaStore(Database db) {
        this.db = db;
    }

    public FocusArea save(String name, String boundaries, List<String> wardCodes, Geometry geometry) {
        String now = Instant.now().toString();
        long id = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO focus_area (name, boundaries, ward_codes, geometry, created_at, updated_at) VALUES (?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.setString(2, boundaries);
                ps.setString(3, wardCodes.isEmpty() ? null : String.join(",", wardCodes));
                ps.setBytes(4, new WKBWriter().write(geometry));
                ps.setString(5, now);
                ps.setString(6, now);
                ps.executeUpdate();
                ResultSet keys = ps.getGeneratedKeys();
                keys.next();
                return keys.getLong(1);
            }
        });
        return find(id).orElseThrow();
    }

    /** Every saved area, by name. */
    public List<FocusArea> list() {
        return db.read(c -> {
            List<FocusArea> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT " + COLUMNS + " FROM focus_area ORDER BY name, id")) {
                while (rs.next()) {
                    out.add(focusArea(rs));
                }
            }
            return out;
        });
    }

    public Optional<FocusArea> find(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM focus_area WHERE id = ?")) {
                ps.setLong(1, id);
                ResultSet rs = ps.executeQuery();
                return rs.next() ? Optional.of(focusArea(rs)) : Optional.<FocusArea>empty();
            }
        });
    }

    private static FocusArea focusArea(ResultSet rs) throws SQLException {
        String codes = rs.getString(4);
        Geometry g;
        try {
            g = new WKBReader().read(rs.getBytes(5));
        } catch (ParseException e) {
            throw new StoreException("stored geometry of focus area " + rs.getLong(1) + " is damaged", e);
        }
        return new FocusArea(rs.getLong(1), rs.getString(2), rs.getString(3), codes == null ? List.of() : List.of(codes.split(",")),
                g, rs.getString(6), rs.getString(7));
    }

    /** Renames a focus area; false when there is none with that id. */
    public boolean rename(long id, String name) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE focus_area SET name = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, name);
                ps.setString(2, Instant.now().toString());
                ps.setLong(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Deletes a focus area; false when there is none with that id. */
    public boolean delete(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM focus_area WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }
}
