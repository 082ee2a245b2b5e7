package org.wardheat.http;

import org.wardheat.TestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.TestFiles;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.service.Workspace;
import org.wardheat.store.StoreTestHooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

/** A full disk or a busy store during an upload: a clear JSON error, nothing stored, and every route still answers. */
class StoreFailureHttpTest {
    @TempDir
    static Path dir;
    static TestServer test;
    static Workspace ws;
    static ApiServer server;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PERIOD = "from=2022-01&to=2022-12";
    /** Every GET route of the API, with the parameters it needs. */
    static final List<String> ROUTES = List.of("/api/config", "/api/boundaries", "/api/boundaries/three", "/api/datasets",
            "/api/categories", "/api/months", "/api/areas", "/api/wards?boundaries=three&" + PERIOD,
            "/api/wards/summary?boundaries=three&" + PERIOD, "/api/wards.csv?boundaries=three&" + PERIOD,
            "/api/hotspots/kde?boundaries=three&" + PERIOD, "/api/hotspots/gistar?boundaries=three&" + PERIOD,
            "/api/strategic?boundaries=three&ward=E05000001&" + PERIOD, "/api/export/wards?boundaries=three&format=csv&" + PERIOD,
            "/api/repeats?dataset=needle-finds&group_by=label&" + PERIOD, "/api/needles/table?" + PERIOD,
            "/api/encampments?" + PERIOD, "/api/near-repeat?dataset=needle-finds&simulations=19&" + PERIOD);

    @BeforeAll
    static void start() throws Exception {
        test = TestServer.in(dir).threeWards(row("2022-01", "Burglary", lon(0), LAT) + row("2022-02", "Burglary", lon(0), LAT + 0.003)
                + row("2022-03", "Drugs", lon(1), LAT - 0.002) + row("2022-04", "Drugs", lon(2), LAT + 0.001)).fill(w ->
                w.importFiles(List.of(Files.writeString(dir.resolve("finds.csv"), "Date,Location,Longitude,Latitude,Count\n"
                        + "2022-01-03,River Steps,0.505,51.205,3\n2022-01-09,river steps,0.505,51.205,2\n")),
                        IncidentFormat.council(org.wardheat.imports.ColumnMapping.preset("needle-finds")), "needle-finds", null)).start();
        ws = test.workspace;
        server = test.server();
        base = test.base();
    }

    @AfterAll
    static void stop() {
        test.close();
    }

    @AfterEach
    void freeDisk() {
        StoreTestHooks.freeDisk();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> upload(String csv) throws Exception {
        String boundary = "----wardheat" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/import?boundaries=three"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void assertEveryRouteAnswers() throws Exception {
        for (String route : ROUTES) {
            HttpResponse<String> r = get(route);
            assertEquals(200, r.statusCode(), route + ": " + r.body());
        }
    }

    @Test
    void diskFullDuringAnUploadIs507AndTheServerGoesOn() throws Exception {
        String csv = TestFiles.policeRows("2022-05", 5_000);
        String before = StoreTestHooks.state(ws.store());
        String wardsBefore = get(ROUTES.get(7)).body();
        StoreTestHooks.fillDisk(ws.store(), 3);
        for (int attempt = 0; attempt < 2; attempt++) {
            HttpResponse<String> full = upload(csv);
            assertEquals(507, full.statusCode(), full.body());
            String error = JSON.readTree(full.body()).get("error").asText();
            assertTrue(error.startsWith("disk full: no room left for the data directory " + dir.resolve("data") + " ([SQLITE_FULL]"), error);
            assertEquals(before, StoreTestHooks.state(ws.store()), "row counts, import log and integrity_check as before");
        }
        assertEveryRouteAnswers();
        assertEquals(wardsBefore, get(ROUTES.get(7)).body());
        StoreTestHooks.freeDisk();
        HttpResponse<String> freed = upload(csv);
        assertEquals(200, freed.statusCode(), freed.body());
        assertEquals(5_000, JSON.readTree(freed.body()).get("totals").get("imported").asInt());
        assertEveryRouteAnswers();
        assertTrue(StoreTestHooks.state(ws.store()).startsWith("integrity_check: ok\nboundary_set: 1\n"));
    }

    /** A CLI import (another Workspace on the data directory) holds the write lock while the page uploads. */
    @Test
    void anUploadWhileAnotherImportHoldsTheStoreIs503WithRetryAfter() throws Exception {
        try (Workspace cli = Workspace.open(dir.resolve("data"))) {
            try (StoreTestHooks.WriteHold ignored = new StoreTestHooks.WriteHold(cli.store(), "cli")) {
                String before = StoreTestHooks.state(ws.store());
                HttpResponse<String> busy = upload(TestFiles.policeRows("2022-06", 10));
                assertEquals(503, busy.statusCode(), busy.body());
                assertEquals("10", busy.headers().firstValue("Retry-After").orElse(""));
                assertTrue(busy.headers().firstValue("content-type").orElse("").startsWith("application/json"));
                assertEquals("another import is running on this data directory; retry when it has finished",
                        JSON.readTree(busy.body()).get("error").asText());
                assertEquals(before, StoreTestHooks.state(ws.store()));
                assertEveryRouteAnswers();
            }
            HttpResponse<String> retried = upload(TestFiles.policeRows("2022-06", 10));
            assertEquals(200, retried.statusCode(), retried.body());
        }
    }
}
