package org.wardheat.http;

import org.wardheat.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.cli.Main;
import org.wardheat.model.Role;
import org.wardheat.service.Actor;
import org.wardheat.service.Workspace;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.POLICE_HEADER;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

/** Sign-in, CSRF, throttling, Secure cookies behind a trusted proxy, start-up refusal, and the audit trail. */
class AccessAuditTest {
    static final String PASSWORD = "correct horse battery staple";
    @TempDir
    static Path dir;
    static TestServer test;
    static Workspace ws;
    static ApiServer server;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        test = TestServer.in(dir).threeWards(row("2022-01", "Burglary", lon(0), LAT) + row("2022-02", "Burglary", lon(0), LAT)).before(s -> {
            s.access().add(new Actor("test", "test"), "ana", Role.ANALYST, PASSWORD.toCharArray());
            s.access().add(new Actor("test", "test"), "tess", Role.VIEWER, PASSWORD.toCharArray());
            s.access().add(new Actor("test", "test"), "tom", Role.PLANNER, PASSWORD.toCharArray());
            s.access().add(new Actor("test", "test"), "root", Role.ADMIN, PASSWORD.toCharArray()); // behind a proxy: an admin is required
        }).settings(ServerSettings.loopback(0).withAccess(new ServerSettings.Access(false, List.of("127.0.0.1"), null, null))).start();
        ws = test.workspace;
        server = test.server();
        base = test.base();
    }

    @AfterAll
    static void stop() {
        test.close();
    }

    static HttpRequest.Builder request(String path, String cookie, String csrf) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        if (csrf != null) {
            b.header(AccessGate.CSRF_HEADER, csrf);
        }
        return b;
    }

    static HttpResponse<String> login(String name, String password, String forwardedProto) throws Exception {
        HttpRequest.Builder b = request("/api/login", null, null).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.9, 198.51.100.7")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", name, "password", password))));
        if (forwardedProto != null) {
            b.header("X-Forwarded-Proto", forwardedProto);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {cookie, csrf} of a new session. */
    static String[] signIn(String name) throws Exception {
        HttpResponse<String> r = login(name, PASSWORD, "https");
        assertEquals(200, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(setCookie.contains("; Secure"), "Secure through the trusted proxy saying https: " + setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        JsonNode session = JSON.readTree(HTTP.send(request("/api/session", cookie, null).build(), HttpResponse.BodyHandlers.ofString()).body());
        return new String[] {cookie, session.get("csrf").asText()};
    }

    static String audit(String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String[] all = new String[args.length + 3];
            all[0] = "audit";
            all[1] = "--data";
            all[2] = dir.resolve("data").toString();
            System.arraycopy(args, 0, all, 3, args.length);
            assertEquals(0, Main.run(all));
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importsExportsAndDeletionsAppearInTheAuditWithUserAndParameters() throws Exception {
        String[] s = signIn("ana");
        String csv = POLICE_HEADER + row("2022-01", "Drugs", lon(1), LAT) + row("2022-02", "Drugs", lon(1), LAT) + row("2022-02", "Drugs", lon(2), LAT);
        String body = "--xx\r\nContent-Disposition: form-data; name=\"file\"; filename=\"partner.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv + "\r\n--xx--\r\n";
        HttpRequest upload = request("/api/import?dataset=partner", s[0], s[1]).header("Content-Type", "multipart/form-data; boundary=xx")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> imported = HTTP.send(upload, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, imported.statusCode(), imported.body());

        HttpResponse<String> export = HTTP.send(request("/api/export/wards?format=csv&boundaries=three&from=2022-01&to=2022-02&category=Drugs",
                s[0], null).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, export.statusCode(), export.body());

        HttpResponse<String> noToken = HTTP.send(request("/api/datasets/partner", s[0], null).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, noToken.statusCode(), "no CSRF token: " + noToken.body());
        HttpResponse<String> wrongToken = HTTP.send(request("/api/datasets/partner", s[0], "x" + s[1]).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrongToken.statusCode(), "wrong CSRF token");
        HttpResponse<String> deleted = HTTP.send(request("/api/datasets/partner", s[0], s[1]).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, deleted.statusCode(), deleted.body());
        assertEquals(3, JSON.readTree(deleted.body()).get("rows").asInt(), "the three imported rows went with it");
        assertEquals(2, ws.snapshot().incidents().size(), "police-uk's two rows stay");

        String trail = audit("--user", "ana");
        List<String> lines = trail.lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("\tana\t198.51.100.7\tlogin\tana\t")), "login, from the address the trusted proxy gave:\n" + trail);
        String importLine = lines.stream().filter(l -> l.contains("\timport\tpartner\t")).findFirst().orElseThrow(() -> new AssertionError(trail));
        assertTrue(importLine.contains("\"source\":\"partner.csv\"") && importLine.contains("\"imported\":3") && importLine.contains("\"dataset\":\"partner\""), importLine);
        String exportLine = lines.stream().filter(l -> l.contains("\texport\t")).findFirst().orElseThrow(() -> new AssertionError(trail));
        assertTrue(exportLine.contains("\"format\":\"csv\"") && exportLine.contains("\"rows\":3") && exportLine.contains("\"category\":\"Drugs\"")
                && exportLine.contains("\"boundaries\":\"three\""), exportLine);
        String deleteLine = lines.stream().filter(l -> l.contains("\tdelete-dataset\tpartner\t")).findFirst().orElseThrow(() -> new AssertionError(trail));
        assertTrue(deleteLine.contains("\"rows\":3") && deleteLine.contains("partner.csv"), deleteLine);
        assertFalse(trail.contains(PASSWORD), "no password in the trail");
        assertFalse(audit("--user", "tess").contains("\timport\t"), "--user filters");
        assertEquals(2, audit("--from", "2999-01-01").lines().count() + 1, "--from filters: only the header line");
    }

    @Test
    void commandLineExportsAreRecordedWithTheirArguments() throws Exception {
        Path out = dir.resolve("wards.csv");
        assertEquals(0, Main.run("wards", "--data", dir.resolve("data").toString(), "--boundaries", "three", "--from", "2022-01",
                "--to", "2022-02", "--output", out.toString()));
        String line = audit("--user", "cli:" + System.getProperty("user.name")).lines().filter(l -> l.contains("\texport\t"))
                .findFirst().orElseThrow(() -> new AssertionError(audit()));
        assertTrue(line.contains("\tcli\t") && line.contains("\"rows\":3") && line.contains("--boundaries") && line.contains("wards.csv"), line);
    }

    @Test
    void theAuditTrailCannotBeChangedThroughTheApiOrTheDatabase() throws Exception {
        String[] s = signIn("ana");
        assertEquals(403, HTTP.send(request("/api/audit", s[0], null).build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "admin only");
        for (String method : List.of("DELETE", "PUT", "POST")) {
            HttpResponse<String> r = HTTP.send(request("/api/audit", s[0], s[1]).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode(), method + " /api/audit is no route");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data").resolve("access.db"))) {
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("UPDATE audit SET user = 'nobody'"));
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("DELETE FROM audit"));
        }
    }

    @Test
    void failedSignInsAreThrottledPerAccountAndRecorded() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, login("tom", "not the password at all", null).statusCode());
        }
        HttpResponse<String> sixth = login("tom", PASSWORD, null);
        assertEquals(429, sixth.statusCode(), "even the right password waits: " + sixth.body());
        assertTrue(Long.parseLong(sixth.headers().firstValue("retry-after").orElseThrow()) > 0);
        String trail = audit();
        assertEquals(5, trail.lines().filter(l -> l.contains("\tlogin-failed\ttom\t")).count(), trail);
        assertTrue(trail.contains("\tlogin-throttled\ttom\t"), trail);
    }

    @Test
    void aViewerCannotReadAnotherAccountsFocusAreaAndSeesSuppressedCounts() throws Exception {
        String[] ana = signIn("ana");
        HttpResponse<String> saved = HTTP.send(request("/api/areas", ana[0], ana[1]).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ana's\",\"boundaries\":\"three\",\"wards\":[\"E05000001\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, saved.statusCode(), saved.body());
        long id = JSON.readTree(saved.body()).get("id").asLong();
        String[] tess = signIn("tess");
        JsonNode list = JSON.readTree(HTTP.send(request("/api/areas", tess[0], null).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(0, list.get("features").size(), "a viewer lists only her own areas");
        assertEquals(403, HTTP.send(request("/api/strategic?from=2022-01&to=2022-02&area_id=" + id, tess[0], null).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(403, HTTP.send(request("/api/areas/" + id, tess[0], tess[1]).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        JsonNode wards = JSON.readTree(HTTP.send(request("/api/wards?boundaries=three&from=2022-01&to=2022-02", tess[0], null).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals("<5", wards.get("features").get(0).get("properties").get("count").asText(), "2 burglaries shown as <5");
        assertFalse(wards.has("totals"), "no unsuppressed totals beside the layer");
        JsonNode datasets = JSON.readTree(HTTP.send(request("/api/datasets", tess[0], null).build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode police = null;
        for (JsonNode d : datasets) {
            if (d.get("id").asText().equals("police-uk")) {
                police = d;
            }
        }
        assertEquals("<5", police.get("incidents").asText(), "2 incidents in the dataset: <5");
        assertFalse(police.has("files"), "no import reports for a viewer");
    }

    @Test
    void servingBeyondThisMachineNeedsAnAdminAccountOrNoLogin() throws Exception {
        try (Workspace empty = Workspace.open(dir.resolve("empty"))) {
            ApiServer s = new ApiServer(empty, new ApiServer.WebConfig(null, "", false));
            ServerSettings everywhere = new ServerSettings("0.0.0.0", 0, List.of(), HttpLimits.DEFAULT, AnalysisPool.Settings.defaults());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.start(everywhere));
            assertTrue(e.getMessage().contains("admin account") && e.getMessage().contains("--no-login"), e.getMessage());
        }
    }
}
