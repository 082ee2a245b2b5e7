package org.wardheat.store;

import org.wardheat.boundaries.WardIndex;
import org.wardheat.model.Incident;
import org.wardheat.model.IncidentTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The incidents: stored once, independent of any boundary set, in the compact form of {@link IncidentCodec}
 * (WGS84 longitude/latitude as fixed-point integers; category, location, LSOA and
 * outcome as dictionary ids; the dataset through the imported file). Loads
 * them as an in-memory {@link IncidentTable} or as {@link Incident} records, and writes imports.
 */
public final class IncidentStore {
    private final Database db;

    IncidentStore(Database db) {
        this.db = db;
    }

    /** An import's work, run with a writer inside one write transaction. */
    public interface ImportWork<T> {
        T run(ImportWriter writer);
    }

    /**
     * Runs an import in one write transaction: all of it is stored, or nothing (whatever is thrown). The WAL is
     * checkpointed and truncated afterwards, so the disk holds the store once.
     */
    public <T> T importing(ImportWork<T> work) {
        return importing(Map.of(), work);
    }

    /**
     * As {@link #importing(ImportWork)}, counting the incidents by ward with the given indexes of stored boundary
     * sets (by set id; each must index the set's wards in code order, as {@link BoundaryStore#wards} gives them)
     * instead of loading those sets again.
     */
    public <T> T importing(Map<String, WardIndex> loadedSets, ImportWork<T> work) {
        T result = db.inTransaction(c -> {
            try (ImportWriter writer = new ImportWriter(c, loadedSets)) {
                return work.run(writer);
            }
        });
        db.checkpoint();
        return result;
    }

    /** Every stored incident, in storage order, as an immutable column table. */
    public IncidentTable table() {
        return table(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * The stored incidents of months {@code fromMonth} to {@code toMonth} (yyyymm, both included), in storage
     * order (the order of {@link #table()}, so sums over them add in the same order), as an immutable column table.
     * The files' covered months are all there, whatever the months read.
     */
    public IncidentTable table(int fromMonth, int toMonth) {
        return db.read(c -> {
            IncidentTable.Builder b = new IncidentTable.Builder();
            try (PreparedStatement s = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM incident WHERE month BETWEEN ? AND ? ORDER BY id")) {
                s.setInt(1, fromMonth);
                s.setInt(2, toMonth);
                readRows(c, s, b::add);
            }
            covers(c, b);
            return b.build();
        });
    }

    /** The columns {@link #readRows} reads, in its order. */
    static final String ROW_COLUMNS = "month, category, file_id, lon, lat, weight";

    /** Where {@link #readRows} puts each row: month (yyyymm), category, dataset, WGS84 lon/lat in degrees (NaN without location), weight. */
    interface RowSink {
        void add(int month, String category, String dataset, double lonDeg, double latDeg, double weight);
    }

    /** Runs {@code select} (of {@link #ROW_COLUMNS}, parameters bound) and gives every row to {@code sink}, decoded. */
    static void readRows(Connection c, PreparedStatement select, RowSink sink) throws SQLException {
        Map<Long, String> categories = Dictionary.names(c, Dictionary.CATEGORY);
        Map<Long, String> datasets = fileDatasets(c);
        ResultSet rs = select.executeQuery();
        while (rs.next()) {
            long x = rs.getLong(4);
            boolean located = !rs.wasNull();
            long y = rs.getLong(5);
            sink.add(rs.getInt(1), categories.get(rs.getLong(2)), datasets.get(rs.getLong(3)),
                    located ? IncidentCodec.degrees(x) : Double.NaN, located ? IncidentCodec.degrees(y) : Double.NaN, rs.getDouble(6));
        }
    }

    /** Each imported file's dataset, by file id. */
    static Map<Long, String> fileDatasets(Connection c) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, dataset FROM import_file")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getString(2));
            }
        }
        return out;
    }

    /**
     * Adds each imported file's months to {@code b}: a file covers its first to its last record month, and its
     * rows are among those months' sources ({@link IncidentTable#source}).
     */
    static void covers(Connection c, IncidentTable.Builder b) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT dataset, first_month, last_month, id, sha256, imported_at FROM import_file WHERE first_month IS NOT NULL ORDER BY id")) {
            while (rs.next()) {
                b.covers(rs.getString(1), rs.getInt(2), rs.getInt(3));
                b.source(rs.getInt(2), rs.getInt(3), rs.getLong(4) + ":" + rs.getString(5) + ":" + rs.getString(6));
            }
        }
    }

    /**
     * Stored incidents for record-level analyses (repeats, encampments, near repeats), ordered by month,
     * date and id.
     *
     * @param datasets   dataset ids; empty for all
     * @param categories categories (any case); empty for all
     * @param fromMonth  first month as yyyymm
     * @param toMonth    last month as yyyymm
     */
    public List<Incident> records(Collection<String> datasets, Collection<String> categories, int fromMonth, int toMonth) {
        return db.read(c -> {
            StringBuilder sql = new StringBuilder("""
                    SELECT i.id, f.dataset, i.month, i.date, i.end_date, k.name, i.crime_id, i.lon, i.lat,
                      (SELECT name FROM label WHERE id = i.location), (SELECT name FROM label WHERE id = i.lsoa),
                      (SELECT name FROM label WHERE id = i.outcome), i.weight, i.extra
                    FROM incident i JOIN import_file f ON f.id = i.file_id JOIN category k ON k.id = i.category
                    WHERE i.month BETWEEN ? AND ?""");
            List<String> args = new ArrayList<>();
            if (!datasets.isEmpty()) {
                sql.append(" AND f.dataset IN (").append("?,".repeat(datasets.size() - 1)).append("?)");
                args.addAll(datasets);
            }
            if (!categories.isEmpty()) {
                sql.append(" AND lower(k.name) IN (").append("?,".repeat(categories.size() - 1)).append("?)");
                categories.forEach(k -> args.add(k.toLowerCase(Locale.ROOT)));
            }
            List<Incident> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setInt(1, fromMonth);
                ps.setInt(2, toMonth);
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(3 + i, args.get(i));
                }
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    long lon = rs.getLong(8);
                    boolean located = !rs.wasNull();
                    long lat = rs.getLong(9);
                    out.add(new Incident(rs.getLong(1), rs.getString(2), rs.getInt(3), IncidentCodec.day(rs.getObject(4)),
                            IncidentCodec.day(rs.getObject(5)), rs.getString(6), IncidentCodec.crimeId(rs.getObject(7)),
                            located ? IncidentCodec.degrees(lon) : Double.NaN, located ? IncidentCodec.degrees(lat) : Double.NaN,
                            rs.getString(10), rs.getString(11), rs.getString(12), rs.getDouble(13), rs.getString(14)));
                }
            }
            out.sort(RECORD_ORDER);
            return out;
        });
    }

    /** Month, then day (records without a day first, as SQLite orders NULL), then id. */
    private static final java.util.Comparator<Incident> RECORD_ORDER = java.util.Comparator.comparingInt(Incident::month)
            .thenComparing(Incident::date, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
            .thenComparingLong(Incident::id);
}
