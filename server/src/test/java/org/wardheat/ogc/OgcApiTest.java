package org.wardheat.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.wardheat.TestServer;
import org.wardheat.boundaries.Projection;
import org.wardheat.demo.DemoBorough;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OGC API – Features service on the demo borough: the conformance classes it declares (core, GeoJSON,
 * HTML, OpenAPI 3.0, CRS by reference) checked on real answers, and GDAL's own OAPIF client reading it.
 */
class OgcApiTest {
    static final String WARDS = "wards-" + DemoBorough.BOUNDARIES;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static TestServer server;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dir.resolve("data"), ws -> DemoBorough.install(ws, dir));
        port = URI.create(server.base()).getPort();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String pathAndQuery, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pathAndQuery.startsWith("http") ? pathAndQuery : server.base() + pathAndQuery));
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery, null);
        assertEquals(200, r.statusCode(), pathAndQuery + ": " + r.body());
        return JSON.readTree(r.body());
    }

    static String link(JsonNode doc, String rel, String type) {
        for (JsonNode l : doc.get("links")) {
            if (l.get("rel").asText().equals(rel) && l.get("type").asText().equals(type)) {
                return l.get("href").asText();
            }
        }
        return null;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- core ----

    @Test
    void landingConformanceAndCollections() throws Exception {
        JsonNode landing = json("/ogc");
        assertTrue(link(landing, "service-desc", "application/vnd.oai.openapi+json;version=3.0").endsWith("/ogc/api"));
        assertTrue(link(landing, "conformance", "application/json").endsWith("/ogc/conformance"));
        assertTrue(link(landing, "data", "application/json").endsWith("/ogc/collections"));
        assertNotNull(link(landing, "self", "application/json"));
        assertNotNull(link(landing, "alternate", "text/html"));

        Set<String> classes = new HashSet<>();
        json("/ogc/conformance").get("conformsTo").forEach(c -> classes.add(c.asText()));
        assertEquals(Set.copyOf(OgcRoutes.CONFORMANCE), classes);
        assertTrue(classes.contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"));

        JsonNode collections = json("/ogc/collections");
        List<String> ids = new ArrayList<>();
        collections.get("collections").forEach(c -> ids.add(c.get("id").asText()));
        assertEquals(List.of(WARDS, "kde-demo-wards", "gistar-demo-wards", "change-demo-wards", "classify-demo-wards",
                "evaluate-demo-wards", "repeats", "encampments", "focus-areas"), ids);

        JsonNode wards = json("/ogc/collections/" + WARDS);
        assertEquals("http://www.opengis.net/def/crs/OGC/1.3/CRS84", wards.get("storageCrs").asText());
        assertEquals(3, wards.get("crs").size());
        JsonNode bbox = wards.get("extent").get("spatial").get("bbox").get(0);
        assertTrue(bbox.get(0).asDouble() < bbox.get(2).asDouble() && bbox.get(1).asDouble() > 50 && bbox.get(3).asDouble() < 54,
                "a lon/lat box in England: " + bbox);
        assertEquals("2023-01-01T00:00:00Z", wards.get("extent").get("temporal").get("interval").get(0).get(0).asText());
        assertEquals("2024-12-31T23:59:59Z", wards.get("extent").get("temporal").get("interval").get(0).get(1).asText());
        assertTrue(link(wards, "items", "application/geo+json").endsWith("/collections/" + WARDS + "/items?f=json"));
        assertEquals(404, get("/ogc/collections/nothing-here", null).statusCode());
    }

    @Test
    void itemsAreGeoJsonWithTheWardTablesFigures() throws Exception {
        HttpResponse<String> r = get("/ogc/collections/" + WARDS + "/items?datetime=2024-01-01/2024-12-31&category=Burglary", "application/geo+json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/geo+json"));
        assertEquals("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>", r.headers().firstValue("Content-Crs").orElse(""));
        JsonNode items = JSON.readTree(r.body());
        JsonNode layer = json("/api/wards?boundaries=" + DemoBorough.BOUNDARIES + "&from=2024-01&to=2024-12&category=Burglary");
        assertEquals("FeatureCollection", items.get("type").asText());
        assertEquals(layer.get("features").size(), items.get("numberMatched").asInt());
        assertEquals(layer.get("features").size(), items.get("numberReturned").asInt());
        assertTrue(items.get("timeStamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertEquals(layer.get("query"), items.get("query"), "the layer's members travel as they do on the map");
        assertEquals(layer.get("totals"), items.get("totals"));
        for (int i = 0; i < layer.get("features").size(); i++) {
            assertEquals(layer.get("features").get(i), items.get("features").get(i), "feature " + i);
        }
        long burglaries = 0;
        for (JsonNode f : items.get("features")) {
            burglaries += f.get("properties").get("count").asLong();
        }
        assertTrue(burglaries > 0, "the demo has burglaries in 2024");
        JsonNode one = json("/ogc/collections/" + WARDS + "/items/" + items.get("features").get(2).get("id").asText()
                + "?datetime=2024-01-01/2024-12-31&category=Burglary");
        assertEquals("Feature", one.get("type").asText());
        assertEquals(items.get("features").get(2).get("properties"), one.get("properties"));
        assertNotNull(link(one, "collection", "application/json"));
        assertEquals(404, get("/ogc/collections/" + WARDS + "/items/E99999999", null).statusCode());
    }

    @Test
    void pagingVisitsEveryFeatureExactlyOnce() throws Exception {
        for (String collection : List.of(WARDS, "gistar-demo-wards")) {
            String url = server.base() + "/ogc/collections/" + collection + "/items?limit=7&datetime=2024-01-01/2024-06-30"
                    + (collection.equals(WARDS) ? "" : "&cell=1000");
            List<String> seen = new ArrayList<>();
            int matched = -1, pages = 0;
            String prev = null;
            while (url != null) {
                JsonNode page = json(url);
                matched = page.get("numberMatched").asInt();
                assertTrue(page.get("numberReturned").asInt() <= 7);
                assertEquals(page.get("features").size(), page.get("numberReturned").asInt());
                page.get("features").forEach(f -> seen.add(f.get("id").asText()));
                assertEquals(pages > 0, link(page, "prev", "application/geo+json") != null, "prev on every page but the first");
                if (pages == 1) {
                    prev = link(page, "prev", "application/geo+json");
                }
                url = link(page, "next", "application/geo+json");
                pages++;
                assertTrue(pages < 10_000);
            }
            assertEquals(matched, seen.size(), collection);
            assertEquals(matched, new HashSet<>(seen).size(), collection + ": no feature twice");
            assertEquals((matched + 6) / 7, pages);
            assertTrue(matched > 7, collection + " has more than one page: " + matched);
            assertEquals(seen.subList(0, 7), ids(json(prev)), "prev of page 2 is page 1");
        }
        JsonNode all = json("/ogc/collections/" + WARDS + "/items?limit=10000");
        assertEquals(all.get("numberMatched").asInt(), all.get("numberReturned").asInt());
        assertEquals("limit", JSON.readTree(get("/ogc/collections/" + WARDS + "/items?limit=10001", null).body()).get("parameter").asText());
        assertEquals("limit", JSON.readTree(get("/ogc/collections/" + WARDS + "/items?limit=0", null).body()).get("parameter").asText());
    }

    static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("features").forEach(f -> out.add(f.get("id").asText()));
        return out;
    }

    @Test
    void datetimeSelectsTheMonthsItTouches() throws Exception {
        JsonNode half = json("/ogc/collections/" + WARDS + "/items?datetime=2023-01-01/2023-06-30");
        assertEquals(json("/api/wards?boundaries=" + DemoBorough.BOUNDARIES + "&from=2023-01&to=2023-06").get("features"), half.get("features"));
        assertEquals("2023-01:2023-06", period(half));
        assertEquals("2023-01:2023-02", period(json("/ogc/collections/" + WARDS + "/items?datetime=2023-01-15/2023-02-10")));
        assertEquals("2023-01:2023-03", period(json("/ogc/collections/" + WARDS + "/items?datetime=../2023-03-31")));
        assertEquals("2024-10:2024-12", period(json("/ogc/collections/" + WARDS + "/items?datetime=2024-10-01T00:00:00Z/..")));
        assertEquals("2024-03:2024-03", period(json("/ogc/collections/" + WARDS + "/items?datetime=2024-03-14")));
        assertEquals("2024-01:2024-12", period(json("/ogc/collections/" + WARDS + "/items")), "default: the last 12 months of data");
        assertEquals("2023-01:2024-12", period(json("/ogc/collections/" + WARDS + "/items?datetime=" + enc("../.."))));
        for (String bad : List.of("2023-13-01", "2024-02-01/2023-01-01", "..", "1950-01-01/1951-01-01", "a/b/c")) {
            HttpResponse<String> r = get("/ogc/collections/" + WARDS + "/items?datetime=" + enc(bad), null);
            assertEquals(400, r.statusCode(), bad);
            assertEquals("datetime", JSON.readTree(r.body()).get("parameter").asText(), bad + ": " + r.body());
        }
        // the period reaches the analysis: the year-2023 and year-2024 hotspot layers differ
        assertFalse(json("/ogc/collections/kde-demo-wards/items?limit=10000&datetime=2023-01-01/2023-12-31").get("features")
                .equals(json("/ogc/collections/kde-demo-wards/items?limit=10000&datetime=2024-01-01/2024-12-31").get("features")));
    }

    static String period(JsonNode layer) {
        JsonNode p = layer.get("query").get("period");
        return p.isTextual() ? p.asText() : p.get("from").asText() + ":" + p.get("to").asText();
    }

    @Test
    void bboxSelectsTheFeaturesItIntersects() throws Exception {
        JsonNode all = json("/ogc/collections/" + WARDS + "/items?limit=10000");
        GeoJsonReader reader = new GeoJsonReader();
        Envelope whole = new Envelope();
        List<Geometry> geometries = new ArrayList<>();
        for (JsonNode f : all.get("features")) {
            Geometry g = reader.read(f.get("geometry").toString());
            geometries.add(g);
            whole.expandToInclude(g.getEnvelopeInternal());
        }
        // the south-west quarter of the borough
        Envelope box = new Envelope(whole.getMinX(), whole.centre().x, whole.getMinY(), whole.centre().y);
        Geometry boxGeometry = new org.locationtech.jts.geom.GeometryFactory().toGeometry(box);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < geometries.size(); i++) {
            if (geometries.get(i).intersects(boxGeometry)) {
                expected.add(all.get("features").get(i).get("id").asText());
            }
        }
        assertTrue(expected.size() > 0 && expected.size() < geometries.size(), "a box that selects some wards: " + expected.size());
        String bbox = box.getMinX() + "," + box.getMinY() + "," + box.getMaxX() + "," + box.getMaxY();
        JsonNode selected = json("/ogc/collections/" + WARDS + "/items?limit=10000&bbox=" + bbox);
        assertEquals(expected, new HashSet<>(ids(selected)));
        assertEquals(expected.size(), selected.get("numberMatched").asInt());
        // the same box as EPSG:4326 (lat, lon) selects the same wards
        String latLon = box.getMinY() + "," + box.getMinX() + "," + box.getMaxY() + "," + box.getMaxX();
        assertEquals(expected, new HashSet<>(ids(json("/ogc/collections/" + WARDS + "/items?limit=10000&bbox=" + latLon
                + "&bbox-crs=" + enc(OgcCrs.EPSG_4326.uri)))));
        // a BNG box well inside one ward selects that ward only
        Coordinate inside = geometries.get(0).getInteriorPoint().getCoordinate();
        double[] en = {inside.x, inside.y};
        Projection.transformInPlace(en, Projection.WGS84, Projection.BNG);
        JsonNode one = json("/ogc/collections/" + WARDS + "/items?bbox=" + (en[0] - 1) + "," + (en[1] - 1) + "," + (en[0] + 1) + "," + (en[1] + 1)
                + "&bbox-crs=" + enc(OgcCrs.EPSG_27700.uri));
        assertEquals(List.of(all.get("features").get(0).get("id").asText()), ids(one));
        for (String bad : List.of("1,2,3", "1,2,0,3", "a,b,c,d", "-200,0,0,1")) {
            HttpResponse<String> r = get("/ogc/collections/" + WARDS + "/items?bbox=" + enc(bad), null);
            assertEquals(400, r.statusCode(), bad);
            assertEquals("bbox", JSON.readTree(r.body()).get("parameter").asText());
        }
    }

    // ---- CRS by reference ----

    @Test
    void crs27700IsTheGeoToolsTransformOfTheCrs84Output() throws Exception {
        String q = "/ogc/collections/" + WARDS + "/items?limit=10000&datetime=2024-01-01/2024-12-31";
        JsonNode lonLat = json(q);
        HttpResponse<String> r = get(q + "&crs=" + enc(OgcCrs.EPSG_27700.uri), null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("<http://www.opengis.net/def/crs/EPSG/0/27700>", r.headers().firstValue("Content-Crs").orElse(""));
        JsonNode bng = JSON.readTree(r.body());
        GeoJsonReader reader = new GeoJsonReader();
        int positions = 0;
        double worst = 0;
        for (int i = 0; i < lonLat.get("features").size(); i++) {
            Geometry expected = Projection.transform(reader.read(lonLat.get("features").get(i).get("geometry").toString()), Projection.WGS84, Projection.BNG);
            Geometry actual = reader.read(bng.get("features").get(i).get("geometry").toString());
            Coordinate[] e = expected.getCoordinates(), a = actual.getCoordinates();
            assertEquals(e.length, a.length);
            for (int k = 0; k < e.length; k++) {
                worst = Math.max(worst, Math.max(Math.abs(e[k].x - a[k].x), Math.abs(e[k].y - a[k].y)));
                positions++;
            }
            assertEquals(lonLat.get("features").get(i).get("properties"), bng.get("features").get(i).get("properties"));
        }
        // the CRS84 output is rounded to 1e-6 degrees (<= 0.06 m north, 0.04 m east) and the BNG output to 0.01 m
        assertTrue(worst < 0.1, "largest difference " + worst + " m over " + positions + " positions");
        assertTrue(positions > 100);
        assertTrue(bng.get("features").get(0).get("geometry").get("coordinates").get(0).get(0).get(0).asDouble() > 400_000, "eastings");

        JsonNode latLon = json(q + "&crs=" + enc(OgcCrs.EPSG_4326.uri));
        JsonNode p84 = lonLat.get("features").get(0).get("geometry").get("coordinates").get(0).get(0);
        JsonNode p4326 = latLon.get("features").get(0).get("geometry").get("coordinates").get(0);
        boolean found = false;
        for (JsonNode p : p4326) {
            found |= p.get(0).asDouble() == p84.get(1).asDouble() && p.get(1).asDouble() == p84.get(0).asDouble();
        }
        assertTrue(found, "EPSG:4326 is latitude first");
        HttpResponse<String> bad = get(q + "&crs=EPSG:3857", null);
        assertEquals(400, bad.statusCode());
        assertEquals("crs", JSON.readTree(bad.body()).get("parameter").asText());
    }

    // ---- parameters ----

    @Test
    void wardheatParametersAreValidatedByTheQueryRecords() throws Exception {
        Map<String, String> cases = new HashMap<>();
        cases.put("/ogc/collections/kde-demo-wards/items?cell=5", "cell");
        cases.put("/ogc/collections/kde-demo-wards/items?grid_crs=EPSG:4326", "grid_crs");
        cases.put("/ogc/collections/gistar-demo-wards/items?p_adjust=magic", "p_adjust");
        cases.put("/ogc/collections/" + WARDS + "/items?compare=sometime", "compare");
        cases.put("/ogc/collections/" + WARDS + "/items?cell=100", "cell");
        cases.put("/ogc/collections/" + WARDS + "/items?from=2023-01", "from");
        cases.put("/ogc/collections/repeats/items?top=0", "top");
        cases.put("/ogc/collections/encampments/items?as_of=yesterday", "as_of");
        cases.put("/ogc/collections/focus-areas/items?category=Burglary", "category");
        cases.put("/ogc/collections/" + WARDS + "/items?f=xml", "f");
        for (var c : cases.entrySet()) {
            HttpResponse<String> r = get(c.getKey(), null);
            assertEquals(400, r.statusCode(), c.getKey() + ": " + r.body());
            assertEquals(c.getValue(), JSON.readTree(r.body()).get("parameter").asText(), c.getKey());
        }
        JsonNode kde = json("/ogc/collections/kde-demo-wards/items?cell=250&shape=hex&only=nonzero&limit=5");
        assertEquals("kde", kde.get("analysis").asText());
        assertEquals(250.0, kde.get("parameters").get("cell_size_m").asDouble(), 1e-9, kde.get("parameters").toString());
        JsonNode repeats = json("/ogc/collections/repeats/items?dataset=needle-finds&top=3");
        assertEquals(3, repeats.get("numberMatched").asInt());
        assertEquals("1", repeats.get("features").get(0).get("id").asText());
        JsonNode camps = json("/ogc/collections/encampments/items?datetime=2023-01-01/2024-12-31&limit=1000");
        assertTrue(camps.get("numberMatched").asInt() > 0);
        assertEquals("1", camps.get("features").get(0).get("id").asText());
        assertTrue(camps.has("years"));
        assertEquals(json("/api/areas").get("features").size(), json("/ogc/collections/focus-areas/items").get("numberMatched").asInt());
    }

    @Test
    void openApiDocumentsEveryCollectionsParameters() throws Exception {
        HttpResponse<String> r = get("/ogc/api", null);
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/vnd.oai.openapi+json"));
        JsonNode api = JSON.readTree(r.body());
        assertEquals("3.0.3", api.get("openapi").asText());
        JsonNode items = api.get("paths").get("/collections/kde-demo-wards/items").get("get");
        Map<String, JsonNode> byName = new HashMap<>();
        items.get("parameters").forEach(p -> byName.put(p.get("name").asText(), p));
        for (String p : List.of("limit", "bbox", "bbox-crs", "datetime", "crs", "category", "dataset", "cell", "shape", "bandwidth", "grid_crs")) {
            assertTrue(byName.containsKey(p), p);
        }
        assertEquals(10, byName.get("cell").get("schema").get("minimum").asDouble());
        assertEquals(50_000, byName.get("cell").get("schema").get("maximum").asDouble());
        assertEquals(10_000, byName.get("limit").get("schema").get("maximum").asInt());
        assertNotNull(api.get("paths").get("/collections/" + WARDS + "/items/{featureId}"));
    }

    // ---- HTML ----

    @Test
    void htmlViewsAreEscapedPagesWithoutScript() throws Exception {
        for (String path : List.of("/ogc", "/ogc/conformance", "/ogc/collections", "/ogc/collections/" + WARDS,
                "/ogc/collections/" + WARDS + "/items?limit=5", "/ogc/collections/repeats/items?dataset=needle-finds", "/ogc/api")) {
            HttpResponse<String> r = get(path, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/html"), path);
            assertFalse(r.body().toLowerCase().contains("<script"), path);
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"), path);
        }
        String name = "<b>Tom's & \"the\" park</b>";
        JsonNode ward = json("/ogc/collections/" + WARDS + "/items?limit=1").get("features").get(0);
        HttpResponse<String> saved = HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + "/api/areas"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("name", name,
                        "boundaries", DemoBorough.BOUNDARIES, "wards", List.of(ward.get("id").asText()))))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, saved.statusCode(), saved.body());
        String page = get("/ogc/collections/focus-areas/items?f=html", null).body();
        assertTrue(page.contains("&lt;b&gt;Tom&#39;s &amp; &quot;the&quot; park&lt;/b&gt;"), page);
        assertFalse(page.contains("<b>Tom"), "a stored name is never written raw");
        HttpResponse<String> injected = get("/ogc/collections/" + WARDS + "/items?f=html&limit=1&category=x%3Cb%3E%22", null);
        assertEquals(400, injected.statusCode(), "an unknown category is refused, as on the map");
        assertTrue(injected.headers().firstValue("content-type").orElse("").startsWith("application/json"), "errors are JSON, never HTML");
        assertTrue(JSON.readTree(injected.body()).has("error"));
    }

    // ---- GDAL ----

    static boolean gdal() {
        try {
            return new ProcessBuilder("ogrinfo", "--version").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + out);
        return out;
    }

    @Test
    void gdalListsTheCollectionsAndCopiesAFilteredWardLayer() throws Exception {
        Assumptions.assumeTrue(gdal(), "GDAL's ogrinfo is not installed (.ci/run installs gdal-bin)");
        String root = "http://127.0.0.1:" + port + "/ogc";
        String listing = run("ogrinfo", "-ro", "OAPIF:" + root);
        for (String id : List.of(WARDS, "kde-demo-wards", "repeats", "encampments", "focus-areas")) {
            assertTrue(listing.contains(": " + id + " ") || listing.contains(": " + id + "\n") || listing.contains(id + " ("), id + " in\n" + listing);
        }
        Path gpkg = dir.resolve("wards.gpkg");
        // GDAL opens one collection by its URL and adds the URL's query parameters to every request it makes
        String url = root + "/collections/" + WARDS + "?category=Burglary&datetime=2024-01-01/2024-06-30";
        run("ogr2ogr", "-f", "GPKG", gpkg.toString(), "OAPIF:" + url, "-nln", "wards");
        JsonNode table = json("/api/wards/summary?boundaries=" + DemoBorough.BOUNDARIES + "&from=2024-01&to=2024-06&category=Burglary");
        Map<String, Long> expected = new HashMap<>();
        table.get("wards").forEach(w -> expected.put(w.get("code").asText(), w.get("count").asLong()));
        Map<String, Long> copied = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
             ResultSet rs = c.createStatement().executeQuery("SELECT ward_code, count FROM wards")) {
            while (rs.next()) {
                copied.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertEquals(expected, copied);
        assertTrue(expected.values().stream().mapToLong(Long::longValue).sum() > 0);
        assertTrue(Files.size(gpkg) > 0);
    }
}
