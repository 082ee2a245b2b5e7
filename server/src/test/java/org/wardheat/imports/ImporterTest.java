package org.wardheat.imports;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.service.Workspace;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.POLICE_HEADER;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

class ImporterTest {
    @TempDir
    Path dir;
    Workspace ws;

    @BeforeEach
    void setUp() throws Exception {
        ws = Workspace.open(dir.resolve("data"));
        ws.addBoundaries("three", org.wardheat.TestFiles.threeWards(dir), null, null);
    }

    @org.junit.jupiter.api.AfterEach
    void tearDown() {
        ws.close();
    }

    private ImportReport importText(String name, String text) throws Exception {
        return ws.importFiles(List.of(Files.writeString(dir.resolve(name), text)), IncidentFormat.POLICE_UK, "police-uk", null);
    }

    @Test
    void everyRowIsAccountedForWithLineFieldAndReason() throws Exception {
        String csv = POLICE_HEADER
                + row("2022-01", "Burglary", lon(0), LAT)                      // 2 imported
                + row("2022-01", "Anti-social behaviour", lon(1), LAT)         // 3 imported
                + row("2022-01", "Burglary", null, null)                       // 4 without location
                + row("2022-01", "Burglary", 0.70, 51.30)                      // 5 outside every ward
                + row("2022-13", "Burglary", lon(0), LAT)                      // 6 bad month
                + "x,2022-01,Kent Police,Kent Police,0.5,51.2\n"               // 7 wrong column count
                + row("2022-01", "Burglary", lon(0), LAT).replace("0.505000", "0.5o5") // 8 bad number
                + row("2022-01", "Burglary", 51.205, 0.505)                    // 9 swapped
                + row("2022-01", "Burglary", -74.0, 40.7)                      // 10 outside the UK
                + row("2022-01", "", lon(2), LAT)                               // 11 blank crime type
                + "\n"                                                         // 12 blank line: not a row
                + row("2022-02", "Drugs", lon(2), LAT);                        // 13 imported
        ImportReport r = importText("2022-01-kent-street.csv", csv);
        ImportReport.FileReport f = r.files().get(0);
        assertEquals(new ImportReport.Counts(11, 3, 1, 1, 6), f.counts());
        assertEquals("2022-01", f.firstMonth());
        assertEquals("2022-02", f.lastMonth());
        assertEquals("three", r.boundaries(), "the only boundary set is used when none is named");
        List<String> problems = f.problems().stream().map(p -> p.line() + " " + p.field() + ": " + p.reason()).toList();
        assertEquals(List.of(
                "6 Month: bad month '2022-13': expected YYYY-MM",
                "7 (row): expected 12 fields, found 6",
                "8 Longitude: bad number '0.5o5': not a plain decimal number (such as -0.5123 or 51)",
                "9 Longitude: longitude 51.205 and latitude 0.505 look swapped",
                "10 Longitude: position (-74.0, 40.7) is outside the UK",
                "11 Crime type: crime type is blank"), problems);
        assertEquals(5, ws.incidents().size(), "imported, outside and no-location rows are stored; rejected ones are not");
        assertTrue(r.toText().contains("2022-01-kent-street.csv: line 6, field 'Month': bad month '2022-13'"), r.toText());
    }

    @Test
    void importingTheSameContentAgainAddsNothingAndSaysSo() throws Exception {
        String csv = POLICE_HEADER + row("2022-01", "Burglary", lon(0), LAT);
        importText("a.csv", csv);
        ImportReport again = ws.importFiles(List.of(org.wardheat.TestFiles.gzip(dir, "renamed.csv.gz", csv)),
                IncidentFormat.POLICE_UK, "police-uk", null);
        assertTrue(again.files().get(0).alreadyImported());
        assertTrue(again.files().get(0).previousImport().startsWith("a.csv at "));
        assertEquals(0, again.totals().rowsRead());
        assertEquals(1, ws.incidents().size());
        assertTrue(again.toText().contains("already imported"));
        ImportReport otherDataset = ws.importFiles(List.of(dir.resolve("a.csv")), IncidentFormat.POLICE_UK, "other", null);
        assertFalse(otherDataset.files().get(0).alreadyImported(), "idempotence is per dataset");
    }

