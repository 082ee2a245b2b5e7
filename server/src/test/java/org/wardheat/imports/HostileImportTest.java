package org.wardheat.imports;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.TestFiles;
import org.wardheat.service.Workspace;
import org.wardheat.cli.Main;
import org.wardheat.http.ApiServer;
import org.wardheat.store.Store;
import org.wardheat.text.InputLimits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.POLICE_HEADER;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

/**
 * Hostile and careless input files (issue #8), through the workspace and the command line. A file that
 * must be refused leaves the store exactly as it was (rows, import log, problems, datasets,
 * {@code PRAGMA integrity_check}) with a message naming file, line and field; a bad row is rejected with
 * its reason while the rest of the file imports.
 */
class HostileImportTest {
    @TempDir
    Path dir;
    Path data;
    Workspace ws;
    String before;

    @BeforeEach
    void setUp() throws Exception {
        data = dir.resolve("data");
        ws = Workspace.open(data);
        ws.addBoundaries("three", TestFiles.threeWards(dir), null, null);
        ImportReport first = ws.importFiles(List.of(write("good.csv", POLICE_HEADER + row("2022-01", "Burglary", lon(0), LAT)
                + row("2022-01", "Drugs", lon(1), LAT) + row("2022-02", "Burglary", null, null))), IncidentFormat.POLICE_UK, "police-uk", null);
        assertEquals(3, first.totals().stored());
        before = state();
        assertEquals("incidents 3, files 1, problems 0, datasets 1, integrity ok", before);
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** Row counts of every table an import writes, and SQLite's integrity check, read on a connection of our own. */
    private String state() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Store.FILE_NAME));
             Statement s = c.createStatement()) {
            return "incidents " + count(s, "incident") + ", files " + count(s, "import_file") + ", problems "
                    + count(s, "import_problem") + ", datasets " + count(s, "dataset") + ", integrity " + one(s, "PRAGMA integrity_check");
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        return Long.parseLong(one(s, "SELECT COUNT(*) FROM " + table));
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Imports files that must be refused; returns the message after checking that nothing changed. */
    private String refused(List<Path> files, InputLimits limits) throws SQLException {
        ImportException e = assertThrows(ImportException.class, () -> ws.importFiles(files, IncidentFormat.POLICE_UK,
                "police-uk", null, StandardCharsets.UTF_8, limits));
        assertEquals(before, state(), "the store is exactly as before: " + e.getMessage());
        assertTrue(ws.incidents().size() == 3, "analysis still sees the 3 incidents");
        return e.getMessage();
    }

    private String refused(Path file) throws SQLException {
        return refused(List.of(file), InputLimits.DEFAULT);
    }

    private ImportReport imported(Path file) {
        ImportReport r = ws.importFiles(List.of(file), IncidentFormat.POLICE_UK, "police-uk", null);
        ImportReport.Counts c = r.totals();
        assertEquals(c.rowsRead(), c.imported() + c.outside() + c.withoutLocation() + c.rejected(), "every row accounted for");
        return r;
    }

    private static List<String> problems(ImportReport r) {
        return r.files().get(0).problems().stream().map(p -> p.line() + " " + p.field() + ": " + p.reason()).toList();
    }

    /** Writes a gzip file of the header, then {@code n} bytes of 'a' on one line, then one good row; streamed. */
    private Path hugeLineGzip(long n) throws IOException {
        Path file = dir.resolve("huge-line.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(POLICE_HEADER.getBytes(StandardCharsets.UTF_8));
            byte[] a = new byte[1 << 20];
            Arrays.fill(a, (byte) 'a');
            for (long left = n; left > 0; left -= a.length) {
                out.write(a, 0, (int) Math.min(a.length, left));
            }
            out.write(("\n" + row("2022-03", "Robbery", lon(2), LAT)).getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static final InputLimits NO_RATIO = new InputLimits(InputLimits.MAX_DECOMPRESSED_BYTES, 1e12,
            InputLimits.MAX_ROWS_PER_CALL, InputLimits.MAX_FIELD_CHARS, InputLimits.MAX_RECORD_CHARS,
            InputLimits.MAX_CATEGORIES_PER_DATASET, InputLimits.MAX_CATEGORIES, InputLimits.MAX_DATASETS);

    @Test
    void aGzipExpandingToOneHugeLineIsRefusedByTheRatioOrRejectedAsARowNeverKept() throws Exception {
        Path gz = hugeLineGzip(300L << 20);
        assertTrue(Files.size(gz) < 1 << 20, "300 MB of one letter gzips to " + Files.size(gz) + " bytes");
        String msg = refused(gz);
        assertTrue(msg.startsWith("huge-line.csv.gz: decompresses to more than 100 times its compressed size"), msg);
        assertTrue(msg.contains("InputLimits.MAX_COMPRESSION_RATIO") && msg.contains("nothing was imported"), msg);

        // without the ratio limit the line is read to its end, rejected as one row, and never kept in memory
        Runtime rt = Runtime.getRuntime();
        ImportReport r = ws.importFiles(List.of(gz), IncidentFormat.POLICE_UK, "police-uk", null, StandardCharsets.UTF_8, NO_RATIO);
        assertEquals(List.of("2 Crime ID: field 1 is longer than 32768 characters"), problems(r));
        assertEquals(new ImportReport.Counts(2, 1, 0, 0, 1), r.totals());
        assertTrue(rt.totalMemory() - rt.freeMemory() < 1L << 30, "heap in use stays far below the 300 MB line");
    }

    @Test
    void aGzipBombOfValidRowsIsRefusedByRatioRowsOrBytes() throws Exception {
        StringBuilder sb = new StringBuilder(POLICE_HEADER);
        String r = row("2022-01", "Burglary", lon(0), LAT);
        Path bomb = dir.resolve("bomb.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb), 1 << 16)) {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            byte[] rows = r.repeat(10_000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 18; i++) { // 180,000 rows, about 20 MB: past the 16 MiB before the ratio applies
                out.write(rows);
            }
        }
        String msg = refused(bomb);
        assertTrue(msg.startsWith("bomb.csv.gz: decompresses to more than 100 times its compressed size of "), msg);

        InputLimits fewRows = new InputLimits(InputLimits.MAX_DECOMPRESSED_BYTES, 1e12, 1_000, InputLimits.MAX_FIELD_CHARS,
                InputLimits.MAX_RECORD_CHARS, 1000, 10_000, 200);
        msg = refused(List.of(bomb), fewRows);
        assertEquals("bomb.csv.gz: line 1002: this import reads more than 1000 rows (limit InputLimits.MAX_ROWS_PER_CALL);"
                + " nothing was imported; import the files in smaller groups", msg);

        InputLimits fewBytes = new InputLimits(100_000, 1e12, 5_000_000, 1000, 10_000, 1000, 10_000, 200);
        msg = refused(List.of(bomb), fewBytes);
        assertTrue(msg.startsWith("bomb.csv.gz: the files of this import decompress to more than 100000 bytes"
                + " (limit InputLimits.MAX_DECOMPRESSED_BYTES); nothing was imported"), msg);
    }

    /** A police.uk bulk zip with one street member stored uncompressed, so one byte of it can be changed. */
    private Path zip(String name, String member, byte[] content, boolean stored) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry e = new ZipEntry(member);
            if (stored) {
                e.setMethod(ZipEntry.STORED);
                e.setSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                e.setCrc(crc.getValue());
            }
            z.putNextEntry(e);
            z.write(content);
            z.closeEntry();
        }
        return file;
    }

    private static void flipByteAfter(Path file, String marker, int offset, byte to) throws IOException {
        byte[] b = Files.readAllBytes(file);
        String s = new String(b, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(marker) + offset;
        b[at] = to;
        Files.write(file, b);
    }

    @Test
    void aZipMemberWithABadCrcOrCorruptDeflateDataFailsTheWholeCall() throws Exception {
        String member = "2022-03/2022-03-kent-street.csv";
        StringBuilder csv = new StringBuilder(POLICE_HEADER);
        for (int i = 0; i < 50; i++) {
            csv.append(row("2022-03", "Burglary", lon(i % 3), LAT));
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        // stored: the content still parses after one digit changes, only the CRC-32 can tell
        Path stored = zip("stored.zip", member, content, true);
        flipByteAfter(stored, "2022-03,Kent Police", 5, (byte) '4');
        Path good = write("more.csv", POLICE_HEADER + row("2022-04", "Drugs", lon(0), LAT));
        String msg = refused(List.of(good, stored), InputLimits.DEFAULT);
        assertTrue(msg.startsWith("stored.zip!" + member + ": cannot be read, it is truncated or damaged after line"), msg);
        assertTrue(msg.contains("the archive member is damaged: its CRC-32 is ") && msg.endsWith("nothing was imported"), msg);

        // deflated: a damaged byte in the middle of the compressed data
        Path deflated = zip("deflated.zip", member, content, false);
        byte[] b = Files.readAllBytes(deflated);
        int dataStart = 30 + member.length();
        b[dataStart + (b.length - dataStart) / 4] ^= 0x55;
        Files.write(deflated, b);
        msg = refused(List.of(deflated), InputLimits.DEFAULT);
        assertTrue(msg.startsWith("deflated.zip!" + member + ": cannot be read, it is truncated or damaged"), msg);
    }

    @Test
    void crOnlyLineEndsImportEveryRow() throws Exception {
        String text = (POLICE_HEADER + row("2022-05", "Burglary", lon(0), LAT) + row("2022-05", "Drugs", lon(1), LAT)
                + row("2022-05", "Robbery", lon(2), LAT)).replace('\n', '\r');
        ImportReport r = imported(write("mac.csv", text));
        assertEquals(new ImportReport.Counts(3, 3, 0, 0, 0), r.totals());
        assertEquals("2022-05", r.files().get(0).firstMonth());
    }

    @Test
    void aQuoteSpanningLinesIsOneRejectedRecordNamingItsLineRange() throws Exception {
        StringBuilder sb = new StringBuilder(POLICE_HEADER);
        for (int line = 2; line <= 25; line++) {
            String r = row("2022-06", "Burglary", lon(line % 3), LAT);
            if (line == 10) {
                r = r.replace("On or near High Street", "\"On or near High Street"); // opened, never closed on this line
            } else if (line == 20) {
                r = r.replace("On or near High Street", "On or near High Street\""); // closes it
            }
            sb.append(r);
        }
        ImportReport r = imported(write("quote.csv", sb.toString()));
        assertEquals(List.of("10 Location: lines 10–20 refused as one record: a quoted field opened on line 10 spans"
                + " lines 10–20; a field must not hold a line break"), problems(r));
        assertEquals(new ImportReport.Counts(14, 13, 0, 0, 1), r.totals(), "lines 2-9 and 21-25 import; 10-20 are one rejected record");
    }

    @Test
    void badNumbersMonthsControlCharactersAndLongFieldsAreRejectedRows() throws Exception {
        String ok = row("2022-07", "Burglary", lon(0), LAT);
        String text = POLICE_HEADER
                + ok.replace("0.505000", "0x1p-1")                  // 2
                + ok.replace("0.505000", "0.52d")                   // 3
                + ok.replace("51.205000", "1e-400")                 // 4
                + ok.replace("0.505000", "NaN")                     // 5
                + ok.replace("2022-07", "2022-+1")                  // 6
                + ok.replace("2022-07", "2999-12")                  // 7
                + ok.replace("2022-07", "1989-12")                  // 8
                + ok.replace("Burglary", "Burg\u0000lary")          // 9
                + ok.replace("High Street", "x".repeat(10 << 20))   // 10
                + ok;                                               // 11
        ImportReport r = imported(write("bad-values.csv", text));
        String next = org.wardheat.text.InputLimits.latestMonth().toString();
        assertEquals(List.of(
                "2 Longitude: bad number '0x1p-1': not a plain decimal number (such as -0.5123 or 51)",
                "3 Longitude: bad number '0.52d': not a plain decimal number (such as -0.5123 or 51)",
                "4 Latitude: bad number '1e-400': not a plain decimal number (such as -0.5123 or 51)",
                "5 Longitude: bad number 'NaN': not a plain decimal number (such as -0.5123 or 51)",
                "6 Month: bad month '2022-+1': expected YYYY-MM",
                "7 Month: '2999-12' is outside 1990-01 to " + next + " (next month)",
                "8 Month: '1989-12' is outside 1990-01 to " + next + " (next month)",
                "9 Crime type: control character U+0000 in field 10",
                "10 Location: field 7 is longer than 32768 characters"), problems(r));
        assertEquals(new ImportReport.Counts(10, 1, 0, 0, 9), r.totals());
        assertEquals(List.of("Burglary", "Drugs"), List.copyOf(ws.categoryCounts().keySet()), "no category with a NUL in it");
    }

    @Test
    void aDuplicatedHeaderIsRefusedNamingFileAndColumns() throws Exception {
        String msg = refused(write("dup.csv", POLICE_HEADER.replace(",Context", ",Month") + row("2022-01", "Burglary", lon(0), LAT)));
        assertEquals("dup.csv: line 1: duplicate column name 'Month' (columns 2 and 12); rename one of them; nothing was imported", msg);
    }

    @Test
    void latin1TextIsRefusedNamingFileLineAndByteUnlessTheEncodingIsGiven() throws Exception {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, (POLICE_HEADER + row("2022-08", "Burglary", lon(0), LAT)
                + row("2022-08", "Drugs", lon(1), LAT).replace("High Street", "Caf\u00e9 Row")).getBytes(StandardCharsets.ISO_8859_1));
        String msg = refused(latin1);
        assertTrue(msg.startsWith("latin1.csv: line 3: byte 0xE9 at byte offset "), msg);
        assertTrue(msg.contains("is not valid UTF-8; nothing was imported. If the file is in another encoding, say which:"
                + " [UTF-8, windows-1252, ISO-8859-1] (--encoding on the command line, encoding= in the upload)"), msg);

        ImportReport r = ws.importFiles(List.of(latin1), IncidentFormat.POLICE_UK, "police-uk", null,
                Charset.forName("windows-1252"), InputLimits.DEFAULT);
        assertEquals(2, r.totals().imported());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Store.FILE_NAME));
             Statement s = c.createStatement()) {
            assertEquals("On or near Café Row", one(s, "SELECT l.name FROM incident i JOIN label l ON l.id = i.location"
                    + " JOIN category k ON k.id = i.category WHERE i.month = 202208 AND k.name = 'Drugs'"));
        }
    }

    @Test
    void tooManyCategoriesOrDatasetsAreRefusedAtImportSoAnalysisNeverBreaks() throws Exception {
        StringBuilder sb = new StringBuilder(POLICE_HEADER);
        for (int i = 0; i < 33_000; i++) {
            sb.append(row("2022-09", "Type " + i, lon(i % 3), LAT));
        }
        String msg = refused(write("types.csv", sb.toString()));
        assertEquals("types.csv: line 1000: dataset 'police-uk' would have more than 1000 distinct categories"
                + " (limit InputLimits.MAX_CATEGORIES_PER_DATASET); nothing was imported; is the category column a free-text column?", msg);
        assertEquals(2, ws.wardStatistics("three", org.wardheat.analysis.WardStatistics.Query.of(null, null, "2022-01", "2022-12", null, 5))
                .totals().count(), "analysis still works: the two located incidents of 2022 lie in wards");

        InputLimits oneDataset = new InputLimits(1 << 30, 100, 1000, 1000, 10_000, 1000, 10_000, 1);
        msg = assertThrows(ImportException.class, () -> ws.importFiles(List.of(dir.resolve("good.csv")), IncidentFormat.POLICE_UK,
                "second", null, StandardCharsets.UTF_8, oneDataset)).getMessage();
        assertEquals("the store already holds 1 datasets, the most it may (limit InputLimits.MAX_DATASETS = 1);"
                + " import into an existing dataset; nothing was imported", msg);
        assertEquals(before, state());
    }

    @Test
    void theCommandLineReportsARefusalOnStderrAndTakesAnEncoding() throws Exception {
        ws.close();
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, (POLICE_HEADER + row("2022-10", "Burglary", lon(0), LAT).replace("High Street", "Caf\u00e9 Row"))
                .getBytes(StandardCharsets.ISO_8859_1));
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(1, Main.run("import", "--data", data.toString(), latin1.toString()));
            assertTrue(err.toString().startsWith("wardheat: error: latin1.csv: line 2: byte 0xE9"), err.toString());
            assertEquals(before, state());
            assertEquals(1, Main.run("import", "--data", data.toString(), "--encoding", "ebcdic", latin1.toString()));
            assertTrue(err.toString().contains("encoding must be one of [UTF-8, windows-1252, ISO-8859-1], not 'ebcdic'"), err.toString());
            assertEquals(0, Main.run("import", "--data", data.toString(), "--encoding", "latin1", latin1.toString()));
            assertTrue(out.toString().contains("1 rows read: 1 imported"), out.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            ws = Workspace.open(data);
        }
    }

    @Test
    void serveRemovesUploadFilesAnEarlierRunLeftBehind() throws Exception {
        Path left = Files.createDirectories(data.resolve(Uploads.DIR_NAME).resolve("upload-123"));
        Files.writeString(left.resolve("upload-0"), "half an upload");
        ApiServer server = new ApiServer(ws, new ApiServer.WebConfig(null, "", false));
        server.start(0);
        try {
            assertFalse(Files.exists(left), "the upload directory is emptied at start-up");
        } finally {
            server.stop();
        }
    }

    @Test
    void columnMappingsAreBoundedAndStrict() throws Exception {
        Path twice = write("twice.txt", "date = Date\r\neasting = X\rdate = Day\n");
        assertEquals(dir.resolve("twice.txt") + ": line 3: role 'date' is given twice (also line 1)",
                assertThrows(IllegalArgumentException.class, () -> ColumnMapping.read(twice)).getMessage());
        Path big = write("big.txt", "# " + "x".repeat(InputLimits.MAX_MAPPING_BYTES) + "\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ColumnMapping.read(big)).getMessage()
                .endsWith("larger than 65536 bytes (limit InputLimits.MAX_MAPPING_BYTES)"));
        assertEquals("mapping role 'location': control character U+0000 in the value",
                assertThrows(IllegalArgumentException.class, () -> ColumnMapping.of(java.util.Map.of("location", "Si\u0000te"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ColumnMapping.of(java.util.Map.of("category", "x".repeat(201))))
                .getMessage().contains("limit InputLimits.MAX_MAPPING_VALUE_CHARS"));
        assertEquals(String.format(Locale.ROOT, "mapping role 'date' is given no column"),
                assertThrows(IllegalArgumentException.class, () -> ColumnMapping.of(java.util.Map.of("date", " "))).getMessage());
    }
}
