package org.wardheat.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The tables, created on first use and migrated version by version ({@code PRAGMA user_version}). */
final class Schema {
    static final int VERSION = 4;

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
        AreaTotalStore.create(s); // unversioned: CREATE ... IF NOT EXISTS
        ContextStore.create(s);
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