    @Test
    void readsBulkZipArchivesSkippingOtherFiles() throws Exception {
        Path zip = dir.resolve("kent.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "2022-01/2022-01-kent-street.csv", POLICE_HEADER + row("2022-01", "Burglary", lon(0), LAT));
            put(out, "2022-01/2022-01-kent-outcomes.csv", "Crime ID,Month\nabc,2022-01\n");
            put(out, "2022-02/2022-02-kent-street.csv", POLICE_HEADER + row("2022-02", "Drugs", lon(1), LAT) + row("2022-02", "Drugs", lon(2), LAT));
            put(out, "2022-02/2022-02-kent-stop-and-search.csv", "Type,Date\n");
        }
        ImportReport r = ws.importFiles(List.of(zip), IncidentFormat.POLICE_UK, "police-uk", "three");
        assertEquals(List.of("kent.zip!2022-01/2022-01-kent-street.csv", "kent.zip!2022-02/2022-02-kent-street.csv"),
                r.files().stream().map(ImportReport.FileReport::source).toList());
        assertEquals(3, r.totals().imported());
    }

    private static void put(ZipOutputStream out, String name, String text) throws Exception {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    @Test
    void aTruncatedGzipFailsTheWholeCallAndStoresNothing() throws Exception {
        Path good = Files.writeString(dir.resolve("good.csv"), POLICE_HEADER + row("2022-01", "Burglary", lon(0), LAT));
        StringBuilder big = new StringBuilder(POLICE_HEADER);
        for (int i = 0; i < 5000; i++) {
            big.append(row("2022-02", "Drugs", lon(i % 3), LAT + i * 1e-7));
        }
        Path gz = org.wardheat.TestFiles.gzip(dir, "big.csv.gz", big.toString());
        byte[] bytes = Files.readAllBytes(gz);
        Path truncated = Files.write(dir.resolve("truncated.csv.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        ImportException e = assertThrows(ImportException.class, () ->
                ws.importFiles(List.of(good, truncated), IncidentFormat.POLICE_UK, "police-uk", null));
        assertTrue(e.getMessage().startsWith("truncated.csv.gz: cannot be read, it is truncated or damaged"), e.getMessage());
        assertEquals(0, ws.incidents().size(), "the good file of the same call is rolled back too");
        assertTrue(ws.store().importLog().datasets().isEmpty() || ws.store().importLog().datasets().get(0).files().isEmpty());
        assertEquals(1, ws.importFiles(List.of(good), IncidentFormat.POLICE_UK, "police-uk", null).totals().imported(),
                "after the failure the good file imports normally");
    }

    @Test
    void aFileThatIsNotPoliceUkIsRejectedNamingTheMissingColumns() throws Exception {
        ImportException e = assertThrows(ImportException.class, () -> importText("needles.csv", "date,easting,northing\n2020-01-01,1,2\n"));
        assertTrue(e.getMessage().startsWith("needles.csv: line 1: not a police.uk street-level file: missing columns [Month, Longitude, Latitude, Crime type]"),
                e.getMessage());
        assertThrows(ImportException.class, () -> importText("empty.csv", ""));
    }

    @Test
    void withoutABoundarySetOutsideIsNotCounted() throws Exception {
        try (Workspace bare = Workspace.open(dir.resolve("bare"))) {
            ImportReport r = bare.importFiles(List.of(Files.writeString(dir.resolve("x.csv"),
                    POLICE_HEADER + row("2022-01", "Burglary", 0.70, 51.30))), IncidentFormat.POLICE_UK, "police-uk", null);
            assertNull(r.boundaries());
            assertEquals(1, r.totals().imported());
            assertEquals(0, r.totals().outside());
        }
    }

}
