package org.wardheat.store;

import org.wardheat.model.Incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes one import inside its transaction ({@link IncidentStore#importing}): the dataset, then per file
 * a log entry, its incidents and rejected rows (batched), and at the end either its report or, when the
 * same content was imported into the dataset before, nothing of the file at all.
 */
public final class ImportWriter implements AutoCloseable {
    private static final int BATCH = 10_000;
    private static final String INSERT = "INSERT INTO incident (dataset, file_id, line, month, date, end_date, category,"
            + " crime_id, lon, lat, location, lsoa, outcome, weight, extra) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private final Connection db;
    private String dataset;
    private long fileId;
    private Savepoint start;
    private PreparedStatement insert;
    private PreparedStatement problem;
    private int batched;
    private int problemsBatched;

    ImportWriter(Connection db) {
        this.db = db;
    }

    /** Creates the dataset if it does not exist. */
    public void ensureDataset(String id, String kind) {
        run(() -> ImportLog.ensureDataset(db, id, kind));
    }

    /**
     * Every stored dataset with the distinct categories of its incidents (an empty set for one without any), for the
     * import's limits on datasets and categories.
     */
    public Map<String, Set<String>> categoriesByDataset() {
        return call(() -> {
            Map<String, Set<String>> out = new HashMap<>();
            try (Statement s = db.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT id FROM dataset")) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new HashSet<>());
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT dataset, category FROM incident GROUP BY dataset, category")) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    /** Starts a file: everything until {@link #endFile} can still be taken back as a whole. */
    public void beginFile(String datasetId, String source) {
        run(() -> {
            dataset = datasetId;
            start = db.setSavepoint();
            fileId = ImportLog.log(db, datasetId, source, "pending-" + System.nanoTime());
            insert = db.prepareStatement(INSERT);
            problem = db.prepareStatement("INSERT INTO import_problem VALUES (?,?,?,?)");
            batched = 0;
            problemsBatched = 0;
        });
    }

    /** Adds an incident read from line {@code line} of the current file. */
    public void add(int line, Incident i) {
        run(() -> {
            bind(line, i);
            insert.addBatch();
            if (++batched == BATCH) {
                insert.executeBatch();
                batched = 0;
            }
        });
    }

    /** Records a rejected row of the current file. */
    public void reject(int line, String field, String reason) {
        run(() -> {
            problem.setLong(1, fileId);
            problem.setInt(2, line);
            problem.setString(3, field);
            problem.setString(4, reason);
            problem.addBatch();
            if (++problemsBatched == BATCH) {
                problem.executeBatch();
                problemsBatched = 0;
            }
        });
    }

    /**
     * Ends the current file whose content hashes to {@code sha256}: when that content was imported into the
     * dataset before, everything the file wrote is taken back and the earlier import is returned; otherwise
     * the file is kept (give its report with {@link #setReport}) and the result is empty.
     */
    public Optional<ImportedFile> endFile(String sha256) {
        return call(() -> {
            insert.executeBatch();
            problem.executeBatch();
            closeStatements();
            Optional<ImportedFile> earlier = ImportLog.find(db, dataset, sha256);
            if (earlier.isPresent()) {
                db.rollback(start);
            } else {
                db.releaseSavepoint(start);
            }
            return earlier;
        });
    }

    /** Completes the kept file's log entry with its content's SHA-256 and its report (JSON). */
    public void setReport(String sha256, String reportJson) {
        run(() -> ImportLog.setReport(db, fileId, sha256, reportJson));
    }

    private void bind(int line, Incident i) throws SQLException {
        insert.setString(1, dataset);
        insert.setLong(2, fileId);
        insert.setInt(3, line);
        insert.setInt(4, i.month());
        insert.setString(5, i.date());
        insert.setString(6, i.endDate());
        insert.setString(7, i.category());
        insert.setString(8, i.crimeId());
        if (i.hasLocation()) {
            insert.setDouble(9, i.lon());
            insert.setDouble(10, i.lat());
        } else {
            insert.setNull(9, Types.REAL);
            insert.setNull(10, Types.REAL);
        }
        insert.setString(11, i.location());
        insert.setString(12, i.lsoa());
        insert.setString(13, i.outcome());
        insert.setDouble(14, i.weight());
        insert.setString(15, i.extra());
    }

    private void closeStatements() throws SQLException {
        if (insert != null) {
            insert.close();
            problem.close();
            insert = null;
            problem = null;
        }
    }

    @Override
    public void close() {
        run(this::closeStatements);
    }

    private interface SqlStep {
        void run() throws SQLException;
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private static void run(SqlStep step) {
        call(() -> {
            step.run();
            return null;
        });
    }

    private static <T> T call(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }
}
