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
                    "SELECT id, kind, added_at, (SELECT count(*) FROM incident i WHERE i.dataset = d.id) FROM dataset d ORDER BY id")) {
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
}
