package org.wardheat.store;

import org.wardheat.model.Incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Writes incident rows in the compact form of schema 5 ({@link IncidentCodec}), in batches. Used by imports
 * and by the migration from schema 4, so both store the same values.
 */
final class IncidentRows implements AutoCloseable {
    static final String CREATE = """
            CREATE TABLE incident (
              id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL, month INTEGER NOT NULL, category INTEGER NOT NULL,
              lon INTEGER, lat INTEGER, weight REAL NOT NULL DEFAULT 1, line INTEGER NOT NULL,
              date, end_date, location INTEGER, lsoa INTEGER, outcome INTEGER, crime_id, extra TEXT)""";
    private static final String INSERT = "INSERT INTO incident (id, file_id, month, category, lon, lat, weight, line,"
            + " date, end_date, location, lsoa, outcome, crime_id, extra) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final int BATCH = 10_000;

    private final Connection db;
    private final Dictionary categories = new Dictionary(Dictionary.CATEGORY);
    private final Dictionary labels = new Dictionary(Dictionary.LABEL);
    private final long[] ids = new long[BATCH];
    private final long[] files = new long[BATCH];
    private final int[] lines = new int[BATCH];
    private final Incident[] rows = new Incident[BATCH];
    private int size;
    private PreparedStatement insert;

    IncidentRows(Connection db) {
        this.db = db;
    }

    /**
     * Adds a row (written at the latest by {@link #flush}).
     *
     * @param id     the row id to keep (the migration), or 0 for a new one
     * @param fileId the imported file it was read from
     * @param line   its line in that file
     */
    void add(long id, long fileId, int line, Incident i) throws SQLException {
        ids[size] = id;
        files[size] = fileId;
        lines[size] = line;
        rows[size] = i;
        if (++size == BATCH) {
            flush();
        }
    }

    /** Writes the rows added so far. */
    void flush() throws SQLException {
        if (size == 0) {
            return;
        }
        if (insert == null) {
            insert = db.prepareStatement(INSERT);
        }
        for (int k = 0; k < size; k++) {
            bind(k);
            insert.addBatch();
            rows[k] = null;
        }
        insert.executeBatch();
        size = 0;
    }

    private void bind(int k) throws SQLException {
        Incident i = rows[k];
        if (ids[k] == 0) {
            insert.setNull(1, Types.INTEGER);
        } else {
            insert.setLong(1, ids[k]);
        }
        insert.setLong(2, files[k]);
        insert.setInt(3, i.month());
        insert.setLong(4, categories.id(db, i.category()));
        setLong(5, i.hasLocation() ? IncidentCodec.degrees(i.lon()) : null);
        setLong(6, i.hasLocation() ? IncidentCodec.degrees(i.lat()) : null);
        insert.setDouble(7, i.weight());
        insert.setInt(8, lines[k]);
        insert.setObject(9, IncidentCodec.day(i.date()));
        insert.setObject(10, IncidentCodec.day(i.endDate()));
        setLong(11, labels.id(db, i.location()));
        setLong(12, labels.id(db, i.lsoa()));
        setLong(13, labels.id(db, i.outcome()));
        insert.setObject(14, IncidentCodec.crimeId(i.crimeId()));
        insert.setString(15, i.extra());
    }

    private void setLong(int index, Long v) throws SQLException {
        if (v == null) {
            insert.setNull(index, Types.INTEGER);
        } else {
            insert.setLong(index, v);
        }
    }

    /** Drops the dictionaries' cached ids, after a rollback to a savepoint (call after {@link #flush}). */
    void forget() {
        categories.forget();
        labels.forget();
    }

    @Override
    public void close() throws SQLException {
        categories.close();
        labels.close();
        if (insert != null) {
            insert.close();
            insert = null;
        }
    }
}
