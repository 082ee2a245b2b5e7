package org.wardheat.store;

import org.wardheat.boundaries.WardIndex;
import org.wardheat.model.IncidentTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The aggregate {@code ward_count}: per boundary set, the incidents counted by ward (or outside every
 * ward, or without a location) × month × category × dataset, as records and weight sum; and, under the set
 * id {@link #ALL}, every incident by month × category × dataset whatever the sets. Ward tables, strategic
 * tables and coverage are answered from it without reading the incidents.
 *
 * <p>Kept in step with the incidents in the same transaction as every change: an import adds its files'
 * counts ({@link ImportWriter}), a new boundary set is counted in one pass over the stored incidents, a
 * deleted file's counts are taken off, a deleted dataset's rows go. A row need not come from incidents:
 * counts of a dataset without points (area totals) may be stored as rows of their own.
 */
public final class WardCountStore {
    /** The set id of the counts of every incident, whatever the boundary sets. */
    public static final String ALL = "";
    /** {@code place}: in the ward {@code ward}; located outside every ward of the set; without a location. */
    public static final int IN_WARD = 0, OUTSIDE = 1, NO_LOCATION = 2;

    static final String CREATE = """
            CREATE TABLE ward_count (
              set_id TEXT NOT NULL, ward TEXT NOT NULL, place INTEGER NOT NULL, month INTEGER NOT NULL,
              category TEXT NOT NULL, dataset TEXT NOT NULL, records INTEGER NOT NULL, weight REAL NOT NULL,
              PRIMARY KEY (set_id, dataset, month, category, place, ward)) WITHOUT ROWID""";
    /** The sets (and {@link #ALL}) whose counts are complete. */
    static final String CREATE_BUILT = "CREATE TABLE ward_count_set (set_id TEXT PRIMARY KEY)";

    private final Database db;

    WardCountStore(Database db) {
        this.db = db;
    }

    /**
     * The counts of a set as rows of an {@link IncidentTable} (each row stands for {@link IncidentTable#records}
     * incidents with their weight sum; located rows have longitude 0, the others NaN), with each row's ward
     * code ({@code null} outside every ward or without a location), and each dataset's covered months.
     */
    public record Rows(IncidentTable table, List<String> wards) {
    }

    /**
     * The stored counts of boundary set {@code setId}, or of every incident for {@link #ALL}; categories and
     * datasets in the order they were first stored.
     */
    public Rows rows(String setId) {
        return rows(setId, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * As {@link #rows(String)}, the rows of months {@code fromMonth} to {@code toMonth} (yyyymm, both included) only,
     * in the same order; the categories, datasets and covered months are all there, whatever the months read.
     */
    public Rows rows(String setId, int fromMonth, int toMonth) {
        return db.read(c -> {
            IncidentTable.Builder b = new IncidentTable.Builder();
            List<String> wards = new ArrayList<>();
            // the dictionaries' order (first stored) for the names counted at all; names without a dictionary
            // entry (counts not from incidents) follow in the order of their rows
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT name FROM category WHERE name IN (SELECT category FROM ward_count WHERE set_id = '') ORDER BY id""")) {
                while (rs.next()) {
                    b.category(rs.getString(1));
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT id FROM dataset WHERE id IN (SELECT dataset FROM ward_count WHERE set_id = '') ORDER BY rowid""")) {
                while (rs.next()) {
                    b.dataset(rs.getString(1));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ward, place, month, category, dataset, records, weight FROM ward_count WHERE set_id = ? AND month BETWEEN ? AND ?")) {
                ps.setString(1, setId);
                ps.setInt(2, fromMonth);
                ps.setInt(3, toMonth);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    int place = rs.getInt(2);
                    b.addRows(rs.getInt(3), rs.getString(4), rs.getString(5), place != NO_LOCATION, rs.getLong(6),
                            rs.getDouble(7));
                    wards.add(place == IN_WARD ? rs.getString(1) : null);
                }
            }
            IncidentStore.covers(c, b);
            return new Rows(b.build(), Collections.unmodifiableList(wards));
        });
    }

    // ---- upkeep, inside the transactions of the store ----

    /** Every boundary set of the store, loaded for locating. */
    static List<CountTally.Located> sets(Connection c) throws SQLException {
        return sets(c, Map.of());
    }

    /**
     * Every boundary set of the store ready for locating, taking the indexes in {@code known} (by set id) as they
     * are and loading the others.
     */
    static List<CountTally.Located> sets(Connection c, Map<String, WardIndex> known) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM boundary_set ORDER BY id")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        List<CountTally.Located> out = new ArrayList<>();
        for (String id : ids) {
            WardIndex index = known.get(id);
            out.add(new CountTally.Located(id, index != null ? index : new WardIndex(BoundaryStore.wards(c, id))));
        }
        return out;
    }

    /**
     * Adds ({@code sign} 1) or takes off ({@code sign} -1) a tally's cells; rows left without records go.
     */
    static void write(Connection c, CountTally tally, int sign) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO ward_count VALUES (?,?,?,?,?,?,?,?)
                ON CONFLICT DO UPDATE SET records = records + excluded.records, weight = weight + excluded.weight""")) {
            for (Map.Entry<CountKey, double[]> e : tally.cells().entrySet()) {
                CountKey k = e.getKey();
                ps.setString(1, k.set());
                ps.setString(2, k.ward());
                ps.setInt(3, k.place());
                ps.setInt(4, k.month());
                ps.setString(5, k.category());
                ps.setString(6, k.dataset());
                ps.setLong(7, sign * (long) e.getValue()[0]);
                ps.setDouble(8, sign * e.getValue()[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (sign < 0) {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM ward_count WHERE records <= 0");
            }
        }
    }

    /** Counts every stored incident in set {@code setId} (one pass) and marks the set's counts complete. */
    static void build(Connection c, String setId) throws SQLException {
        List<CountTally.Located> sets = setId.equals(ALL) ? List.of()
                : List.of(new CountTally.Located(setId, new WardIndex(BoundaryStore.wards(c, setId))));
        CountTally tally = new CountTally(sets, setId.equals(ALL));
        try (PreparedStatement del = c.prepareStatement("DELETE FROM ward_count WHERE set_id = ?")) {
            del.setString(1, setId);
            del.executeUpdate();
        }
        tallyIncidents(c, tally, "SELECT " + IncidentStore.ROW_COLUMNS + " FROM incident", null);
        write(c, tally, 1);
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO ward_count_set VALUES (?)")) {
            ps.setString(1, setId);
            ps.executeUpdate();
        }
    }

    /** Builds the counts of {@link #ALL} and of every set whose counts are not complete (a store from before schema 5). */
    static void buildMissing(Connection c) throws SQLException {
        List<String> missing = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT id FROM (SELECT '' AS id UNION ALL SELECT id FROM boundary_set)
                WHERE id NOT IN (SELECT set_id FROM ward_count_set) ORDER BY id""")) {
            while (rs.next()) {
                missing.add(rs.getString(1));
            }
        }
        for (String id : missing) {
            build(c, id);
        }
    }

    /** Takes the incidents of imported file {@code fileId} off the counts (before they are deleted). */
    static void subtractFile(Connection c, long fileId) throws SQLException {
        CountTally tally = new CountTally(sets(c), true);
        tallyIncidents(c, tally, "SELECT " + IncidentStore.ROW_COLUMNS + " FROM incident WHERE file_id = ?", fileId);
        write(c, tally, -1);
    }

    /** Deletes every count of a dataset. */
    static void deleteDataset(Connection c, String dataset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM ward_count WHERE dataset = ?")) {
            ps.setString(1, dataset);
            ps.executeUpdate();
        }
    }

    private static void tallyIncidents(Connection c, CountTally tally, String sql, Long arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setLong(1, arg);
            }
            IncidentStore.readRows(c, ps, tally::add);
        }
    }
}
