package org.wardheat.http;

import org.wardheat.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/periods}: the comparison period the page shows and sends, resolved by the server. */
class PeriodRoutesTest {
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
        test = TestServer.in(dir).start();
        ws = test.workspace;
        server = test.server();
        base = test.base();
    }

    @AfterAll
    static void stop() {
        test.close();
    }

    static HttpResponse<String> get(String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/periods?" + query)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** "from:to" of the comparison period for a query. */
    static String comparison(String query) throws Exception {
        HttpResponse<String> r = get(query);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode c = JSON.readTree(r.body()).get("comparison");
        return c.get("from").asText() + ":" + c.get("to").asText();
    }

    @Test
    void previousIsThePeriodOfTheSameLengthJustBefore() throws Exception {
        JsonNode body = JSON.readTree(get("from=2024-01&to=2024-12").body());
        assertEquals("2024-01", body.get("period").get("from").asText());
        assertEquals("2024-12", body.get("period").get("to").asText());
        assertEquals("2023-01:2023-12", comparison("from=2024-01&to=2024-12"));
        assertEquals("2023-12:2024-02", comparison("from=2024-03&to=2024-05&compare=previous"), "three months back across a year end");
        assertEquals("2023-12:2023-12", comparison("from=2024-01&to=2024-01"));
    }

    @Test
    void yearAgoAndAnExplicitPeriod() throws Exception {
        assertEquals("2023-03:2023-05", comparison("from=2024-03&to=2024-05&compare=year-ago"));
        assertEquals("2020-02:2020-07", comparison("from=2024-03&to=2024-05&compare=2020-02:2020-07"));
    }

    @Test
    void badInputIsA400NamingTheParameter() throws Exception {
        HttpResponse<String> missing = get("to=2024-05");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("from"), missing.body());
        HttpResponse<String> badCompare = get("from=2024-03&to=2024-05&compare=last-week");
        assertEquals(400, badCompare.statusCode());
        assertTrue(JSON.readTree(badCompare.body()).has("error"), badCompare.body());
        assertEquals(400, get("from=2024-06&to=2024-05").statusCode(), "ends before it starts");
    }
}
