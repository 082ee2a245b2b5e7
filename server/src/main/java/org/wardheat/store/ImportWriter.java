package org.wardheat.store;

import org.wardheat.boundaries.WardIndex;
import org.wardheat.model.Incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Savepoint;
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

    private final Connection db;
    private String dataset;
    private long fileId;
    private Savepoint start;
    private IncidentRows insert;
    private PreparedStatement problem;
    private int problemsBatched;
    /** The boundary sets each incident is counted in, loaded at the first file. */
    private CountTally fileCounts;
    private int firstMonth;
    private int lastMonth;

    /** Ward indexes of stored boundary sets the caller has loaded already, by set id (the others are loaded). */
    private final Map<String, WardIndex> known;

    ImportWriter(Connection db, Map<String, WardIndex> known) {
        this.db = db;
        this.known = Map.copyOf(known);
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
                try (ResultSet rs = s.executeQuery("SELECT dataset, category FROM ward_count WHERE set_id = '' GROUP BY dataset, category")) {
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
            if (insert == null) {
                insert = new IncidentRows(db); // one for the whole import: its dictionaries' ids stay cached
            }
            problem = db.prepareStatement("INSERT INTO import_problem VALUES (?,?,?,?)");
            problemsBatched = 0;
            if (fileCounts == null) {
                fileCounts = new CountTally(WardCountStore.sets(db, known), true);
            }
            fileCounts.clear();
            firstMonth = Integer.MAX_VALUE;
            lastMonth = Integer.MIN_VALUE;
        });
    }

    /** Adds an incident read from line {@code line} of the current file. */
    public void add(int line, Incident i) {
        run(() -> {
            insert.add(0, fileId, line, i);
            // counted where it is stored: at the stored (fixed-point) position, as a later recount finds it
            fileCounts.add(i.month(), i.category(), dataset, IncidentCodec.quantise(i.lon()), IncidentCodec.quantise(i.lat()),
                    i.weight());
            firstMonth = Math.min(firstMonth, i.month());
            lastMonth = Math.max(lastMonth, i.month());
        });
    }

    /**
     * The ward of the incident last {@linkplain #add added} in boundary set {@code setId}, as its counts have it
     * (located at the stored position): its index in the set's code-ordered wards, or -1 outside them or without a
     * location; null for a set not in the store.
     */
    public Integer lastWard(String setId) {
        return fileCounts == null ? null : fileCounts.lastWard(setId);
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
            insert.flush();
            problem.executeBatch();
            problem.close();
            problem = null;
            Optional<ImportedFile> earlier = ImportLog.find(db, dataset, sha256);
            if (earlier.isPresent()) {
                db.rollback(start);
                insert.forget(); // the rollback may have taken back dictionary rows
            } else {
                keepCounts();
                db.releaseSavepoint(start);
            }
            return earlier;
        });
    }

    /** Completes the kept file's log entry with its content's SHA-256 and its report (JSON). */
    public void setReport(String sha256, String reportJson) {
        run(() -> ImportLog.setReport(db, fileId, sha256, reportJson));
    }

    /** Adds the file's counts, its months and any new category to the store. */
    private void keepCounts() throws SQLException {
        WardCountStore.write(db, fileCounts, 1);
        if (firstMonth <= lastMonth) {
            try (PreparedStatement ps = db.prepareStatement("UPDATE import_file SET first_month = ?, last_month = ? WHERE id = ?")) {
                ps.setInt(1, firstMonth);
                ps.setInt(2, lastMonth);
                ps.setLong(3, fileId);
                ps.executeUpdate();
            }
        }
    }

    private void closeStatements() throws SQLException {
        if (insert != null) {
            insert.close();
            insert = null;
        }
        if (problem != null) {
            problem.close();
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
