package org.wardheat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.TestServer;
import org.wardheat.imports.IncidentFormat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.POLICE_HEADER;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

/**
 * What the page does beyond point imports: a district set dissolved from wards ({@code GET /api/boundaries/ID/fields},
 * {@code POST /api/boundaries/dissolve}) and area totals uploaded through {@code POST /api/import?area_totals=true}.
 * Every figure is counted by hand from the files below.
 */
class PageImportsHttpTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    /** Three 0.01° squares side by side (as TestFiles.threeWards); West and Middle in district D1 ("One"), East in D2 ("Two"). */
    static Path wards() throws Exception {
        return org.wardheat.TestFiles.threeWardsInTwoDistricts(dir);
    }

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.in(dir).fill(ws -> {
            ws.addBoundaries("three", wards(), null, null);
            ws.addPopulationCsv("three", Files.writeString(dir.resolve("pop.csv"), "ward_code,residents\nE05000001,1000\nE05000002,2000\nE05000003,500\n"));
            ws.importFiles(List.of(Files.writeString(dir.resolve("a.csv"), POLICE_HEADER + row("2022-01", "Burglary", lon(0), LAT)
                            + row("2022-01", "Drugs", lon(1), LAT) + row("2022-01", "Robbery", lon(2), LAT))),
                    IncidentFormat.POLICE_UK, "police-uk", "three");
        }).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.base() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<byte[]> r = server.get(path);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        return JSON.readTree(r.body());
    }

    @Test
    void dissolvesWardsIntoDistrictsWithSummedPopulation() throws Exception {
        // the fields every ward has, each with the areas it would make ('note' is missing for Middle: not offered)
        assertEquals(JSON.readTree("[{\"field\":\"WD22CD\",\"areas\":3},{\"field\":\"WD22NM\",\"areas\":3},"
                + "{\"field\":\"LAD22CD\",\"areas\":2},{\"field\":\"LAD22NM\",\"areas\":2}]"), get("/api/boundaries/three/fields"));

        HttpResponse<String> r = post("/api/boundaries/dissolve", "application/json", "{\"from\":\"three\",\"by\":\"LAD22CD\",\"id\":\"districts\"}");
        assertEquals(201, r.statusCode(), r.body());
        JsonNode reply = JSON.readTree(r.body());
        assertEquals("districts", reply.get("id").asText());
        assertEquals("LAD22NM", reply.get("name_field").asText());
        assertEquals(2, reply.get("areas").asInt());
        assertEquals(3, reply.get("wards").asInt());
        assertEquals(2, reply.get("with_population").asInt());
        assertEquals(3500, reply.get("residents").asLong());
        assertEquals(3000.0, server.workspace.boundarySet("districts").population().get("D1"), "West 1000 + Middle 2000");
        assertEquals(500.0, server.workspace.boundarySet("districts").population().get("D2"));

        boolean listed = false;
        for (JsonNode s : get("/api/boundaries")) {
            listed |= s.get("id").asText().equals("districts");
        }
        assertTrue(listed, "the new set is listed for the picker");
        JsonNode layer = get("/api/wards?boundaries=districts&from=2022-01&to=2022-01");
        assertEquals(2, layer.get("features").size());
        JsonNode one = layer.get("features").get(0);
        assertEquals("D1", one.get("id").asText());
        assertEquals("One", one.get("properties").get("ward_name").asText());
        assertEquals(2, one.get("properties").get("count").asInt(), "the burglary in West and the drugs offence in Middle");
        assertEquals(1, layer.get("features").get(1).get("properties").get("count").asInt(), "the robbery in East");

        // refused, naming why; nothing stored
        HttpResponse<String> noField = post("/api/boundaries/dissolve", "application/json", "{\"from\":\"three\",\"by\":\"note\",\"id\":\"x\"}");
        assertEquals(400, noField.statusCode(), noField.body());
        assertTrue(noField.body().contains("ward E05000002 (Middle) has no value for property 'note'"), noField.body());
        HttpResponse<String> taken = post("/api/boundaries/dissolve", "application/json", "{\"from\":\"three\",\"by\":\"LAD22CD\",\"id\":\"districts\"}");
        assertEquals(400, taken.statusCode(), taken.body());
        assertTrue(taken.body().contains("'districts' already exists"), taken.body());
        assertEquals(400, post("/api/boundaries/dissolve", "application/json", "{\"from\":\"three\",\"by\":\"LAD22CD\"}").statusCode());
        assertEquals(400, post("/api/boundaries/dissolve", "application/json", "{\"from\":\"three\",\"by\":\"LAD22CD\",\"id\":\"../x\"}").statusCode());
        assertEquals(404, post("/api/boundaries/dissolve", "application/json", "{\"from\":\"nope\",\"by\":\"LAD22CD\",\"id\":\"y\"}").statusCode());
        assertEquals(415, post("/api/boundaries/dissolve", "text/plain", "{}").statusCode(), "JSON only, as every state-changing route");
        for (JsonNode s : get("/api/boundaries")) {
            assertTrue(List.of("three", "districts").contains(s.get("id").asText()), s.toString());
        }
    }

    static String multipart(String boundary, String field, String name, String text) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + name + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
    }

    @Test
    void areaTotalsUploadIsReportedAndCountedByTheWardLayer() throws Exception {
        String totals = """
                month,area_code,category,count
                2024-01,E05000001,Domestic abuse,5
                2024-01,middle,Domestic abuse,3
                2024-02,E05000003,Domestic abuse,4
                2024-01,E09999999,Domestic abuse,7
                2024-13,E05000001,Domestic abuse,1
                """;
        String boundary = "----wardheat" + System.nanoTime();
        HttpResponse<String> r = post("/api/import?area_totals=true&dataset=da&boundaries=three", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, "file", "da.csv", totals));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode reply = JSON.readTree(r.body());
        assertEquals("da", reply.get("dataset").asText());
        JsonNode counts = reply.get("files").get(0).get("counts");
        assertEquals(5, counts.get("rowsRead").asInt());
        assertEquals(3, counts.get("imported").asInt(), "two codes and the name 'middle'");
        assertEquals(1, counts.get("outside").asInt(), "E09999999 is no ward of the set");
        assertEquals(1, counts.get("rejected").asInt());
        assertEquals(6, reply.get("files").get(0).get("problems").get(0).get("line").asInt());
        JsonNode placed = reply.get("placements").get(0);
        assertEquals("three", placed.get("boundaries").asText());
        assertEquals(7.0, placed.get("unmatched").get("E09999999").asDouble());

        JsonNode layer = get("/api/wards?boundaries=three&dataset=da&from=2024-01&to=2024-02");
        int[] expected = {5, 3, 4};
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], layer.get("features").get(i).get("properties").get("count").asInt(), layer.get("features").get(i).toString());
        }
        // the same file again adds nothing
        JsonNode again = JSON.readTree(post("/api/import?area_totals=true&dataset=da&boundaries=three", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, "file", "da.csv", totals)).body());
        assertTrue(again.get("files").get(0).get("alreadyImported").asBoolean(), again.toString());

        // a preset or a missing dataset is refused, naming the parameter
        HttpResponse<String> preset = post("/api/import?area_totals=true&dataset=db&preset=needle-finds", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, "file", "db.csv", totals));
        assertEquals(400, preset.statusCode(), preset.body());
        assertEquals("area_totals", JSON.readTree(preset.body()).get("parameter").asText());
        HttpResponse<String> noDataset = post("/api/import?area_totals=true", "multipart/form-data; boundary=" + boundary,
                multipart(boundary, "file", "db.csv", totals));
        assertEquals(400, noDataset.statusCode(), noDataset.body());
        assertEquals("dataset", JSON.readTree(noDataset.body()).get("parameter").asText());
    }
}
