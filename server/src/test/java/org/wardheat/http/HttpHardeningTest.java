package org.wardheat.http;

import org.wardheat.TestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.service.Workspace;

import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.POLICE_HEADER;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

/**
 * Issue #8 item 4, tried as an attacker would: another origin posting to the API, "simple" content types,
 * a foreign Host, oversized bodies, a route throwing an Error, a busy port.
 */
class HttpHardeningTest {
    static final String TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: https://tile.openstreetmap.org; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; form-action 'self'; object-src 'none'";
    static final long UPLOAD_LIMIT = 1 << 20;
    static final String EVIL = "http://evil.example";

    @TempDir
    static Path dir;
    static TestServer test;
    static Workspace ws;
    static ApiServer server;
    static int port;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        test = TestServer.in(dir).threeWards(row("2022-01", "Burglary", lon(0), LAT)).web(new ApiServer.WebConfig(TILES, "", false))
                .settings(ServerSettings.loopback(0).withLimits(HttpLimits.DEFAULT.withUploadBytes(UPLOAD_LIMIT))).start();
        ws = test.workspace;
        server = test.server();
        port = test.port();
        base = test.base();
        server.service().get("/api/test/out-of-memory", (req, res) -> {
            throw new OutOfMemoryError("Java heap space");
        });
        server.service().get("/api/test/stack-overflow", (req, res) -> recurse(0));
        server.service().get("/api/test/runtime", (req, res) -> {
            throw new IllegalStateException("secret internal detail");
        });
    }

    static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @AfterAll
    static void stop() {
        test.close();
    }

    static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    static String error(HttpResponse<String> r) throws Exception {
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"), r.headers().map().toString());
        assertFalse(r.body().contains("\tat ") || r.body().contains("at org.") || r.body().contains("<html"), r.body());
        return JSON.readTree(r.body()).get("error").asText();
    }

    static HttpRequest.Builder upload(String path, String csv) {
        String boundary = "----wardheat" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"2022-05-kent-street.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return to(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    static int datasets() {
        return ws.store().importLog().datasets().size();
    }

    static int areas() {
        return ws.store().focusAreas().list().size();
    }

    static void assertSecurityHeaders(java.util.function.Function<String, String> header, String where) {
        assertEquals(CSP, header.apply("Content-Security-Policy"), where);
        assertEquals("nosniff", header.apply("X-Content-Type-Options"), where);
        assertEquals("DENY", header.apply("X-Frame-Options"), where);
        assertEquals("no-referrer", header.apply("Referrer-Policy"), where);
        assertNull(header.apply("Server"), where);
    }

    @Test
    void securityHeadersOnThePageStaticFilesTheApiAndErrors() throws Exception {
        for (String path : new String[] {"/", "/js/app.js", "/webjars/leaflet/1.9.4/dist/leaflet.css", "/api/config",
                "/api/nothing", "/js/nothing.js", "/api/wards?boundaries=three&from=2022-13&to=2022-12", "/api/test/out-of-memory"}) {
            HttpResponse<String> r = send(to(path));
            assertSecurityHeaders(name -> r.headers().firstValue(name).orElse(null), path + " " + r.statusCode());
        }
        RawHttp.Reply badUri = RawHttp.send(port, "GET /%zz HTTP/1.1\nHost: localhost\nConnection: close\n", "");
        assertEquals(400, badUri.status());
        assertSecurityHeaders(badUri::header, "bad URI");
        RawHttp.Reply foreignHost = RawHttp.send(port, "GET / HTTP/1.1\nHost: evil.example\nConnection: close\n", "");
        assertSecurityHeaders(foreignHost::header, "foreign Host");
    }

    @Test
    void theTileHostIsTheOnlyOtherImageSource() {
        assertEquals("https://*.tile.openstreetmap.org", SecurityHeaders.tileSource("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"));
        assertEquals("https://tiles.example:8443", SecurityHeaders.tileSource("https://tiles.example:8443/{z}/{x}/{y}.png"));
        assertEquals("https:", SecurityHeaders.tileSource("https://t{s}.example/{z}/{x}/{y}.png"));
        assertNull(SecurityHeaders.tileSource(null));
        assertNull(SecurityHeaders.tileSource("/tiles/{z}/{x}/{y}.png"));
        assertNull(SecurityHeaders.tileSource("javascript:alert(1)"));
        assertTrue(SecurityHeaders.contentSecurityPolicy(null).contains("img-src 'self' data:; "));
    }

    @Test
    void crossOriginImportFailsAndStoresNothing() throws Exception {
        int before = datasets();
        String csv = POLICE_HEADER + row("2022-05", "Drugs", lon(1), LAT);
        HttpResponse<String> evil = send(upload("/api/import?dataset=evil", csv).header("Origin", EVIL));
        assertEquals(403, evil.statusCode(), evil.body());
        assertTrue(error(evil).startsWith("cross-origin request refused"), evil.body());
        HttpResponse<String> fetchMetadata = send(upload("/api/import?dataset=evil", csv).header("Sec-Fetch-Site", "cross-site"));
        assertEquals(403, fetchMetadata.statusCode());
        HttpResponse<String> opaque = send(upload("/api/import?dataset=evil", csv).header("Origin", "null"));
        assertEquals(403, opaque.statusCode());
        HttpResponse<String> sameSiteOtherPort = send(upload("/api/import?dataset=evil", csv).header("Origin", "http://localhost:" + (port + 1)));
        assertEquals(403, sameSiteOtherPort.statusCode());
        HttpResponse<String> form = send(to("/api/import?dataset=evil").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("file=x")));
        assertEquals(415, form.statusCode());
        assertEquals(before, datasets(), "nothing stored");
        HttpResponse<String> own = send(upload("/api/import?dataset=own", csv).header("Origin", base).header("Sec-Fetch-Site", "same-origin"));
        assertEquals(200, own.statusCode(), own.body());
        assertEquals(before + 1, datasets(), "the page's own upload still works");
    }

    @Test
    void textPlainAndFormBodiesAreNeverParsedAsJson() throws Exception {
        int before = areas();
        String body = "{\"name\":\"evil\",\"boundaries\":\"three\",\"wards\":[\"E05000001\"]}";
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            HttpResponse<String> r = send(to("/api/areas").header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(415, r.statusCode(), type);
            assertTrue(error(r).contains("application/json"), r.body());
        }
        HttpResponse<String> none = send(to("/api/areas").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(415, none.statusCode());
        HttpResponse<String> crossOriginJson = send(to("/api/areas").header("Content-Type", "application/json").header("Origin", EVIL)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(403, crossOriginJson.statusCode());
        assertEquals(before, areas(), "nothing stored");
    }

    @Test
    void foreignOriginCannotRenameOrDeleteASavedArea() throws Exception {
        HttpResponse<String> saved = send(to("/api/areas").header("Content-Type", "application/json; charset=utf-8")
                .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Mine\",\"boundaries\":\"three\",\"wards\":[\"E05000002\"]}")));
        assertEquals(201, saved.statusCode(), saved.body());
        long id = JSON.readTree(saved.body()).get("id").asLong();
        HttpResponse<String> delete = send(to("/api/areas/" + id).header("Origin", EVIL).DELETE());
        assertEquals(403, delete.statusCode());
        HttpResponse<String> rename = send(to("/api/areas/" + id).header("Origin", EVIL).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Pwned\"}")));
        assertEquals(403, rename.statusCode());
        assertTrue(ws.store().focusAreas().list().stream().anyMatch(a -> a.id() == id && a.name().equals("Mine")), "still there, unrenamed");
        assertEquals(200, send(to("/api/areas/" + id).header("Sec-Fetch-Site", "same-origin").DELETE()).statusCode());
    }

    @Test
    void aForeignHostIsRefused() throws Exception {
        RawHttp.Reply rebinding = RawHttp.send(port, "GET /api/datasets HTTP/1.1\nHost: evil.example:" + port + "\nConnection: close\n", "");
        assertEquals(421, rebinding.status(), rebinding.head());
        assertTrue(JSON.readTree(rebinding.body()).get("error").asText().contains("evil.example"), rebinding.body());
        RawHttp.Reply post = RawHttp.send(port, "DELETE /api/areas/1 HTTP/1.1\nHost: evil.example\nConnection: close\n", "");
        assertEquals(421, post.status());
        for (String host : new String[] {"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST"}) {
            RawHttp.Reply ok = RawHttp.send(port, "GET /api/config HTTP/1.1\nHost: " + host + "\nConnection: close\n", "");
            assertEquals(200, ok.status(), host);
        }
        AllowedHosts named = AllowedHosts.of("127.0.0.1", List.of("Maps.Council.Example"));
        assertTrue(named.allows("maps.council.example:8080"));
        assertFalse(named.allows("council.example"));
        assertFalse(AllowedHosts.of("0.0.0.0", List.of()).allows("0.0.0.0"));
    }

    @Test
    void oversizedBodiesGet413BeforeAnythingIsRead() throws Exception {
        int before = areas();
        String huge = "{\"name\":\"" + "x".repeat((int) HttpLimits.DEFAULT.jsonBodyBytes()) + "\",\"boundaries\":\"three\",\"wards\":[]}";
        RawHttp.Reply json = RawHttp.sendRefusable(port, "POST /api/areas HTTP/1.1\nHost: localhost\nContent-Type: application/json\n",
                huge.getBytes(StandardCharsets.UTF_8));
        assertEquals(413, json.status(), json.head());
        assertTrue(json.body().contains("at most " + HttpLimits.DEFAULT.jsonBodyBytes() + " bytes"), json.body());
        assertEquals(before, areas());
        int datasetsBefore = datasets();
        StringBuilder csv = new StringBuilder(POLICE_HEADER);
        while (csv.length() <= UPLOAD_LIMIT) {
            csv.append(row("2022-06", "Drugs", lon(2), LAT));
        }
        String boundary = "----wardheat-big";
        RawHttp.Reply big = RawHttp.sendRefusable(port, "POST /api/import?dataset=big HTTP/1.1\nHost: localhost\n"
                + "Content-Type: multipart/form-data; boundary=" + boundary + "\n", ("--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(413, big.status(), big.head());
        assertEquals(datasetsBefore, datasets());
        RawHttp.Reply chunked = RawHttp.send(port, "POST /api/areas HTTP/1.1\nHost: localhost\nContent-Type: application/json\n"
                + "Transfer-Encoding: chunked\nConnection: close\n", "2\r\n{}\r\n0\r\n\r\n");
        assertEquals(411, chunked.status(), chunked.head());
        assertEquals(before, areas());
    }

    @Test
    void anErrorInARouteIsJson500AndTheServerKeepsAnswering() throws Exception {
        HttpResponse<String> oom = send(to("/api/test/out-of-memory"));
        assertEquals(500, oom.statusCode());
        assertEquals("internal error: OutOfMemoryError", error(oom));
        HttpResponse<String> stack = send(to("/api/test/stack-overflow"));
        assertEquals(500, stack.statusCode());
        assertEquals("internal error: StackOverflowError", error(stack));
        HttpResponse<String> runtime = send(to("/api/test/runtime"));
        assertEquals(500, runtime.statusCode());
        assertFalse(error(runtime).contains("secret"), runtime.body());
        for (String method : new String[] {"PUT", "DELETE"}) {
            // A fresh client: the JDK client does not retry a PUT or DELETE sent on a pooled connection the
            // server has just closed (after the error responses above), which made this test flaky.
            HttpResponse<String> r = HttpClient.newHttpClient().send(to("/api/nothing").header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode());
            error(r);
        }
        assertEquals(200, send(to("/api/config")).statusCode());
        assertEquals(200, send(to("/api/wards?boundaries=three&from=2022-01&to=2022-01")).statusCode());
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        try (java.net.Socket s = new java.net.Socket()) {
            java.net.InetAddress other = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address).findFirst().orElse(null);
            if (other != null) {
                assertThrows(java.io.IOException.class, () -> s.connect(new java.net.InetSocketAddress(other, port), 2000),
                        "not reachable on " + other);
            }
        }
    }

    @Test
    void serveOnABusyPortPrintsOneLineAndExits1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int busy = taken.getLocalPort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path err = dir.resolve("busy.err");
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.wardheat.cli.Main",
                    "serve", "--data", dir.resolve("busy-data").toString(), "--port", String.valueOf(busy), "--tiles", "none")
                    .redirectError(err.toFile()).redirectOutput(dir.resolve("busy.out").toFile()).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "serve on a busy port must exit");
            assertEquals(1, p.exitValue());
            List<String> lines = Files.readAllLines(err);
            assertEquals(List.of("wardheat: error: port " + busy + " is in use; choose another with --port"), lines);
        }
    }

    private static void assertThrows(Class<? extends Throwable> type, org.junit.jupiter.api.function.Executable e, String message) {
        org.junit.jupiter.api.Assertions.assertThrows(type, e, message);
    }
}
