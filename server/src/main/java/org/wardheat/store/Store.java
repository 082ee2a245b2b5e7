package org.wardheat.store;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.wardheat.boundaries.Ward;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable store: one SQLite database file ({@code wardheat.db}) in the data directory, in WAL mode.
 * Holds boundary sets and their wards, ward populations, datasets, incidents and the import log.
 *
 * <p>Incidents are stored once, independent of any boundary set, with WGS84 longitude/latitude.
 * Every write that must be all-or-nothing runs in {@link #inTransaction}. One {@code Store} owns one
 * JDBC connection; its methods are synchronized so the HTTP server can share it between threads.
 */
public final class Store implements Closeable {
    public static final String FILE_NAME = "wardheat.db";
    private static final int SCHEMA_VERSION = 3;

    private final Connection db;
    private final Path dataDir;

    /** Opens (creating if needed) the store in {@code dataDir}. */
    public static Store open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return new Store(dataDir, DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(FILE_NAME)));
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot open the data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private Store(Path dataDir, Connection db) throws SQLException {
        this.dataDir = dataDir;
        this.db = db;
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=10000");
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.getInt(1);
            }
            if (version > SCHEMA_VERSION) {
                throw new StoreException(dataDir + " was written by a newer wardheat (schema " + version + ")");
            }
            if (version < 1) {
                createSchema(s);
            }
            if (version < 2) {
                s.execute("ALTER TABLE incident ADD COLUMN extra TEXT"); // v2: encampment vehicles/people
                s.execute("PRAGMA user_version=2");
            }
            if (version < 3) { // v3: saved focus areas
                s.execute("""
                        CREATE TABLE focus_area (
                          id INTEGER PRIMARY KEY, name TEXT NOT NULL, boundaries TEXT NOT NULL, ward_codes TEXT,
                          geometry BLOB NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)""");
                s.execute("PRAGMA user_version=3");
            }
        }
        db.setAutoCommit(false);
        db.commit();
    }

    private static void createSchema(Statement s) throws SQLException {
        s.execute("""
                CREATE TABLE boundary_set (
                  id TEXT PRIMARY KEY, source TEXT NOT NULL, code_field TEXT NOT NULL, name_field TEXT NOT NULL,
                  source_crs TEXT NOT NULL, repaired TEXT NOT NULL, added_at TEXT NOT NULL)""");
        s.execute("""
                CREATE TABLE ward (
                  set_id TEXT NOT NULL REFERENCES boundary_set(id) ON DELETE CASCADE, code TEXT NOT NULL,
                  name TEXT NOT NULL, district TEXT, geometry BLOB NOT NULL, PRIMARY KEY (set_id, code))""");
        s.execute("""
                CREATE TABLE ward_population (
                  set_id TEXT NOT NULL, ward_code TEXT NOT NULL, residents REAL NOT NULL, source TEXT NOT NULL,
                  PRIMARY KEY (set_id, ward_code), FOREIGN KEY (set_id, ward_code) REFERENCES ward(set_id, code) ON DELETE CASCADE)""");
        s.execute("CREATE TABLE dataset (id TEXT PRIMARY KEY, kind TEXT NOT NULL, added_at TEXT NOT NULL)");
        s.execute("""
                CREATE TABLE import_file (
                  id INTEGER PRIMARY KEY, dataset TEXT NOT NULL REFERENCES dataset(id), source TEXT NOT NULL,
                  sha256 TEXT NOT NULL, report TEXT NOT NULL, imported_at TEXT NOT NULL, UNIQUE (dataset, sha256))""");
        s.execute("""
                CREATE TABLE import_problem (
                  file_id INTEGER NOT NULL REFERENCES import_file(id), line INTEGER NOT NULL, field TEXT NOT NULL,
                  reason TEXT NOT NULL)""");
        s.execute("""
                CREATE TABLE incident (
                  id INTEGER PRIMARY KEY, dataset TEXT NOT NULL, file_id INTEGER NOT NULL, line INTEGER NOT NULL,
                  month INTEGER NOT NULL, date TEXT, end_date TEXT, category TEXT NOT NULL, crime_id TEXT,
                  lon REAL, lat REAL, location TEXT, lsoa TEXT, outcome TEXT, weight REAL NOT NULL DEFAULT 1)""");
        s.execute("CREATE INDEX incident_month ON incident(month)");
        s.execute("PRAGMA user_version=1");
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Work that must all be stored, or none of it. */
    public interface Work<T> {
        T run(Connection db) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws anything at
     * all ({@link OutOfMemoryError} and other {@link Error}s included), so no later statement on the shared
     * connection can commit half of it.
     */
    public synchronized <T> T inTransaction(Work<T> work) {
        try {
            T result = work.run(db);
            db.commit();
            return result;
        } catch (Throwable e) {
            try {
                db.rollback();
            } catch (Throwable suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error err) {
                throw err;
            }
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /** Reads; the connection is shared, so reads are serialised with writes. */
    public synchronized <T> T read(Work<T> work) {
        try {
            T result = work.run(db);
            db.commit(); // end the read transaction so WAL checkpoints can proceed
            return result;
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /** A number that changes whenever another connection (another process) commits. */
    public long dataVersion() {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA data_version")) {
                return rs.getLong(1);
            }
        });
    }

    // ---- boundary sets ----

    /** A stored boundary set's description. */
    public record BoundarySetInfo(String id, String source, String codeField, String nameField, String sourceCrs,
                                  List<String> repaired, String addedAt, int wards, int wardsWithPopulation) {
    }

    /** Adds a boundary set; fails if the id is taken, leaving the stored one as it is. */
    public void addBoundarySet(String id, String source, String codeField, String nameField, String sourceCrs,
                               List<String> repaired, List<Ward> wards) {
        inTransaction(c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM boundary_set WHERE id = ?")) {
                exists.setString(1, id);
                if (exists.executeQuery().next()) {
                    throw new StoreException("a boundary set with id '" + id + "' already exists; choose another --id");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO boundary_set VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, id);
                ps.setString(2, source);
                ps.setString(3, codeField);
                ps.setString(4, nameField);
                ps.setString(5, sourceCrs);
                ps.setString(6, String.join(",", repaired));
                ps.setString(7, Instant.now().toString());
                ps.executeUpdate();
            }
            WKBWriter wkb = new WKBWriter();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ward VALUES (?,?,?,?,?)")) {
                for (Ward w : wards) {
                    ps.setString(1, id);
                    ps.setString(2, w.code());
                    ps.setString(3, w.name());
                    ps.setString(4, w.district());
                    ps.setBytes(5, wkb.write(w.geometry()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public List<BoundarySetInfo> boundarySets() {
        return read(c -> {
            List<BoundarySetInfo> sets = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT b.*, (SELECT count(*) FROM ward w WHERE w.set_id = b.id),
                           (SELECT count(*) FROM ward_population p WHERE p.set_id = b.id)
                    FROM boundary_set b ORDER BY b.id""")) {
                while (rs.next()) {
                    String repaired = rs.getString("repaired");
                    sets.add(new BoundarySetInfo(rs.getString("id"), rs.getString("source"), rs.getString("code_field"),
                            rs.getString("name_field"), rs.getString("source_crs"),
                            repaired.isEmpty() ? List.of() : List.of(repaired.split(",")), rs.getString("added_at"),
                            rs.getInt(8), rs.getInt(9)));
                }
            }
            return sets;
        });
    }

    public Optional<BoundarySetInfo> boundarySet(String id) {
        return boundarySets().stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** The wards of a set, in code order, with WGS84 geometries. */
    public List<Ward> wards(String setId) {
        return read(c -> {
            List<Ward> wards = new ArrayList<>();
            WKBReader wkb = new WKBReader();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT code, name, district, geometry FROM ward WHERE set_id = ? ORDER BY code")) {
                ps.setString(1, setId);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    Geometry g;
                    try {
                        g = wkb.read(rs.getBytes(4));
                    } catch (ParseException e) {
                        throw new StoreException("stored geometry of ward " + rs.getString(1) + " is damaged", e);
                    }
                    wards.add(new Ward(rs.getString(1), rs.getString(2), rs.getString(3), g));
                }
            }
            return wards;
        });
    }

    // ---- populations ----

    /** Replaces the population of a boundary set's wards. */
    public void setPopulation(String setId, Map<String, Double> residents, String source) {
        inTransaction(c -> {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM ward_population WHERE set_id = ?")) {
                del.setString(1, setId);
                del.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ward_population VALUES (?,?,?,?)")) {
                for (Map.Entry<String, Double> e : residents.entrySet()) {
                    ps.setString(1, setId);
                    ps.setString(2, e.getKey());
                    ps.setDouble(3, e.getValue());
                    ps.setString(4, source);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Residents per ward code; wards without a figure are absent. */
    public Map<String, Double> population(String setId) {
        return read(c -> {
            Map<String, Double> residents = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT ward_code, residents FROM ward_population WHERE set_id = ? ORDER BY ward_code")) {
                ps.setString(1, setId);
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    residents.put(rs.getString(1), rs.getDouble(2));
                }
            }
            return residents;
        });
    }

    // ---- datasets and the import log ----

    /** A dataset with the reports of the files imported into it, oldest first. */
    public record DatasetInfo(String id, String kind, String addedAt, long incidents, List<ImportedFile> files) {
    }

    /** One imported file: its report is the JSON text written at import. */
    public record ImportedFile(long id, String source, String sha256, String importedAt, String report) {
    }

    public List<DatasetInfo> datasets() {
        return read(c -> {
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

    /** Creates the dataset if it does not exist; within an import's transaction. */
    public static void ensureDataset(Connection c, String id, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO dataset VALUES (?,?,?)")) {
            ps.setString(1, id);
            ps.setString(2, kind);
            ps.setString(3, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    /** The earlier import of the same content into the dataset, if any; within a transaction. */
    public static Optional<ImportedFile> findImport(Connection c, String dataset, String sha256) throws SQLException {
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

    /** Logs an import (hash and report filled in by {@link #setImportReport}); returns its id. */
    public static long logImport(Connection c, String dataset, String source, String sha256) throws SQLException {
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

    /** Completes an import's log entry with the content's SHA-256 and the report. */
    public static void setImportReport(Connection c, long fileId, String sha256, String reportJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE import_file SET sha256 = ?, report = ? WHERE id = ?")) {
            ps.setString(1, sha256);
            ps.setString(2, reportJson);
            ps.setLong(3, fileId);
            ps.executeUpdate();
        }
    }

    /**
     * Stored incidents for record-level analyses (repeats, encampments, near repeats).
     *
     * @param datasets   dataset ids; empty for all
     * @param categories categories (any case); empty for all
     * @param fromMonth  first month as yyyymm
     * @param toMonth    last month as yyyymm
     */
    public List<org.wardheat.repeats.IncidentRecord> records(java.util.Collection<String> datasets,
                                                             java.util.Collection<String> categories, int fromMonth, int toMonth) {
        return read(c -> {
            StringBuilder sql = new StringBuilder("SELECT id, dataset, month, date, end_date, category, lon, lat, location, weight, extra"
                    + " FROM incident WHERE month BETWEEN ? AND ?");
            List<String> args = new ArrayList<>();
            if (!datasets.isEmpty()) {
                sql.append(" AND dataset IN (").append("?,".repeat(datasets.size() - 1)).append("?)");
                args.addAll(datasets);
            }
            if (!categories.isEmpty()) {
                sql.append(" AND lower(category) IN (").append("?,".repeat(categories.size() - 1)).append("?)");
                categories.forEach(k -> args.add(k.toLowerCase(java.util.Locale.ROOT)));
            }
            sql.append(" ORDER BY month, date, id");
            List<org.wardheat.repeats.IncidentRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setInt(1, fromMonth);
                ps.setInt(2, toMonth);
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(3 + i, args.get(i));
                }
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    double lon = rs.getDouble(7);
                    boolean located = !rs.wasNull();
                    double lat = rs.getDouble(8);
                    out.add(new org.wardheat.repeats.IncidentRecord(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), located ? lon : Double.NaN, located ? lat : Double.NaN,
                            rs.getString(9), rs.getDouble(10), rs.getString(11)));
                }
            }
            return out;
        });
    }

    // ---- focus areas ----

    /**
     * A saved focus area: a set of wards of a boundary set, or a drawn polygon.
     *
     * @param wardCodes the wards it was made of, or empty for a drawn area
     * @param geometry  its outline in WGS84 lon/lat
     */
    public record FocusArea(long id, String name, String boundaries, List<String> wardCodes, Geometry geometry,
                            String createdAt, String updatedAt) {
    }

    public FocusArea saveFocusArea(String name, String boundaries, List<String> wardCodes, Geometry geometry) {
        String now = Instant.now().toString();
        long id = inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO focus_area (name, boundaries, ward_codes, geometry, created_at, updated_at) VALUES (?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name);
                ps.setString(2, boundaries);
                ps.setString(3, wardCodes.isEmpty() ? null : String.join(",", wardCodes));
                ps.setBytes(4, new WKBWriter().write(geometry));
                ps.setString(5, now);
                ps.setString(6, now);
                ps.executeUpdate();
                ResultSet keys = ps.getGeneratedKeys();
                keys.next();
                return keys.getLong(1);
            }
        });
        return focusArea(id).orElseThrow();
    }

    public List<FocusArea> focusAreas() {
        return read(c -> {
            List<FocusArea> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, name, boundaries, ward_codes, geometry, created_at, updated_at FROM focus_area ORDER BY name, id")) {
                while (rs.next()) {
                    out.add(focusArea(rs));
                }
            }
            return out;
        });
    }

    public Optional<FocusArea> focusArea(long id) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, name, boundaries, ward_codes, geometry, created_at, updated_at FROM focus_area WHERE id = ?")) {
                ps.setLong(1, id);
                ResultSet rs = ps.executeQuery();
                return rs.next() ? Optional.of(focusArea(rs)) : Optional.<FocusArea>empty();
            }
        });
    }

    private static FocusArea focusArea(ResultSet rs) throws SQLException {
        String codes = rs.getString(4);
        Geometry g;
        try {
            g = new WKBReader().read(rs.getBytes(5));
        } catch (ParseException e) {
            throw new StoreException("stored geometry of focus area " + rs.getLong(1) + " is damaged", e);
        }
        return new FocusArea(rs.getLong(1), rs.getString(2), rs.getString(3), codes == null ? List.of() : List.of(codes.split(",")),
                g, rs.getString(6), rs.getString(7));
    }

    /** Renames a focus area; false when there is none with that id. */
    public boolean renameFocusArea(long id, String name) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE focus_area SET name = ?, updated_at = ? WHERE id = ?")) {
                ps.setString(1, name);
                ps.setString(2, Instant.now().toString());
                ps.setLong(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public boolean deleteFocusArea(long id) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM focus_area WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the database: " + e.getMessage(), e);
        }
    }
}
