package org.wardheat.store;

import org.wardheat.boundaries.Projection;
import org.wardheat.model.Incident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Writes incident rows in the compact form of schema 5 ({@link IncidentCodec}), in batches: each batch's
 * located rows are projected to British National Grid at once. Used by imports and by the migration from
 * schema 4, so both store the same values.
 */
final class IncidentRows implements AutoCloseable {
    static final String CREATE = """
            CREATE TABLE incident (
              id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL, month INTEGER NOT NULL, category INTEGER NOT NULL,
              lon INTEGER, lat INTEGER, x INTEGER, y INTEGER, weight REAL NOT NULL DEFAULT 1, line INTEGER NOT NULL,
              date, end_date, location INTEGER, lsoa INTEGER, outcome INTEGER, crime_id, extra TEXT)""";
    private static final String INSERT = "INSERT INTO incident (id, file_id, month, category, lon, lat, x, y, weight, line,"
            + " date, end_date, location, lsoa, outcome, crime_id, extra) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final int BATCH = 10_000;

    private final Connection db;
    private final Dictionary categories = new Dictionary(Dictionary.CATEGORY);
    private final Dictionary labels = new Dictionary(Dictionary.LABEL);
    private final long[] ids = new long[BATCH];
    private final long[] files = new long[BATCH];
    private final int[] lines = new int[BATCH];
    private final Incident[] rows = new Incident[BATCH];
    private final double[] xy = new double[2 * BATCH];
    private final int[] at = new int[BATCH];
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
        int located = 0;
        for (int k = 0; k < size; k++) {
            if (rows[k].hasLocation()) {
                at[located] = k;
                xy[2 * located] = IncidentCodec.quantise(rows[k].lon());
                xy[2 * located + 1] = IncidentCodec.quantise(rows[k].lat());
                located++;
            }
        }
        project(xy, located);
        for (int j = located - 1; j >= 0; j--) { // spread back to row positions (at[j] >= j: from the end)
            int k = at[j];
            xy[2 * k] = xy[2 * j];
            xy[2 * k + 1] = xy[2 * j + 1];
        }
        for (int k = 0; k < size; k++) {
            bind(k);
            insert.addBatch();
            rows[k] = null;
        }
        insert.executeBatch();
        size = 0;
    }

    /** Projects the first {@code n} points of {@code lonLat} to BNG metres in place; a point that cannot be is NaN. */
    private static void project(double[] lonLat, int n) {
        double[] source = java.util.Arrays.copyOf(lonLat, 2 * n);
        try {
            Projection.transform(Projection.WGS84, Projection.BNG).transform(source, 0, lonLat, 0, n);
        } catch (Exception | AssertionError batchFailed) { // GeoTools asserts on some inputs when -ea
            double[] one = new double[2];
            for (int k = 0; k < n; k++) {
                one[0] = source[2 * k];
                one[1] = source[2 * k + 1];
                try {
                    Projection.transform(Projection.WGS84, Projection.BNG).transform(one, 0, one, 0, 1);
                } catch (Exception | AssertionError e) {
                    one[0] = Double.NaN;
                    one[1] = Double.NaN;
                }
                lonLat[2 * k] = one[0];
                lonLat[2 * k + 1] = one[1];
            }
        }
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
        Long x = i.hasLocation() ? IncidentCodec.metres(xy[2 * k]) : null;
        Long y = i.hasLocation() ? IncidentCodec.metres(xy[2 * k + 1]) : null;
        setLong(5, i.hasLocation() ? IncidentCodec.degrees(i.lon()) : null);
        setLong(6, i.hasLocation() ? IncidentCodec.degrees(i.lat()) : null);
        setLong(7, x == null || y == null ? null : x);
        setLong(8, x == null || y == null ? null : y);
        insert.setDouble(9, i.weight());
        insert.setInt(10, lines[k]);
        insert.setObject(11, IncidentCodec.day(i.date()));
        insert.setObject(12, IncidentCodec.day(i.endDate()));
        setLong(13, labels.id(db, i.location()));
        setLong(14, labels.id(db, i.lsoa()));
        setLong(15, labels.id(db, i.outcome()));
        insert.setObject(16, IncidentCodec.crimeId(i.crimeId()));
        insert.setString(17, i.extra());
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
        if (insert != null) {
            insert.close();
            insert = null;
        }
    }
}
