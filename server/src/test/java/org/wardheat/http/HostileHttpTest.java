package org.wardheat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.TestFiles;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.service.Workspace;
import org.wardheat.store.Store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.POLICE_HEADER;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

/**
 * Issue #8's hostile files and requests sent to a running server, as a careless or hostile user would: each
 * refused upload answers 4xx JSON naming the file, leaves the store exactly as it was (row counts of every
 * table an import writes, {@code PRAGMA integrity_check}) and the server keeps answering the map's routes
 * with the same figures. The parsers' own cases are in {@code HostileImportTest}; parameter ranges in
 * {@code EdgesTest}; headers, origins and body sizes in {@code HttpHardeningTest}.
 */
class HostileHttpTest {
    @TempDir
    static Path dir;
    static Path data;
    static Workspace ws;
    static ApiServer server;
    static String base;
    static String before;
    static String wardsBefore;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        data = dir.resolve("data");
        ws = Workspace.open(data);
        ws.addBoundaries("three", TestFiles.threeWards(dir), null, null);
        ws.importFiles(List.of(Files.writeString(dir.resolve("good.csv"), POLICE_HEADER + row("2022-01", "Burglary", lon(0), LAT)
                + row("2022-01", "Drugs", lon(1), LAT) + row("2022-02", "Burglary", null, null))), IncidentFormat.POLICE_UK, "police-uk", null);
        server = new ApiServer(ws, new ApiServer.WebConfig(null, "", false));
        base = "http://127.0.0.1:" + server.start(0);
        before = state();
        assertEquals("incidents 3, files 1, problems 0, datasets 1, integrity ok", before);
        wardsBefore = wardsSummary();
    }

    @AfterAll
    static void stop() {
        server.stop();
        ws.close();
    }

    /** Row counts of every table an import writes, and SQLite's integrity check, on a connection of our own. */
    static String state() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Store.FILE_NAME));
             Statement s = c.createStatement()) {
            return "incidents " + one(s, "SELECT COUNT(*) FROM incident") + ", files " + one(s, "SELECT COUNT(*) FROM import_file")
                    + ", problems " + one(s, "SELECT COUNT(*) FROM import_problem") + ", datasets " + one(s, "SELECT COUNT(*) FROM dataset")
                    + ", integrity " + one(s, "PRAGMA integrity_check");
        }
    }

    static String one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String wardsSummary() throws Exception {
        HttpResponse<String> r = get("/api/wards/summary?boundaries=three&from=2022-01&to=2022-02");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode wards = JSON.readTree(r.body()).path("wards");
        List<String> counts = new ArrayList<>();
        wards.forEach(w -> counts.add(w.path("code").asText() + "=" + w.path("count").asText()));
        return String.join(",", counts);
    }

    /** POSTs one file as multipart/form-data to /api/import, as the page's upload form does. */
    static HttpResponse<String> upload(String fileName, byte[] content, String dataset) throws Exception {
        String boundary = "----wardheat-hostile-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/import?boundaries=three&dataset=" + dataset))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Origin", base)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Asserts a refused upload: 400 JSON whose message starts with the file's name, nothing stored, the map still served. */
    static String refused(HttpResponse<String> r, String fileName) throws Exception {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"), r.headers().toString());
        String error = JSON.readTree(r.body()).path("error").asText();
        assertTrue(error.startsWith(fileName), error);
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no Java text: " + r.body());
        assertEquals(before, state(), "the store is exactly as it was after: " + error);
        stillServing();
        return error;
    }

    static void stillServing() throws Exception {
        assertEquals(wardsBefore, wardsSummary(), "the ward figures are unchanged and still served");
        assertEquals(200, get("/api/config").statusCode());
        assertEquals(200, get("/").statusCode());
    }

    static byte[] gzip(byte[]... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes, 1 << 16)) {
            for (byte[] p : parts) {
                out.write(p);
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void aGzipBombOfValidRowsIsRefused() throws Exception {
        byte[] rows = row("2022-01", "Burglary", lon(0), LAT).repeat(10_000).getBytes(StandardCharsets.UTF_8);
        byte[][] parts = new byte[19][];
        parts[0] = POLICE_HEADER.getBytes(StandardCharsets.UTF_8);
        for (int i = 1; i < parts.length; i++) {
            parts[i] = rows; // 180,000 valid rows, about 20 MB, past the 16 MiB after which the ratio applies
        }
        byte[] bomb = gzip(parts);
        assertTrue(bomb.length < 1 << 20, "the bomb is " + bomb.length + " bytes on the wire");
        String error = refused(upload("bomb.csv.gz", bomb, "police-uk"), "bomb.csv.gz");
        assertTrue(error.contains("decompresses to more than 100 times its compressed size"), error);
    }

    @Test
    void aGzipExpandingToOneHugeLineIsRefused() throws Exception {
        byte[] a = new byte[1 << 20];
        java.util.Arrays.fill(a, (byte) 'a');
        byte[][] parts = new byte[21][];
        parts[0] = POLICE_HEADER.getBytes(StandardCharsets.UTF_8);
        for (int i = 1; i < parts.length; i++) {
            parts[i] = a; // 20 MB on one line, past the 16 MiB after which the ratio applies
        }
        String error = refused(upload("line.csv.gz", gzip(parts), "police-uk"), "line.csv.gz");
        assertTrue(error.contains("decompresses to more than 100 times"), error);
    }

    @Test
    void aZipMemberWithABadCrcIsRefusedWhole() throws Exception {
        String member = "2022-03/2022-03-kent-street.csv";
        StringBuilder csv = new StringBuilder(POLICE_HEADER);
        for (int i = 0; i < 50; i++) {
            csv.append(row("2022-03", "Burglary", lon(i % 3), LAT));
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zipped)) {
            ZipEntry e = new ZipEntry(member);
            e.setMethod(ZipEntry.STORED); // stored, so one changed digit still parses: only the CRC-32 can tell
            e.setSize(content.length);
            CRC32 crc = new CRC32();
            crc.update(content);
            e.setCrc(crc.getValue());
            z.putNextEntry(e);
            z.write(content);
            z.closeEntry();
        }
        byte[] b = zipped.toByteArray();
        int at = new String(b, StandardCharsets.ISO_8859_1).indexOf("2022-03,Kent Police") + 5;
        b[at] = '4';
        String error = refused(upload("kent.zip", b, "police-uk"), "kent.zip!" + member);
        assertTrue(error.contains("CRC-32"), error);
    }

    @Test
    void tooManyCategoriesAreRefusedAndAnalysisKeepsWorking() throws Exception {
        StringBuilder csv = new StringBuilder(POLICE_HEADER);
        for (int i = 0; i < 33_000; i++) {
            csv.append(row("2022-01", "Type " + i, lon(i % 3), LAT));
        }
        String error = refused(upload("types.csv", csv.toString().getBytes(StandardCharsets.UTF_8), "police-uk"), "types.csv");
        assertTrue(error.contains("categories"), error);
        assertEquals(200, get("/api/categories").statusCode());
        assertEquals(200, get("/api/hotspots/kde?boundaries=three&from=2022-01&to=2022-02").statusCode());
    }

    @Test
    void crOnlyLineEndsImportEveryRowOverHttpToo() throws Exception {
        String text = (POLICE_HEADER + row("2022-05", "Burglary", lon(0), LAT) + row("2022-05", "Drugs", lon(1), LAT))
                .replace('\n', '\r');
        HttpResponse<String> r = upload("mac.csv", text.getBytes(StandardCharsets.UTF_8), "mac");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode totals = JSON.readTree(r.body()).path("totals");
        assertEquals(2, totals.path("rowsRead").asInt(), r.body());
        assertEquals(2, totals.path("imported").asInt(), r.body());
        // put the store back as the other cases expect it
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(Store.FILE_NAME)); Statement s = c.createStatement()) {
            s.execute("DELETE FROM incident WHERE file_id IN (SELECT id FROM import_file WHERE dataset = 'mac')");
            s.execute("DELETE FROM ward_count WHERE dataset = 'mac'");
            s.execute("DELETE FROM import_file WHERE dataset = 'mac'");
            s.execute("DELETE FROM dataset WHERE id = 'mac'");
        }
        assertEquals(before, state());
    }

    @Test
    void aFocusAreaOf300000VerticesIsRefusedBeforeItIsRead() throws Exception {
        StringBuilder ring = new StringBuilder("[");
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            ring.append('[').append(0.52 + 0.01 * Math.cos(t)).append(',').append(51.27 + 0.01 * Math.sin(t)).append("],");
        }
        ring.append("[0.53,51.27]]");
        String body = "{\"name\":\"huge\",\"boundaries\":\"three\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}";
        long t0 = System.nanoTime();
        RawHttp.Reply r = RawHttp.sendRefusable(URI.create(base).getPort(), "POST /api/areas HTTP/1.1\nHost: 127.0.0.1\n"
                + "Content-Type: application/json\n", body.getBytes(StandardCharsets.UTF_8));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(r.status() == 413 || r.status() == 400, r.status() + " " + r.body());
        assertTrue(r.body().startsWith("{\"error\":"), r.body());
        assertTrue(ms < 10_000, ms + " ms");
        assertEquals(0, JSON.readTree(get("/api/areas").body()).path("features").size(), "no area was saved");
        stillServing();
    }

    @Test
    void theIssuesExpensiveRequestsAreRefusedQuickly() throws Exception {
        String[] requests = {
                "/api/wards/summary?boundaries=three&from=-999999-01&to=%2B999999-12",
                "/api/wards?boundaries=three&from=0001-01&to=9999-12",
                "/api/near-repeat?from=2022-01&to=2022-02&simulations=2147483647",
                "/api/near-repeat?from=2022-01&to=2022-02&time_bands=100000",
                "/api/repeats?from=2022-01&to=2022-02&group_by=distance&distance=200000",
                "/api/hotspots/kde?boundaries=three&from=2022-01&to=2022-02&bandwidth=1000000",
                "/api/hotspots/kde?boundaries=three&from=2022-01&to=2022-02&cell=1",
        };
        List<Long> times = new ArrayList<>();
        for (String path : requests) {
            get(path); // warm
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(path);
            times.add((System.nanoTime() - t0) / 1_000_000);
            assertEquals(400, r.statusCode(), path + " -> " + r.body());
            assertTrue(JSON.readTree(r.body()).hasNonNull("parameter"), path + " -> " + r.body());
        }
        times.sort(Long::compare);
        assertTrue(times.get(times.size() / 2) < 100, "median refusal under 100 ms: " + times);
        stillServing();
    }
}
