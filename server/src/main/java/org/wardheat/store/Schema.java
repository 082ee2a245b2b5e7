package org.wardheat.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The tables, created on first use and migrated version by version ({@code PRAGMA user_version}). */
final class Schema {
    static final int VERSION = 5;

    private Schema() {
    }

    static void migrate(Statement s, Path dataDir) throws SQLException {
        int version;
        try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        if (version > VERSION) {
            throw new StoreException(dataDir + " was written by a newer wardheat (schema " + version + ")");
        }
        if (version < 1) {
            create(s);
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
        if (version < 4) { // v4: each ward's source feature properties (JSON object of text), for dissolve
            s.execute("""
                    CREATE TABLE ward_properties (
                      set_id TEXT NOT NULL, ward_code TEXT NOT NULL, properties TEXT NOT NULL,
                      PRIMARY KEY (set_id, ward_code),
                      FOREIGN KEY (set_id, ward_code) REFERENCES ward(set_id, code) ON DELETE CASCADE)""");
            s.execute("PRAGMA user_version=4");
        }
        if (version < 5) {
            toCompact(s);
        }
        AreaTotalStore.create(s); // unversioned: CREATE ... IF NOT EXISTS
        ContextStore.create(s);
    }

    /**
     * v5, the compact store: incidents in the form of {@link IncidentCodec} (category, location, LSOA and
     * outcome as dictionary ids, the dataset through the file, coordinates as fixed-point integers), each file's first and last record month, and the {@link WardCountStore} aggregate, counted
     * here for every stored set. Every stored row is kept, with its id; the file is vacuumed afterwards.
     */
    private static void toCompact(Statement s) throws SQLException {
        boolean hadRows;
        s.execute("BEGIN IMMEDIATE");
        try {
            s.execute("DROP INDEX IF EXISTS incident_month");
            s.execute("ALTER TABLE incident RENAME TO incident_v4");
            s.execute(Dictionary.create(Dictionary.CATEGORY));
            s.execute(Dictionary.create(Dictionary.LABEL));
            s.execute("INSERT INTO category (name) SELECT category FROM incident_v4 GROUP BY category ORDER BY min(id)");
            s.execute(IncidentRows.CREATE);
            s.execute("ALTER TABLE import_file ADD COLUMN first_month INTEGER");
            s.execute("ALTER TABLE import_file ADD COLUMN last_month INTEGER");
            s.execute("CREATE TEMP TABLE file_month (file_id INTEGER PRIMARY KEY, first INTEGER, last INTEGER)");
            s.execute("INSERT INTO file_month SELECT file_id, min(month), max(month) FROM incident_v4 GROUP BY file_id");
            s.execute("""
                    UPDATE import_file SET (first_month, last_month) =
                      (SELECT first, last FROM file_month WHERE file_month.file_id = import_file.id)""");
            s.execute("DROP TABLE file_month");
            hadRows = copyIncidents(s.getConnection());
            s.execute("DROP TABLE incident_v4");
            s.execute(WardCountStore.CREATE);
            s.execute(WardCountStore.CREATE_BUILT);
            WardCountStore.buildMissing(s.getConnection());
            s.execute("PRAGMA user_version=5");
            s.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            s.execute("ROLLBACK");
            throw e;
        }
        if (hadRows) {
            s.execute("VACUUM"); // give back the pages of the schema-4 rows
        }
    }

    /** Copies every schema-4 incident into the compact table, keeping its id; whether there was any. */
    private static boolean copyIncidents(java.sql.Connection c) throws SQLException {
        boolean any = false;
        try (Statement read = c.createStatement(); IncidentRows rows = new IncidentRows(c); ResultSet rs = read.executeQuery("""
                SELECT id, file_id, line, month, date, end_date, category, crime_id, lon, lat, location, lsoa, outcome,
                       weight, extra FROM incident_v4 ORDER BY id""")) {
            while (rs.next()) {
                double lon = rs.getDouble(9);
                boolean located = !rs.wasNull();
                double lat = rs.getDouble(10);
                rows.add(rs.getLong(1), rs.getLong(2), rs.getInt(3), new org.wardheat.model.Incident(rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), located ? lon : Double.NaN,
                        located ? lat : Double.NaN, rs.getString(11), rs.getString(12), rs.getString(13), rs.getDouble(14),
                        rs.getString(15)));
                any = true;
            }
            rows.flush();
        }
        return any;
    }

    private static void create(Statement s) throws SQLException {
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
}
