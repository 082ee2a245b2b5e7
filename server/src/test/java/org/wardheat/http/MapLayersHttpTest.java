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
import org.wardheat.store.MbTilesTest;
import org.wardheat.store.TileSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.POLICE_HEADER;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

/** The map's layers over HTTP: gzip on every JSON/GeoJSON/CSV answer, only the drawn cells, and a basemap file served. */
class MapLayersHttpTest {
    @TempDir
    static Path dir;
    static Workspace ws;
    static ApiServer server;
    static TileSource tiles;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String Q = "boundaries=three&from=2022-01&to=2022-02&cell=100";

    @BeforeAll
    static void start() throws Exception {
        ws = Workspace.open(dir.resolve("data"));
        ws.addBoundaries("three", TestFiles.threeWards(dir), null, null);
        StringBuilder rows = new StringBuilder(POLICE_HEADER);
        for (int i = 0; i < 40; i++) {
            rows.append(row("2022-01", "Burglary", lon(0), LAT));
        }
        rows.append(row("2022-02", "Burglary", lon(1), LAT)).append(row("2022-02", "Drugs", lon(2), LAT));
        ws.importFiles(List.of(Files.writeString(dir.resolve("a.csv"), rows)), IncidentFormat.POLICE_UK, "police-uk", null);
        tiles = TileSource.open(MbTilesTest.write(dir.resolve("county.mbtiles")));
        server = new ApiServer(ws, ApiServer.WebConfig.basemap(tiles, false), tiles);
        base = "http://localhost:" + server.start(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
        tiles.close();
        ws.close();
    }

    static HttpResponse<byte[]> get(String path, boolean gzip) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (gzip) {
            b.header("Accept-Encoding", "gzip");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String gunzip(byte[] body) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void layersAndTablesAreGzippedForBrowsersThatAskAndPlainOtherwise() throws Exception {
        for (String path : List.of("/api/wards?" + Q, "/api/hotspots/gistar?" + Q, "/api/hotspots/kde?" + Q + "&bandwidth=300&format=csv",
                "/api/export/hotspots?analysis=gistar&format=csv&" + Q, "/api/boundaries/three", "/js/app.js")) {
            HttpResponse<byte[]> zipped = get(path, true);
            assertEquals(200, zipped.statusCode(), path);
            assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""), path);
            HttpResponse<byte[]> plain = get(path, false);
            assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty(), path);
            String text = new String(plain.body(), StandardCharsets.UTF_8);
            if (!path.contains("hotspots/kde")) { // analyses echo no time, so both bodies are equal
                assertEquals(text, gunzip(zipped.body()), path);
            }
            assertTrue(zipped.body().length < plain.body().length, path + ": " + zipped.body().length + " < " + plain.body().length);
            assertTrue(zipped.headers().firstValue("Content-Security-Policy").isPresent(), "security headers kept");
        }
    }

    @Test
    void significantSendsExactlyTheCellsTheMapDraws() throws Exception {
        JsonNode all = JSON.readTree(get("/api/hotspots/gistar?" + Q, false).body());
        JsonNode sig = JSON.readTree(get("/api/hotspots/gistar?" + Q + "&only=significant", false).body());
        Set<String> expected = new HashSet<>();
        all.get("features").forEach(f -> {
            if (f.get("properties").get("bin").asInt() != 0) {
                expected.add(f.get("properties").get("cell_id").asText());
            }
        });
        Set<String> sent = new HashSet<>();
        sig.get("features").forEach(f -> sent.add(f.get("properties").get("cell_id").asText()));
        assertTrue(!expected.isEmpty() && expected.size() < all.get("features").size(), "40 incidents in one spot make hot cells: " + expected.size());
        assertEquals(expected, sent);
        assertEquals(expected.size(), sig.get("cells").get("sent").asInt());
        assertEquals(all.get("features").size(), sig.get("cells").get("total").asInt());
        assertEquals("significant", sig.get("cells").get("only").asText());

        JsonNode kdeAll = JSON.readTree(get("/api/hotspots/kde?" + Q + "&bandwidth=300", false).body());
        double mean = kdeAll.get("parameters").get("incidents").asDouble() / kdeAll.get("parameters").get("area_km2").asDouble();
        for (double floor : new double[] {1, 4}) {
            JsonNode kde = JSON.readTree(get("/api/hotspots/kde?" + Q + "&bandwidth=300&only=significant&kde_floor=" + floor, false).body());
            long want = 0;
            for (JsonNode f : kdeAll.get("features")) {
                double v = f.get("properties").get("kde").asDouble();
                want += v > 0 && v >= floor * mean * (1 - 1e-5) ? 1 : 0; // values are written to 6 significant digits
            }
            assertEquals(want, kde.get("features").size(), "kde_floor " + floor);
            assertEquals(floor, kde.get("cells").get("kde_floor").asDouble());
            kde.get("features").forEach(f -> assertTrue(f.get("properties").get("kde").asDouble() >= floor * mean * (1 - 1e-5)));
        }
        assertEquals(400, get("/api/hotspots/kde?" + Q + "&only=some", false).statusCode());
        assertEquals(400, get("/api/hotspots/kde?" + Q + "&only=significant&kde_floor=101", false).statusCode());
        assertEquals(400, get("/api/hotspots/kde?" + Q + "&only=significant&kde_floor=-1", false).statusCode());
        JsonNode export = JSON.readTree(get("/api/export/hotspots?analysis=gistar&format=geojson&" + Q, false).body());
        assertEquals(all.get("features").size(), export.get("features").size(), "exports keep every cell");
    }

    @Test
    void theBasemapFileIsServedWithItsAttributionAndTheRowFlipped() throws Exception {
        JsonNode config = JSON.readTree(get("/api/config", false).body());
        assertEquals("/tiles/{z}/{x}/{y}", config.get("tileUrl").asText());
        assertEquals("© Test County <script>", config.get("tileAttribution").asText(), "tags removed, entities decoded; the page escapes it");
        assertEquals(0, config.get("tileMinZoom").asInt());
        assertEquals(1, config.get("tileMaxZoom").asInt());
        assertEquals(-1.0, config.get("tileBounds").get(0).asDouble());
        // the file holds z1 TMS row 1 (the northern half) at x 0: XYZ y 0
        HttpResponse<byte[]> north = get("/tiles/1/0/0.png", true);
        assertEquals(200, north.statusCode());
        assertEquals("image/png", north.headers().firstValue("Content-Type").orElse(""));
        assertTrue(north.headers().firstValue("Content-Encoding").isEmpty(), "images are not gzipped");
        assertArrayEquals(MbTilesTest.png(1, 0, 1), north.body());
        assertArrayEquals(MbTilesTest.png(0, 0, 0), get("/tiles/0/0/0", false).body());
        HttpResponse<byte[]> missing = get("/tiles/1/1/1.png", false);
        assertEquals(200, missing.statusCode());
        assertArrayEquals(BasemapRoutes.EMPTY, missing.body(), "a tile the file lacks is transparent, not a failed request");
        assertEquals(400, get("/tiles/1/2/0.png", false).statusCode());
        assertEquals(400, get("/tiles/31/0/0.png", false).statusCode());
        assertEquals(400, get("/tiles/a/0/0.png", false).statusCode());
        assertTrue(Arrays.equals(MbTilesTest.png(1, 0, 1), tiles.tile(1, 0, 0)));
    }
}
