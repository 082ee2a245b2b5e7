package org.wardheat.store;

import org.wardheat.model.AreaTotalTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Area totals stored as datasets (kind {@value #KIND}): for each imported file, its counts placed on the
 * areas of every boundary set stored at import time ({@code area_total}: set × area × month × category ×
 * dataset, count, estimate flag) and per set the placement summary ({@code area_total_placement}: total,
 * placed exactly, apportioned from LSOAs, of which split between areas, unmatched). The file goes through
 * the same import log as point imports ({@code import_file}, {@code import_problem}): the same content
 * imported into the dataset again adds nothing, and a file is stored whole or not at all.
 */
public final class AreaTotalStore {
    /** The dataset kind of area totals. */
    public static final String KIND = "area-totals";

    private final Database db;

    AreaTotalStore(Database db) {
        this.db = db;
    }

    /** The tables, created when missing (kept apart from the versioned schema so that other migrations merge freely). */
    static void create(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE IF NOT EXISTS area_total (
                  dataset TEXT NOT NULL, file_id INTEGER NOT NULL, boundaries TEXT NOT NULL, area TEXT NOT NULL,
                  month INTEGER NOT NULL, category TEXT NOT NULL, count REAL NOT NULL, estimate INTEGER NOT NULL)""");
        s.execute("CREATE INDEX IF NOT EXISTS area_total_set ON area_total(boundaries)");
        s.execute("""
                CREATE TABLE IF NOT EXISTS area_total_placement (
                  file_id INTEGER NOT NULL, dataset TEXT NOT NULL, boundaries TEXT NOT NULL, first_month INTEGER NOT NULL,
                  last_month INTEGER NOT NULL, total REAL NOT NULL, exact REAL NOT NULL, apportioned REAL NOT NULL,
                  split REAL NOT NULL, unmatched REAL NOT NULL, PRIMARY KEY (file_id, boundaries))""");
    }

    /**
     * One file's counts placed on one boundary set.
     *
     * @param rows        the placed counts (set, area, month, category, dataset, count, estimate)
     * @param total       the count of every row of the file
     * @param exact       of which placed on an area by code or name
     * @param apportioned of which split from LSOAs by population (an estimate)
     * @param split       of which from LSOAs spread over more than one area
     * @param unmatched   of which on no area of the set
     */
    public record Placement(String boundaries, List<AreaTotalTable.Row> rows, double total, double exact, double apportioned,
                            double split, double unmatched) {
        /** The share of the counts that needed splitting between areas (0 when there are none). */
        public double splitShare() {
            return total == 0 ? 0 : split / total;
        }
    }

    /** A rejected row of the file: line, field ({@code *} for the whole row), reason. */
    public record Rejection(int line, String field, String reason) {
    }

    /**
     * Stores one file in one transaction, unless the same content ({@code sha256}) was imported into the
     * dataset before: then nothing is written and the earlier import is returned.
     *
     * @param firstMonth the file's first month ({@code yyyymm}); with {@code lastMonth} the months the dataset covers
     * @throws IllegalArgumentException when {@code dataset} exists with another kind (point records)
     */
    public Optional<ImportedFile> importFile(String dataset, String source, String sha256, int firstMonth, int lastMonth,
                                             List<Placement> placements, List<Rejection> rejected, String reportJson) {
        return db.inTransaction(c -> {
            String kind = kind(c, dataset);
            if (kind != null && !kind.equals(KIND)) {
                throw new IllegalArgumentException("dataset '" + dataset + "' holds point records (kind " + kind
                        + "); area totals go to a dataset of their own");
            }
            Optional<ImportedFile> earlier = ImportLog.find(c, dataset, sha256);
            if (earlier.isPresent()) {
                return earlier;
            }
            ImportLog.ensureDataset(c, dataset, KIND);
            long fileId = ImportLog.log(c, dataset, source, sha256);
            try (PreparedStatement row = c.prepareStatement("INSERT INTO area_total VALUES (?,?,?,?,?,?,?,?)");
                 PreparedStatement sum = c.prepareStatement("INSERT INTO area_total_placement VALUES (?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement problem = c.prepareStatement("INSERT INTO import_problem VALUES (?,?,?,?)")) {
                for (Placement p : placements) {
                    for (AreaTotalTable.Row r : p.rows()) {
                        row.setString(1, dataset);
                        row.setLong(2, fileId);
                        row.setString(3, p.boundaries());
                        row.setString(4, r.area());
                        row.setInt(5, r.month());
                        row.setString(6, r.category());
                        row.setDouble(7, r.count());
                        row.setInt(8, r.estimate() ? 1 : 0);
                        row.addBatch();
                    }
                    row.executeBatch();
                    sum.setLong(1, fileId);
                    sum.setString(2, dataset);
                    sum.setString(3, p.boundaries());
                    sum.setInt(4, firstMonth);
                    sum.setInt(5, lastMonth);
                    sum.setDouble(6, p.total());
                    sum.setDouble(7, p.exact());
                    sum.setDouble(8, p.apportioned());
                    sum.setDouble(9, p.split());
                    sum.setDouble(10, p.unmatched());
                    sum.executeUpdate();
                }
                for (Rejection r : rejected) {
                    problem.setLong(1, fileId);
                    problem.setInt(2, r.line());
                    problem.setString(3, r.field());
                    problem.setString(4, r.reason());
                    problem.addBatch();
                }
                problem.executeBatch();
            }
            ImportLog.setReport(c, fileId, sha256, reportJson);
            return Optional.empty();
        });
    }

    private static String kind(Connection c, String dataset) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT kind FROM dataset WHERE id = ?")) {
            ps.setString(1, dataset);
            ResultSet rs = ps.executeQuery();
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Every stored area total, with the months each file covers. */
    public AreaTotalTable table() {
        return db.read(c -> {
            AreaTotalTable.Builder b = new AreaTotalTable.Builder();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT boundaries, area, month, category, dataset, count, estimate FROM area_total ORDER BY rowid")) {
                while (rs.next()) {
                    b.add(new AreaTotalTable.Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                            rs.getDouble(6), rs.getInt(7) != 0));
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT dataset, min(first_month), max(last_month) FROM area_total_placement GROUP BY file_id")) {
                while (rs.next()) {
                    b.covers(rs.getString(1), rs.getInt(2), rs.getInt(3));
                }
            }
            return b.build();
        });
    }

    /** The placement summaries of a dataset's files on one boundary set, oldest file first. */
    public List<Placement> placements(String dataset, String boundaries) {
        return db.read(c -> {
            List<Placement> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT boundaries, total, exact, apportioned, split, unmatched"
                    + " FROM area_total_placement WHERE dataset = ? AND boundaries = ? ORDER BY file_id")) {
                ps.setString(1, dataset);
                ps.setString(2, boundaries);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    out.add(new Placement(rs.getString(1), List.of(), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                            rs.getDouble(5), rs.getDouble(6)));
                }
            }
            return out;
        });
    }
}
