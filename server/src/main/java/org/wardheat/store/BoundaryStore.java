package org.wardheat.store;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.wardheat.boundaries.Ward;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Boundary sets, their wards (geometry as WKB in WGS84 lon/lat) and the wards' populations. */
public final class BoundaryStore {
    private final Database db;

    BoundaryStore(Database db) {
        this.db = db;
    }

    /** Adds a boundary set; fails if the id is taken, leaving the stored one as it is. */
    public void add(String id, String source, String codeField, String nameField, String sourceCrs,
                    List<String> repaired, List<Ward> wards) {
        add(id, source, codeField, nameField, sourceCrs, repaired, wards, List.of(), Map.of());
    }

    /**
     * Adds a boundary set with each ward's source feature properties (in the order of {@code wards}; an
     * empty list stores none) and, optionally, populations; all in one transaction, failing if the id is taken.
     */
    public void add(String id, String source, String codeField, String nameField, String sourceCrs,
                    List<String> repaired, List<Ward> wards, List<Map<String, String>> properties,
                    Map<String, Double> residents) {
        db.inTransaction(c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM boundary_set WHERE id = ?")) {
                exists.setString(1, id);
                if (exists.executeQuery().next()) {
                    throw new StoreException("a boundary set with id '" + id + "' already exists; choose another --id");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO boundary_set VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, id);
                ps.setString(2, source);
                ps.setString(3, codeField);
                ps.setString(4, nameField);
                ps.setString(5, sourceCrs);
                ps.setString(6, String.join(",", repaired));
                ps.setString(7, Instant.now().toString());
                ps.executeUpdate();
            }
            WKBWriter wkb = new WKBWriter();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ward VALUES (?,?,?,?,?)")) {
                for (Ward w : wards) {
                    ps.setString(1, id);
                    ps.setString(2, w.code());
                    ps.setString(3, w.name());
                    ps.setString(4, w.district());
                    ps.setBytes(5, wkb.write(w.geometry()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (!properties.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ward_properties VALUES (?,?,?)")) {
                    for (int i = 0; i < wards.size(); i++) {
                        ps.setString(1, id);
                        ps.setString(2, wards.get(i).code());
                        ps.setString(3, PropertiesJson.write(properties.get(i)));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            if (!residents.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ward_population VALUES (?,?,?,?)")) {
                    for (Map.Entry<String, Double> e : residents.entrySet()) {
                        ps.setString(1, id);
                        ps.setString(2, e.getKey());
                        ps.setDouble(3, e.getValue());
                        ps.setString(4, "sum of the dissolved wards' populations");
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            WardCountStore.build(c, id); // one pass over the stored incidents: each one's ward in the new set
            return null;
        });
    }

    /**
     * Each ward's stored source feature properties, by ward code in code order; empty for a set added
     * before schema 4 (its properties were not kept).
     */
    public Map<String, Map<String, String>> properties(String setId) {
        return db.read(c -> {
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ward_code, properties FROM ward_properties WHERE set_id = ? ORDER BY ward_code")) {
                ps.setString(1, setId);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    out.put(rs.getString(1), PropertiesJson.read(rs.getString(2), setId + "/" + rs.getString(1)));
                }
            }
            return out;
        });
    }

    /** Every set, in id order. */
    public List<BoundarySetInfo> list() {
        return db.read(c -> {
            List<BoundarySetInfo> sets = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT b.*, (SELECT count(*) FROM ward w WHERE w.set_id = b.id),
                           (SELECT count(*) FROM ward_population p WHERE p.set_id = b.id)
                    FROM boundary_set b ORDER BY b.id""")) {
                while (rs.next()) {
                    String repaired = rs.getString("repaired");
                    sets.add(new BoundarySetInfo(rs.getString("id"), rs.getString("source"), rs.getString("code_field"),
                            rs.getString("name_field"), rs.getString("source_crs"),
                            repaired.isEmpty() ? List.of() : List.of(repaired.split(",")), rs.getString("added_at"),
                            rs.getInt(8), rs.getInt(9)));
                }
            }
            return sets;
        });
    }

    public Optional<BoundarySetInfo> find(String id) {
        return list().stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** The wards of a set, in code order, with WGS84 geometries. */
    public List<Ward> wards(String setId) {
        return db.read(c -> wards(c, setId));
    }

    /** The wards of a set, in code order, read on {@code c}. */
    static List<Ward> wards(Connection c, String setId) throws SQLException {
        List<Ward> wards = new ArrayList<>();
        WKBReader wkb = new WKBReader();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, name, district, geometry FROM ward WHERE set_id = ? ORDER BY code")) {
            ps.setString(1, setId);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                Geometry g;
                try {
                    g = wkb.read(rs.getBytes(4));
                } catch (ParseException e) {
                    throw new StoreException("stored geometry of ward " + rs.getString(1) + " is damaged", e);
                }
                wards.add(new Ward(rs.getString(1), rs.getString(2), rs.getString(3), g));
            }
        }
        return wards;
    }

    /** Replaces the population of a boundary set's wards. */
    public void setPopulation(String setId, Map<String, Double> residents, String source) {
        db.inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM ward_population WHERE set_id = ?")) {
                del.setString(1, setId);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ward_population VALUES (?,?,?,?)")) {
                for (Map.Entry<String, Double> e : residents.entrySet()) {
                    ps.setString(1, setId);
                    ps.setString(2, e.getKey());
                    ps.setDouble(3, e.getValue());
                    ps.setString(4, source);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Residents per ward code, in code order; wards without a figure are absent. */
    public Map<String, Double> population(String setId) {
        return db.read(c -> {
            Map<String, Double> residents = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ward_code, residents FROM ward_population WHERE set_id = ? ORDER BY ward_code")) {
                ps.setString(1, setId);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    residents.put(rs.getString(1), rs.getDouble(2));
                }
            }
            return residents;
        });
    }
}
