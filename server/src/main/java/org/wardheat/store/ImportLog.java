package org.wardheat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Datasets and the import log: every imported file's SHA-256 (of its decompressed content), its report
 * and its rejected rows. Written within an import's transaction through {@link ImportWriter}.
 */
public final class ImportLog {
    private final Database db;

    ImportLog(Database db) {
        this.db = db;
    }

    /** Every dataset in id order, each with its imported files. */
    public List<DatasetInfo> datasets() {
        return db.read(c -> {
            List<DatasetInfo> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, kind, added_at, (SELECT coalesce(sum(records), 0) FROM ward_count w WHERE w.set_id = ''"
                            + " AND w.dataset = d.id) FROM dataset d ORDER BY id")) {
                while (rs.next()) {
                    out.add(new DatasetInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), new ArrayList<>()));
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, dataset, source, sha256, imported_at, report FROM import_file ORDER BY id")) {
                while (rs.next()) {
                    String ds = rs.getString(2);
                    for (DatasetInfo d : out) {
                        if (d.id().equals(ds)) {
                            d.files().add(new ImportedFile(rs.getLong(1), rs.getString(3), rs.getString(4),
                                    rs.getString(5), rs.getString(6)));
                        }
                    }
                }
            }
            return out;
        });
    }

    static void ensureDataset(Connection c, String id, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO dataset VALUES (?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, kind);
            ps.setString(3, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    static Optional<ImportedFile> find(Connection c, String dataset, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, source, sha256, imported_at, report FROM import_file WHERE dataset = ? AND sha256 = ?")) {
            ps.setString(1, dataset);
            ps.setString(2, sha256);
            ResultSet rs = ps.executeQuery();
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new ImportedFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        }
    }

    static long log(Connection c, String dataset, String source, String sha256) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO import_file (dataset, source, sha256, report, imported_at) VALUES (?,?,?,'{}',?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, dataset);
            ps.setString(2, source);
            ps.setString(3, sha256);
            ps.setString(4, Instant.now().toString());
            ps.executeUpdate();
            ResultSet keys = ps.getGeneratedKeys();
            keys.next();
            return keys.getLong(1);
        }
    }

    static void setReport(Connection c, long fileId, String sha256, String reportJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE import_file SET sha256 = ?, report = ? WHERE id = ?")) {
            ps.setString(1, sha256);
            ps.setString(2, reportJson);
            ps.setLong(3, fileId);
            ps.executeUpdate();
        }
    }

    /** What a deletion removed: the dataset, the files and the incident rows. */
    public record Deletion(String dataset, List<String> files, long rows) {
    }

    /** Deletes a dataset with all its imported files, their rejected-row records and their incidents. */
    public Deletion deleteDataset(String dataset) {
        return db.inTransaction(c -> {
            List<String> files = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT source FROM import_file WHERE dataset = ? ORDER BY id")) {
                ps.setString(1, dataset);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    files.add(rs.getString(1));
                }
            }
            WardCountStore.deleteDataset(c, dataset);
            long rows = update(c, "DELETE FROM incident WHERE file_id IN (SELECT id FROM import_file WHERE dataset = ?)", dataset);
            update(c, "DELETE FROM area_total WHERE dataset = ?", dataset);
            update(c, "DELETE FROM area_total_placement WHERE dataset = ?", dataset);
            update(c, "DELETE FROM import_problem WHERE file_id IN (SELECT id FROM import_file WHERE dataset = ?)", dataset);
            update(c, "DELETE FROM import_file WHERE dataset = ?", dataset);
            if (update(c, "DELETE FROM dataset WHERE id = ?", dataset) == 0) {
                throw new NotFoundException("no dataset '" + dataset + "'");
            }
            return new Deletion(dataset, files, rows);
        });
    }

    /** Deletes one imported file of {@code dataset} (its id as {@code wardheat datasets} shows it) with its rows. */
    public Deletion deleteFile(String dataset, long fileId) {
        return db.inTransaction(c -> {
            String source;
            try (PreparedStatement ps = c.prepareStatement("SELECT source FROM import_file WHERE dataset = ? AND id = ?")) {
                ps.setString(1, dataset);
                ps.setLong(2, fileId);
                ResultSet rs = ps.executeQuery();
                if (!rs.next()) {
                    throw new NotFoundException("dataset '" + dataset + "' has no imported file " + fileId);
                }
                source = rs.getString(1);
            }
            WardCountStore.subtractFile(c, fileId);
            long rows = update(c, "DELETE FROM incident WHERE file_id = ?", fileId);
            update(c, "DELETE FROM area_total WHERE file_id = ?", fileId);
            update(c, "DELETE FROM area_total_placement WHERE file_id = ?", fileId);
            update(c, "DELETE FROM import_problem WHERE file_id = ?", fileId);
            update(c, "DELETE FROM import_file WHERE id = ?", fileId);
            return new Deletion(dataset, List.of(source), rows);
        });
    }

    private static long update(Connection c, String sql, Object arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            return ps.executeUpdate();
        }
    }
}
