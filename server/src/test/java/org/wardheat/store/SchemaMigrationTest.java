package org.wardheat.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKBWriter;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.model.Incident;
import org.wardheat.model.IncidentTable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A schema-4 store opened by this version keeps every incident, value for value, and gains its ward counts. */
class SchemaMigrationTest {
    @TempDir
    Path dir;

    private static final String[] SCHEMA_4 = {
            "CREATE TABLE boundary_set (id TEXT PRIMARY KEY, source TEXT NOT NULL, code_field TEXT NOT NULL, name_field TEXT NOT NULL,"
                    + " source_crs TEXT NOT NULL, repaired TEXT NOT NULL, added_at TEXT NOT NULL)",
            "CREATE TABLE ward (set_id TEXT NOT NULL REFERENCES boundary_set(id) ON DELETE CASCADE, code TEXT NOT NULL,"
                    + " name TEXT NOT NULL, district TEXT, geometry BLOB NOT NULL, PRIMARY KEY (set_id, code))",
            "CREATE TABLE ward_population (set_id TEXT NOT NULL, ward_code TEXT NOT NULL, residents REAL NOT NULL, source TEXT NOT NULL,"
                    + " PRIMARY KEY (set_id, ward_code), FOREIGN KEY (set_id, ward_code) REFERENCES ward(set_id, code) ON DELETE CASCADE)",
            "CREATE TABLE dataset (id TEXT PRIMARY KEY, kind TEXT NOT NULL, added_at TEXT NOT NULL)",
            "CREATE TABLE import_file (id INTEGER PRIMARY KEY, dataset TEXT NOT NULL REFERENCES dataset(id), source TEXT NOT NULL,"
                    + " sha256 TEXT NOT NULL, report TEXT NOT NULL, imported_at TEXT NOT NULL, UNIQUE (dataset, sha256))",
            "CREATE TABLE import_problem (file_id INTEGER NOT NULL REFERENCES import_file(id), line INTEGER NOT NULL, field TEXT NOT NULL,"
                    + " reason TEXT NOT NULL)",
            "CREATE TABLE incident (id INTEGER PRIMARY KEY, dataset TEXT NOT NULL, file_id INTEGER NOT NULL, line INTEGER NOT NULL,"
                    + " month INTEGER NOT NULL, date TEXT, end_date TEXT, category TEXT NOT NULL, crime_id TEXT,"
                    + " lon REAL, lat REAL, location TEXT, lsoa TEXT, outcome TEXT, weight REAL NOT NULL DEFAULT 1, extra TEXT)",
            "CREATE INDEX incident_month ON incident(month)",
            "CREATE TABLE focus_area (id INTEGER PRIMARY KEY, name TEXT NOT NULL, boundaries TEXT NOT NULL, ward_codes TEXT,"
                    + " geometry BLOB NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
            "CREATE TABLE ward_properties (set_id TEXT NOT NULL, ward_code TEXT NOT NULL, properties TEXT NOT NULL,"
                    + " PRIMARY KEY (set_id, ward_code), FOREIGN KEY (set_id, ward_code) REFERENCES ward(set_id, code) ON DELETE CASCADE)",
            "PRAGMA user_version=4"};

    private static final String HEX = "9f2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809";

    /** The rows of the old store, as {@link IncidentStore#records} gives them back. */
    private static final List<Incident> ROWS = List.of(
            new Incident(1, "police-uk", 202201, null, null, "Burglary", HEX, 0.512345, 51.271234,
                    "On or near High Street", "E01024345", "Under investigation", 1, null),
            new Incident(2, "police-uk", 202201, null, null, "Anti-social behaviour", null, 0.01, 50.005, // on the shared edge
                    "On or near Mill Lane", "E01024345", null, 1, null),
            new Incident(3, "police-uk", 202202, null, null, "Burglary", "not-a-hex-id", Double.NaN, Double.NaN,
                    "No location", null, "Unable to prosecute suspect", 1, null),
            new Incident(5, "council", 202202, "2022-02-03", "2022-02-10", "Needles", null, 0.005, 50.002,
                    "Park Road", null, null, 3, "{\"people\":\"2\"}"),
            new Incident(7, "council", 202203, "03/2022", null, "Needles", null, -0.5, 50.002, null, null, null, 2.5, null));

