package org.wardheat.repeats;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.TestFiles;
import org.wardheat.service.Workspace;
import org.wardheat.imports.ColumnMapping;
import org.wardheat.imports.ImportException;
import org.wardheat.imports.ImportReport;
import org.wardheat.imports.IncidentFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.wardheat.model.Incident;

class CouncilImportTest {
    @TempDir
    Path dir;
    Workspace ws;

    @BeforeEach
    void open() throws Exception {
        ws = Workspace.open(dir.resolve("data"));
        ws.addBoundaries("three", TestFiles.threeWards(dir), null, null);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private ImportReport importCsv(String text, ColumnMapping m, String dataset) throws Exception {
        return ws.importFiles(List.of(Files.writeString(dir.resolve(dataset + ".csv"), text)), IncidentFormat.council(m), dataset, null);
    }

    /**
     * BNG (574207, 157015) is Allington's published centroid, (0.496768, 51.28563) in lon/lat: the
     * transform lands within 10 m.
     */
    @Test
    void needleFindsPresetWithUkIsoAndMonthDatesAndGridCoordinates() throws Exception {
        ImportReport r = importCsv("Date,Location,Easting,Northing,Count\n"
                + "17/04/2020,River Steps,574207,157015,3\n"      // 2 UK date
                + "2020-04-18,River Steps,574207,157015,\n"        // 3 ISO date, blank count = 1
                + "2020-05,Park,574300,157100,2\n"                 // 4 month only
                + "31/02/2020,Park,574300,157100,1\n"              // 5 no such day
                + "18/04/2020,Park,51.2,0.5,1\n"                   // 6 degrees in the grid columns
                + "18/04/2020,Park,574300,157100,-4\n"             // 7 negative count
                + "18/04/2020,Park,,,1\n", ColumnMapping.NEEDLE_FINDS, "needle-finds");
        ImportReport.FileReport f = r.files().get(0);
        assertEquals(new ImportReport.Counts(7, 0, 3, 1, 3), f.counts(), "Maidstone is outside the test wards; line 8 has no location");
        assertEquals(List.of("5 Date: bad date '31/02/2020': Invalid date 'FEBRUARY 31'",
                        "6 Easting: (51.2, 0.5) is not a British National Grid easting/northing in metres",
                        "7 Count: count must be 0 or more, not -4"),
                f.problems().stream().map(p -> p.line() + " " + p.field() + ": " + p.reason()).toList());
        List<Incident> recs = ws.store().incidents().records(Set.of("needle-finds"), Set.of(), 202001, 202012);
        Incident first = recs.get(0);
        assertEquals("2020-04-17", first.date());
        assertEquals(202004, first.month());
        assertEquals("Needle find", first.category());
        assertEquals(3.0, first.weight());
        assertEquals(0.496768, first.lon(), 10 / (111_320 * Math.cos(Math.toRadians(51.28563))));
        assertEquals(51.28563, first.lat(), 10 / 111_320.0);
        assertEquals(1.0, recs.get(1).weight());
        Incident monthOnly = recs.stream().filter(x -> x.month() == 202005).findFirst().orElseThrow();
        assertNull(monthOnly.date(), "month precision");
        assertEquals(4, recs.size(), "three located finds and the one without location");
    }

    @Test
    void encampmentsPresetKeepsEndDatesVehiclesAndPeople() throws Exception {
        importCsv("Start date,End date,Location,Latitude,Longitude,Vehicles,People\n"
                + "2023-05-03,2023-05-05,Recreation ground,51.205,0.505,6,14\n"
                + "2023-06-10,,Lay-by,51.205,0.515,2,\n"
                + "2023-07-10,2023-07-01,Lay-by,51.205,0.515,2,3\n"       // ends before it starts
                + "2023-07-12,2023-07-13,Lay-by,0.515,51.205,2,3\n", ColumnMapping.ENCAMPMENTS, "encampments");
        List<Incident> recs = ws.store().incidents().records(Set.of("encampments"), Set.of(), 202301, 202312);
        assertEquals(2, recs.size());
        assertEquals("{\"vehicles\":6,\"people\":14}", recs.get(0).extra());
        assertEquals("{\"vehicles\":2,\"people\":null}", recs.get(1).extra());
        assertNull(recs.get(1).endDate());
        var problems = ws.store().importLog().datasets().get(0).files().get(0).report();
        assertTrue(problems.contains("end date 2023-07-01 is before the start date 2023-07-10"), problems);
        assertTrue(problems.contains("look swapped"), problems);
    }

    @Test
    void aMappingNamesMissingColumnsUpFront() throws Exception {
        ColumnMapping m = ColumnMapping.of(Map.of("date", "When", "lon", "X", "lat", "Y", "category", "Fly-tipping"));
        ImportException e = assertThrows(ImportException.class, () -> importCsv("When,Where\n2020-01-01,a\n", m, "council"));
        assertTrue(e.getMessage().startsWith("council.csv: line 1: no column for coordinates"), e.getMessage());
        assertEquals(1, importCsv("When,X,Y\n2020-01-01,0.505,51.205\n", m, "fly").totals().imported());
        assertEquals("Fly-tipping", ws.store().incidents().records(Set.of("fly"), Set.of(), 202001, 202001).get(0).category());
        assertThrows(IllegalArgumentException.class, () -> ColumnMapping.of(Map.of("colour", "x")));
    }
}
