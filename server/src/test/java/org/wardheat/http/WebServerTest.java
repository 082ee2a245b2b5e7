package org.wardheat.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.jetty.util.Jetty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.service.Workspace;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web server itself (issue #16): Jetty 12.1, no Server banner, Jetty's own errors as JSON. */
class WebServerTest {
    @TempDir
    static Path dir;
    static Workspace ws;
    static ApiServer server;
    static int port;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        ws = Workspace.open(dir.resolve("data"));
        server = new ApiServer(ws, new ApiServer.WebConfig(null, "", false));
        port = server.start(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
        ws.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void runsOnAMaintainedJetty12() {
        String[] v = Jetty.VERSION.split("\\.");
        assertEquals("12", v[0], Jetty.VERSION);
        assertEquals("1", v[1], Jetty.VERSION);
        assertTrue(Integer.parseInt(v[2].replaceAll("\\D.*", "")) >= 7, "12.1.7 or later fixes CVE-2026-2332: " + Jetty.VERSION);
    }

    @Test
    void noServerHeaderOnThePageTheApiAndErrors() throws Exception {
        for (String path : new String[] {"/", "/js/app.js", "/api/config", "/api/boundaries", "/api/nothing",
                "/webjars/leaflet/1.9.4/dist/leaflet.js"}) {
            HttpResponse<String> r = get(path);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 404, path + " " + r.statusCode());
            assertFalse(r.headers().firstValue("server").isPresent(), path + ": " + r.headers().map());
            assertFalse(r.headers().firstValue("x-powered-by").isPresent(), path);
        }
    }

    @Test
    void jettysOwnErrorsAreJsonWithoutStackTraces() throws Exception {
        RawHttp.Reply badUri = RawHttp.send(port, "GET /api/%zz HTTP/1.1\nHost: localhost\nConnection: close\n", "");
        assertEquals(400, badUri.status(), badUri.head());
        assertJsonError(badUri);
        RawHttp.Reply bigHeader = RawHttp.send(port, "GET /api/config HTTP/1.1\nHost: localhost\nX-Big: "
                + "a".repeat(HttpLimits.DEFAULT.requestHeaderBytes() + 10) + "\nConnection: close\n", "");
        assertEquals(431, bigHeader.status(), bigHeader.head());
        assertJsonError(bigHeader);
        RawHttp.Reply missingStatic = RawHttp.send(port, "GET /js/nothing.js HTTP/1.1\nHost: localhost\nConnection: close\n", "");
        assertEquals(404, missingStatic.status());
        assertJsonError(missingStatic);
        assertNull(missingStatic.header("Server"));
    }

    static void assertJsonError(RawHttp.Reply r) throws Exception {
        assertTrue(String.valueOf(r.header("Content-Type")).startsWith("application/json"), r.head());
        String error = JSON.readTree(r.body()).get("error").asText();
        assertFalse(error.isBlank());
        assertFalse(r.body().contains("\tat ") || r.body().contains("Exception") || r.body().contains("<html"), r.body());
    }
}
