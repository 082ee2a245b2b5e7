package org.wardheat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.TestServer;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.service.Workspace;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.POLICE_HEADER;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

/** The ward and hotspot layers are kept as sent while the data are the same, and made afresh once they change. */
class WardLayerCacheTest {
    @TempDir
    Path dir;

    /** A server on set "three" with a burglary in 2022-01 and one in 2022-02. */
    private TestServer twoBurglariesInThreeWards() throws Exception {
        return TestServer.in(dir).threeWards(row("2022-01", "Burglary", lon(0), LAT) + row("2022-02", "Burglary", lon(1), LAT)).start();
    }

    /** Adds a drugs incident in 2022-02. */
    private void importOneMore(Workspace ws) throws Exception {
        ws.importFiles(List.of(Files.writeString(dir.resolve("b.csv"), POLICE_HEADER + row("2022-02", "Drugs", lon(2), LAT))),
                IncidentFormat.POLICE_UK, "police-uk", null);
    }

    @Test
    void aKeptWardLayerGivesWayToTheNewDataAfterAnImport() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        try (TestServer test = twoBurglariesInThreeWards()) {
            URI layer = URI.create(test.base() + "/api/wards?boundaries=three&from=2022-01&to=2022-02");
            String first = http.send(HttpRequest.newBuilder(layer).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(2, json.readTree(first).path("totals").path("count").asInt(), first);
            assertEquals(first, http.send(HttpRequest.newBuilder(layer).build(), HttpResponse.BodyHandlers.ofString()).body());

            importOneMore(test.workspace);
            JsonNode after = json.readTree(http.send(HttpRequest.newBuilder(layer).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(3, after.path("totals").path("count").asInt(), after.toString());
        }
    }

    @Test
    void aKeptHotspotLayerGivesWayToTheNewDataAndDownloadsStayAttachments() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        try (TestServer test = twoBurglariesInThreeWards()) {
            String base = test.base() + "/api/hotspots/gistar?boundaries=three&from=2022-01&to=2022-02";
            URI layer = URI.create(base);
            HttpResponse<String> first = http.send(HttpRequest.newBuilder(layer).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode(), first.body());
            assertEquals(2, json.readTree(first.body()).path("parameters").path("incidents").asInt(), first.body());
            HttpResponse<String> again = http.send(HttpRequest.newBuilder(layer).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(first.body(), again.body());
            assertEquals(first.headers().firstValue("Content-Type"), again.headers().firstValue("Content-Type"));

            HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(base + "&format=csv")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), csv.headers().toString());
            HttpResponse<String> download = http.send(HttpRequest.newBuilder(URI.create(base + "&download=1")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"), download.headers().toString());
            HttpResponse<String> third = http.send(HttpRequest.newBuilder(layer).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(third.headers().firstValue("Content-Disposition").isEmpty(), "the map's layer is no attachment after a download");

            importOneMore(test.workspace);
            JsonNode after = json.readTree(http.send(HttpRequest.newBuilder(layer).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(3, after.path("parameters").path("incidents").asInt(), after.toString());
        }
    }
}
