package org.wardheat.store;

import org.wardheat.model.Incident;
import org.wardheat.model.IncidentTable;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The incidents: stored once, independent of any boundary set, with WGS84 longitude/latitude. Loads
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

    /** Runs an import in one write transaction: all of it is stored, or nothing (whatever is thrown). */
    public <T> T importing(ImportWork<T> work) {
        return db.inTransaction(c -> {
            try (ImportWriter writer = new ImportWriter(c)) {
                return work.run(writer);
            }
        });
    }

    /** Every stored incident, in storage order, as an immutable column table. */
    public IncidentTable table() {
        return db.read(c -> {
            IncidentTable.Builder b = new IncidentTable.Builder();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT month, category, dataset, lon, lat, weight FROM incident ORDER BY id")) {
                while (rs.next()) {
                    double x = rs.getDouble(4);
                    boolean located = !rs.wasNull();
                    double y = rs.getDouble(5);
                    b.add(rs.getInt(1), rs.getString(2), rs.getString(3), located ? x : Double.NaN,
                            located ? y : Double.NaN, rs.getDouble(6));
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT dataset, min(month), max(month) FROM incident GROUP BY dataset, file_id")) {
                while (rs.next()) {
                    b.covers(rs.getString(1), rs.getInt(2), rs.getInt(3)); // a file covers its first to its last month
                }
            }
            return b.build();
        });
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
            StringBuilder sql = new StringBuilder("SELECT id, dataset, month, date, end_date, category, crime_id, lon, lat,"
                    + " location, lsoa, outcome, weight, extra FROM incident WHERE month BETWEEN ? AND ?");
            List<String> args = new ArrayList<>();
            if (!datasets.isEmpty()) {
                sql.append(" AND dataset IN (").append("?,".repeat(datasets.size() - 1)).append("?)");
                args.addAll(datasets);
            }
            if (!categories.isEmpty()) {
                sql.append(" AND lower(category) IN (").append("?,".repeat(categories.size() - 1)).append("?)");
                categories.forEach(k -> args.add(k.toLowerCase(Locale.ROOT)));
            }
            sql.append(" ORDER BY month, date, id");
            List<Incident> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setInt(1, fromMonth);
                ps.setInt(2, toMonth);
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(3 + i, args.get(i));
                }
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    double lon = rs.getDouble(8);
                    boolean located = !rs.wasNull();
                    double lat = rs.getDouble(9);
                    out.add(new Incident(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), located ? lon : Double.NaN, located ? lat : Double.NaN,
                            rs.getString(10), rs.getString(11), rs.getString(12), rs.getDouble(13), rs.getString(14)));
                }
            }
            return out;
        });
    }
}
