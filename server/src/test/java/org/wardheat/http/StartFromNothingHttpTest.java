package org.wardheat.http;

import org.wardheat.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.TestFiles;
import org.wardheat.service.Workspace;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.POLICE_HEADER;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

/** An empty data directory filled from the browser: boundaries, population, incidents; then the pickers' lists. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartFromNothingHttpTest {
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

    static HttpResponse<String> post(String path, String fileName, String text, String origin) throws Exception {
        String boundary = "----wardheat" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (origin != null) {
            b.header("Origin", origin);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode get(String path) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    @Order(1)
    void aBoundarySetIsAddedFromAnUploadAndOnlyFromThisOrigin() throws Exception {
        String geojson = Files.readString(TestFiles.threeWards(dir));
        assertEquals(403, post("/api/boundaries?id=three", "w.geojson", geojson, "https://evil.example").statusCode());
        HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/boundaries?id=three"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(geojson)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(415, plain.statusCode(), "only multipart");
        assertEquals(0, get("/api/boundaries").size(), "nothing stored by the refused requests");
        HttpResponse<String> r = post("/api/boundaries?id=three", "Maidstone_WD22.geojson", geojson, base);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode added = JSON.readTree(r.body());
        assertEquals(3, added.get("wards").asInt());
        assertEquals("WD22CD", added.get("code_field").asText());
        JsonNode sets = get("/api/boundaries");
        assertEquals("three", sets.get(0).get("id").asText());
        assertEquals("Maidstone_WD22.geojson", sets.get(0).get("source").asText(), sets.toString());
        JsonNode outline = get("/api/boundaries/three/outline");
        assertEquals(1, outline.get("features").size());
        JsonNode ring = outline.get("features").get(0).get("geometry").get("coordinates").get(0);
        double minX = 9, maxX = -9;
        for (JsonNode p : ring) {
            minX = Math.min(minX, p.get(0).asDouble());
            maxX = Math.max(maxX, p.get(0).asDouble());
        }
        assertEquals(0.50, minX, 1e-9, "the three wards side by side make one rectangle");
        assertEquals(0.53, maxX, 1e-9);
        assertEquals("Polygon", outline.get("features").get(0).get("geometry").get("type").asText());
        HttpResponse<String> bad = post("/api/boundaries?id=bad", "x.geojson", "{\"type\":\"FeatureCollection\",\"features\":[]}", base);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("error"), bad.body());
        assertEquals(400, post("/api/boundaries?id=../x", "x.geojson", geojson, base).statusCode(), "an id is checked");
    }

    @Test
    @Order(2)
    void populationFromAWardCsv() throws Exception {
        HttpResponse<String> r = post("/api/population?boundaries=three", "pop.csv",
                "ward_code,residents\nE05000001,1000\nE05000002,2000\nE05000003,3000\n", base);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(6000, JSON.readTree(r.body()).get("residents").asLong());
        assertEquals(404, post("/api/population?boundaries=none", "pop.csv", "ward_code,residents\n", base).statusCode());
    }

    @Test
    @Order(3)
    void categoryCountsAreForTheChosenDatasetInsideTheSet() throws Exception {
        String csv = POLICE_HEADER + row("2022-01", "Burglary", lon(0), LAT) + row("2022-01", "Burglary", lon(1), LAT)
                + row("2022-01", "Burglary", 1.5, LAT) // outside every ward
                + row("2022-01", "Drugs", lon(2), LAT);
        assertEquals(200, post("/api/import?boundaries=three", "2022-01-kent-street.csv", csv, base).statusCode());
        String council = "Date,Location,Longitude,Latitude,Count\n2022-01-03,River Steps,0.505,51.205,3\n";
        assertEquals(200, post("/api/import?boundaries=three&preset=needle-finds", "finds.csv", council, base).statusCode());
        JsonNode all = get("/api/categories");
        JsonNode police = get("/api/categories?dataset=police-uk&boundaries=three");
        assertEquals(JSON.readTree("[{\"category\":\"Burglary\",\"count\":2},{\"category\":\"Drugs\",\"count\":1}]"), police,
                "3 burglaries imported, one outside the set; the needle finds are another dataset");
        assertTrue(all.toString().contains("\"count\":3"), "the unfiltered list counts all: " + all);
        JsonNode needles = get("/api/categories?dataset=needle-finds&boundaries=three");
        assertEquals(1, needles.size());
        assertEquals(1, needles.get(0).get("count").asInt());
    }

    @Test
    @Order(4)
    void policeDataGroupsByCoordinatesAndGenericLabelsNeverMerge() throws Exception {
        StringBuilder csv = new StringBuilder(POLICE_HEADER);
        // the same generic label at two far-apart points, three times at the first
        for (int i = 0; i < 3; i++) {
            csv.append(row("2022-02", "Shoplifting", lon(0), LAT).replace("On or near High Street", "On or near Supermarket"));
        }
        csv.append(row("2022-02", "Shoplifting", lon(2), LAT).replace("On or near High Street", "On or near Supermarket"));
        assertEquals(200, post("/api/import?boundaries=three", "2022-02-kent-street.csv", csv.toString(), base).statusCode());
        String q = "/api/repeats?dataset=police-uk&category=Shoplifting&from=2022-02&to=2022-02&boundaries=three";
        JsonNode byDefault = get(q);
        assertEquals("coordinates", byDefault.get("parameters").get("grouping").asText(), byDefault.get("parameters").toString());
        assertEquals(2, byDefault.get("features").size());
        assertEquals(3, byDefault.get("features").get(0).get("properties").get("records").asInt());
        assertEquals("On or near Supermarket", byDefault.get("features").get(0).get("properties").get("label").asText(), "the label is shown");
        JsonNode byLabel = get(q + "&group_by=label");
        assertEquals(2, byLabel.get("features").size(), "a generic label does not merge the two points");
        JsonNode needles = get("/api/repeats?dataset=needle-finds&from=2022-01&to=2022-01");
        assertEquals("label", needles.get("parameters").get("grouping").asText(), "council data names its places");
    }
}