    @Test
    void aSchema4StoreKeepsEveryValueAndIsCountedByWard() throws Exception {
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME)); Statement s = c.createStatement()) {
            for (String sql : SCHEMA_4) {
                s.execute(sql);
            }
            s.execute("INSERT INTO boundary_set VALUES ('grid', 'test', 'code', 'name', 'EPSG:4326', '', '2026-01-01')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ward VALUES ('grid', ?, ?, NULL, ?)")) {
                for (int i = 0; i < 2; i++) {
                    double x = i * 0.01;
                    ps.setString(1, "W" + i);
                    ps.setString(2, "Ward " + i);
                    ps.setBytes(3, new WKBWriter().write(GeoJsonGeometry.FACTORY.createPolygon(new Coordinate[] {new Coordinate(x, 50),
                            new Coordinate(x + 0.01, 50), new Coordinate(x + 0.01, 50.01), new Coordinate(x, 50.01), new Coordinate(x, 50)})));
                    ps.executeUpdate();
                }
            }
            s.execute("INSERT INTO dataset VALUES ('police-uk', 'police-uk', '2026-01-01'), ('council', 'council', '2026-01-02')");
            s.execute("INSERT INTO import_file VALUES (1, 'police-uk', 'a.csv', 'a', '{}', '2026-01-01'),"
                    + " (2, 'council', 'b.csv', 'b', '{}', '2026-01-02')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO incident VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (Incident i : ROWS) {
                    ps.setLong(1, i.id());
                    ps.setString(2, i.dataset());
                    ps.setLong(3, i.dataset().equals("council") ? 2 : 1);
                    ps.setLong(4, 10 + i.id());
                    ps.setInt(5, i.month());
                    ps.setString(6, i.date());
                    ps.setString(7, i.endDate());
                    ps.setString(8, i.category());
                    ps.setString(9, i.crimeId());
                    ps.setObject(10, i.hasLocation() ? i.lon() : null);
                    ps.setObject(11, i.hasLocation() ? i.lat() : null);
                    ps.setString(12, i.location());
                    ps.setString(13, i.lsoa());
                    ps.setString(14, i.outcome());
                    ps.setDouble(15, i.weight());
                    ps.setString(16, i.extra());
                    ps.executeUpdate();
                }
            }
        }
        try (Store store = Store.open(dir)) {
            assertEquals(ROWS, store.incidents().records(List.of(), List.of(), 202201, 202212));
            assertEquals(List.of(ROWS.get(3)), store.incidents().records(List.of("council"), List.of("needles"), 202202, 202202));
            IncidentTable t = store.incidents().table();
            assertEquals(List.of("Burglary", "Anti-social behaviour", "Needles"), t.categories());
            assertEquals(Set.of(202202, 202203), t.coveredMonths("council"));

            WardCountStore.Rows counts = store.wardCounts().rows("grid");
            long inW0 = 0, inW1 = 0, outside = 0, noLocation = 0;
            double weightW0 = 0;
            for (int i = 0; i < counts.table().size(); i++) {
                String w = counts.wards().get(i);
                if ("W0".equals(w)) {
                    inW0 += counts.table().records(i);
                    weightW0 += counts.table().weight(i);
                } else if ("W1".equals(w)) {
                    inW1 += counts.table().records(i);
                } else if (counts.table().hasLocation(i)) {
                    outside += counts.table().records(i);
                } else {
                    noLocation += counts.table().records(i);
                }
            }
            // row 2 lies on the edge W0|W1: the edge rule gives it to one ward only
            assertEquals(4, inW0 + inW1 + outside, "located rows");
            assertEquals(1, noLocation);
            assertEquals(2, outside, "rows 1 and 7 lie outside the grid");
            assertEquals(2, inW0 + inW1);
            assertEquals(Map.of("police-uk", 3L, "council", 2L), Map.of(store.importLog().datasets().get(1).id(),
                    store.importLog().datasets().get(1).incidents(), store.importLog().datasets().get(0).id(),
                    store.importLog().datasets().get(0).incidents()));
            assertEquals(inW0 == 2 ? 4 : 3, weightW0, 1e-9, "row 5 (weight 3) is in W0, with row 2 when the edge gives it to W0");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            assertEquals(5, rs.getInt(1));
        }
    }
}
