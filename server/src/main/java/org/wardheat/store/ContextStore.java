package org.wardheat.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Context figures stored per ward of a boundary set ({@code wardheat context --store}): residents (Census 2021),
 * deprivation (IoD 2019) as sums that add up over wards, and residents per Census age band. Replaced whole per set.
 */
public final class ContextStore {
    private final Database db;

    ContextStore(Database db) {
        this.db = db;
    }

    static void create(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE IF NOT EXISTS ward_context (
                  set_id TEXT NOT NULL, ward_code TEXT NOT NULL, residents REAL NOT NULL, residents_with_iod REAL NOT NULL,
                  rank_sum REAL NOT NULL, decile1_residents REAL NOT NULL, source TEXT NOT NULL, PRIMARY KEY (set_id, ward_code))""");
        s.execute("""
                CREATE TABLE IF NOT EXISTS ward_age (
                  set_id TEXT NOT NULL, ward_code TEXT NOT NULL, band TEXT NOT NULL, residents REAL NOT NULL,
                  PRIMARY KEY (set_id, ward_code, band))""");
    }

    /**
     * One ward's context.
     *
     * @param residents        residents placed in the ward (Census 2021)
     * @param residentsWithIod of which in an LSOA 2011 with an IoD figure
     * @param rankSum          Σ residents × IMD rank over those (so the mean rank of wards together is Σ rankSum / Σ residentsWithIod)
     * @param decile1Residents residents in IMD decile 1 LSOAs
     * @param byAge            residents per Census band label, in band order
     */
    public record WardContext(String wardCode, double residents, double residentsWithIod, double rankSum, double decile1Residents,
                              Map<String, Double> byAge) {
    }

    /** Replaces the set's context figures. */
    public void replace(String setId, List<WardContext> wards, String source) {
        db.inTransaction(c -> {
            try (PreparedStatement d1 = c.prepareStatement("DELETE FROM ward_context WHERE set_id = ?");
                 PreparedStatement d2 = c.prepareStatement("DELETE FROM ward_age WHERE set_id = ?")) {
                d1.setString(1, setId);
                d1.executeUpdate();
                d2.setString(1, setId);
                d2.executeUpdate();
            }
            try (PreparedStatement w = c.prepareStatement("INSERT INTO ward_context VALUES (?,?,?,?,?,?,?)");
                 PreparedStatement a = c.prepareStatement("INSERT INTO ward_age VALUES (?,?,?,?)")) {
                for (WardContext x : wards) {
                    w.setString(1, setId);
                    w.setString(2, x.wardCode());
                    w.setDouble(3, x.residents());
                    w.setDouble(4, x.residentsWithIod());
                    w.setDouble(5, x.rankSum());
                    w.setDouble(6, x.decile1Residents());
                    w.setString(7, source);
                    w.addBatch();
                    for (Map.Entry<String, Double> e : x.byAge().entrySet()) {
                        a.setString(1, setId);
                        a.setString(2, x.wardCode());
                        a.setString(3, e.getKey());
                        a.setDouble(4, e.getValue());
                        a.addBatch();
                    }
                }
                w.executeBatch();
                a.executeBatch();
            }
            return null;
        });
    }

    /** The set's context figures by ward, in code order (empty when none are stored). */
    public List<WardContext> list(String setId) {
        return db.read(c -> {
            Map<String, Map<String, Double>> ages = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ward_code, band, residents FROM ward_age WHERE set_id = ? ORDER BY rowid")) {
                ps.setString(1, setId);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    ages.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getDouble(3));
                }
            }
            List<WardContext> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ward_code, residents, residents_with_iod, rank_sum, decile1_residents"
                    + " FROM ward_context WHERE set_id = ? ORDER BY ward_code")) {
                ps.setString(1, setId);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    out.add(new WardContext(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5),
                            ages.getOrDefault(rs.getString(1), Map.of())));
                }
            }
            return out;
        });
    }
}
