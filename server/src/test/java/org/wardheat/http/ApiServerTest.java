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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.POLICE_HEADER;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

class ApiServerTest {
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
        test = TestServer.in(dir).threeWards(row("2022-01", "Burglary", lon(0), LAT) + row("2022-02", "Burglary", lon(0), LAT)
                + row("2021-12", "Drugs", lon(1), LAT)).start();
        ws = test.workspace;
        server = test.server();
        base = test.base();
    }

    @AfterAll
    static void stop() {
        test.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void wardLayerIsRfc7946GeoJsonWithStatistics() throws Exception {
        HttpResponse<String> r = get("/api/wards?boundaries=three&from=2022-01&to=2022-02&category=Burglary");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/geo+json"));
        JsonNode layer = JSON.readTree(r.body());
        assertEquals("FeatureCollection", layer.get("type").asText());
        assertFalse(layer.has("crs"), "RFC 7946: no crs member");
        assertEquals(3, layer.get("features").size());
        JsonNode west = layer.get("features").get(0);
        assertEquals("E05000001", west.get("id").asText());
        assertEquals(2, west.get("properties").get("count").asInt());
        assertEquals(1, west.get("properties").get("rank").asInt());
        assertTrue(west.get("properties").get("change_pct").isNull(), "previous count 0");
        JsonNode ring = west.get("geometry").get("coordinates").get(0);
        assertEquals(0.5, ring.get(0).get(0).asDouble(), 1e-9, "longitude first");
        double signedArea = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            signedArea += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
                    - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
        }
        assertTrue(signedArea > 0, "RFC 7946: exterior rings counter-clockwise");
        assertEquals(2, layer.get("totals").get("count").asInt());
        assertTrue(west.get("properties").get("series").isArray(), "the monthly series is an array: " + west.get("properties"));
        assertEquals(layer.get("months").size(), west.get("properties").get("series").size(), "one count per month of both periods");
        assertEquals(2, west.get("properties").get("series").get(2).asInt() + west.get("properties").get("series").get(3).asInt());
    }

    @Test
    void aCategoryGroupCountsTheMembersTheDataHolds() throws Exception {
        // "All crime" names many police.uk categories this store lacks ("Violent crime", "Robbery" ...): they match nothing
        HttpResponse<String> r = get("/api/wards?boundaries=three&from=2022-01&to=2022-02&category=" + java.net.URLEncoder.encode("group:All crime", StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        long total = 0;
        for (JsonNode f : JSON.readTree(r.body()).get("features")) {
            total += f.get("properties").get("count").asLong();
        }
        assertEquals(2, total, "the two burglaries of 2022-01 and 2022-02");
        assertEquals(400, get("/api/wards?boundaries=three&from=2022-01&to=2022-02&category=Burglry").statusCode(), "a name no group holds is refused");
    }

    @Test
    void boundarySetsAndTheirWards() throws Exception {
        JsonNode sets = JSON.readTree(get("/api/boundaries").body());
        assertEquals("three", sets.get(0).get("id").asText());
        assertEquals(3, sets.get(0).get("wards").asInt());
        JsonNode wards = JSON.readTree(get("/api/boundaries/three").body());
        assertEquals(3, wards.get("features").size());
        assertEquals("West", wards.get("features").get(0).get("properties").get("ward_name").asText());
        assertEquals("Polygon", wards.get("features").get(0).get("geometry").get("type").asText());
        assertEquals(404, get("/api/boundaries/nope").statusCode());
    }

    @Test
    void summaryCsvCategoriesMonthsAndDatasets() throws Exception {
        JsonNode summary = JSON.readTree(get("/api/wards/summary?boundaries=three&from=2022-01&to=2022-02&dataset=police-uk").body());
        assertEquals(2, summary.get("totals").get("count").asInt());
        assertEquals(1, summary.get("totals").get("previousCount").asInt());
        String csv = get("/api/wards.csv?boundaries=three&from=2022-01&to=2022-02&dataset=police-uk").body();
        assertTrue(csv.startsWith("ward_code,ward_name,count,rate_per_1000,share,rank,previous_count,change,change_pct,change_p,"
                + "change_significant,change_reading,rate_ci_low,rate_ci_high,months_with_data,comparison_months_with_data,measure\r\n"
                + "E05000001,West,2,,1,1,0,,,,,,,,2,1,records\r\n"), csv);
        assertEquals("the comparison period 2021-11 to 2021-12 has no data for 2021-11 (1 of 2 months)",
                summary.get("warnings").get(0).asText(), "change withheld: 2021-11 was never imported");
        assertTrue(summary.get("totals").get("change").isNull());
        JsonNode partial = JSON.readTree(get("/api/wards/summary?boundaries=three&from=2022-01&to=2022-02&dataset=police-uk"
                + "&allow_partial=true&alpha=0.2&rank_by=change&measure=count").body());
        assertEquals(1, partial.get("totals").get("change").asInt());
        assertEquals("count", partial.get("measure").asText());
        assertEquals(1.0, partial.get("totals").get("changeP").asDouble(), 1e-12, "R: poisson.test(c(2, 1), c(2, 2))$p.value = 1");
        assertEquals(400, get("/api/wards/summary?boundaries=three&from=2022-01&to=2022-02&alpha=0.9").statusCode());
        assertEquals(400, get("/api/wards/summary?boundaries=three&from=2022-01&to=2022-02&per=100").statusCode());
        assertEquals(400, get("/api/wards/summary?boundaries=three&from=2022-01&to=2022-02&rank_by=name").statusCode());
        JsonNode categories = JSON.readTree(get("/api/categories").body());
        assertEquals("Burglary", categories.get(0).get("category").asText());
        assertEquals(2, categories.get(0).get("count").asInt());
        JsonNode months = JSON.readTree(get("/api/months").body());
        assertEquals("2021-12", months.get(0).get("month").asText());
        assertEquals(1, months.get(0).get("count").asInt());
        assertEquals("2022-01", months.get(1).get("month").asText());
        JsonNode datasets = JSON.readTree(get("/api/datasets").body());
        assertEquals(3, datasets.get(0).get("files").get(0).get("report").get("counts").get("imported").asInt());
    }

    @Test
    void badInputGetsA4xxWithAJsonError() throws Exception {
        HttpResponse<String> r = get("/api/wards?boundaries=three&from=2022-13&to=2022-12");
        assertEquals(400, r.statusCode());
        assertEquals("from: '2022-13' is not a month; expected YYYY-MM, e.g. 2024-01", JSON.readTree(r.body()).get("error").asText());
        assertEquals("from", JSON.readTree(r.body()).get("parameter").asText());
        assertEquals(400, get("/api/wards?boundaries=three&to=2022-12").statusCode());
        assertEquals(400, get("/api/wards?boundaries=three&from=2022-01&to=2022-12&category=Arson").statusCode());
        assertEquals(400, get("/api/wards?boundaries=three&from=2022-01&to=2022-12&top=x").statusCode());
        HttpResponse<String> missing = get("/api/wards?boundaries=nope&from=2022-01&to=2022-12");
        assertEquals(404, missing.statusCode());
        assertTrue(JSON.readTree(missing.body()).get("error").asText().startsWith("no boundary set 'nope'"));
        assertEquals(404, get("/api/nothing").statusCode());
        int traversal = get("/webjars/leaflet/..%2F..%2F..%2Fpublic%2Findex.html").statusCode();
        assertTrue(traversal == 400 || traversal == 404, "no path traversal out of the webjars: " + traversal);
    }

    @Test
    void hotspotLayersEchoTheirParameters() throws Exception {
        HttpResponse<String> r = get("/api/hotspots/gistar?boundaries=three&from=2022-01&to=2022-02&cell=200");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode layer = JSON.readTree(r.body());
        assertEquals("gistar", layer.get("analysis").asText());
        assertEquals(200.0, layer.get("parameters").get("cell_size_m").asDouble());
        assertEquals("fdr", layer.get("parameters").get("p_adjust").asText());
        assertFalse(layer.has("crs"));
        int cells = layer.get("features").size();
        assertEquals(layer.get("parameters").get("cells").asInt(), cells, "all cells unless only=nonzero");
        JsonNode nonzero = JSON.readTree(get("/api/hotspots/kde?boundaries=three&from=2022-01&to=2022-02&cell=200&bandwidth=300&only=nonzero").body());
        assertTrue(nonzero.get("features").size() < cells);
        assertEquals(300.0, nonzero.get("parameters").get("bandwidth_m").asDouble());
        HttpResponse<String> refused = get("/api/hotspots/change?boundaries=three&from=2022-01&to=2022-02&cell=200&format=csv");
        assertEquals(400, refused.statusCode(), "2021-11 of the before-period was never imported");
        assertTrue(refused.body().contains("has no data for 2021-11"), refused.body());
        String csv = get("/api/hotspots/change?boundaries=three&from=2022-01&to=2022-02&cell=200&format=csv&allow_partial=true").body();
        assertTrue(csv.startsWith("cell_id,lon,lat,easting,northing,n_before,n_after,change,change_p,gistar_before,bin_before,gistar_after,bin_after,class\r\n"), csv);
        String exported = get("/api/export/hotspots?analysis=change&boundaries=three&from=2022-01&to=2022-02&cell=200&format=csv&allow_partial=true").body();
        assertEquals(csv, exported, "the download and the layer route write the same cell table");
        JsonNode layerProps = JSON.readTree(get("/api/hotspots/gistar?boundaries=three&from=2022-01&to=2022-02&cell=200").body())
                .get("features").get(0).get("properties");
        assertEquals(List.of("cell_id", "lon", "lat", "easting", "northing", "n", "gistar", "pvalue", "p_adjusted", "bin"),
                java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(layerProps.fieldNames(), 0), false).toList());
        assertEquals(404, get("/api/hotspots/heat?boundaries=three&from=2022-01&to=2022-02").statusCode());
        assertEquals(400, get("/api/hotspots/kde?boundaries=three&from=2022-01&to=2022-02&cell=-5").statusCode());
        assertEquals(400, get("/api/hotspots/kde?boundaries=three&from=2022-01&to=2022-02&cell=0.001").statusCode(), "too many cells");
    }

    static HttpResponse<String> upload(String query, String fileName, String csv) throws Exception {
        String boundary = "----wardheat" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/import?" + query))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void needleFindsUploadRepeatsAndNearRepeats() throws Exception {
        HttpResponse<String> up = upload("preset=needle-finds", "finds.csv", "Date,Location,Longitude,Latitude,Count\n"
                + "2022-01-03,River Steps,0.505,51.205,3\n2022-01-09,river steps,0.505,51.205,2\n2022-02-01,Park,0.515,51.205,1\n");
        assertEquals(200, up.statusCode(), up.body());
        assertEquals("needle-finds", JSON.readTree(up.body()).get("dataset").asText());
        JsonNode repeats = JSON.readTree(get("/api/repeats?dataset=needle-finds&from=2022-01&to=2022-12&group_by=label&by=count&boundaries=three").body());
        JsonNode first = repeats.get("features").get(0);
        assertEquals("River Steps", first.get("properties").get("label").asText());
        assertEquals(5.0, first.get("properties").get("count").asDouble());
        assertEquals("West", first.get("properties").get("wardName").asText());
        assertEquals("Point", first.get("geometry").get("type").asText());
        assertEquals(6.0, repeats.get("totals").get("count").asDouble());
        JsonNode table = JSON.readTree(get("/api/needles/table?from=2022-01&to=2022-12").body());
        assertEquals(5.0, table.get("rows").get(0).get("months").get(0).asDouble());
        HttpResponse<String> knox = get("/api/near-repeat?dataset=needle-finds&from=2022-01&to=2022-12&simulations=19");
        assertEquals(200, knox.statusCode(), knox.body());
        assertEquals("same location", JSON.readTree(knox.body()).get("spaceBands").get(0).asText());
        assertTrue(JSON.readTree(knox.body()).get("cells").get(0).get(0).has("significant"), "the page reads the server's flag");
        assertEquals(400, get("/api/near-repeat?from=2022-01&to=2022-12&bands=x").statusCode());
        assertEquals(400, get("/api/encampments?from=2022-01&to=2022-12&as_of=yesterday").statusCode());
        assertEquals(400, upload("preset=bins", "x.csv", "a\n1\n").statusCode());
        for (String layer : new String[]{"repeats?group_by=label&", "needles?", "near-repeat?simulations=19&", "encampments?"}) {
            for (String format : new String[]{"geojson", "csv", "gpkg"}) {
                HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/export/" + layer
                        + "dataset=needle-finds&from=2022-01&to=2022-12&format=" + format)).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode(), layer + format + ": " + new String(r.body(), StandardCharsets.UTF_8));
                assertTrue(r.headers().firstValue("content-disposition").orElse("").endsWith("_2022-01_2022-12." + format + "\""),
                        r.headers().firstValue("content-disposition").orElse(""));
            }
        }
    }

    @Test
    void focusAreasOverHttp() throws Exception {
        HttpResponse<String> saved = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/areas"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"West and Middle\",\"boundaries\":\"three\",\"wards\":[\"E05000001\",\"E05000002\"]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, saved.statusCode(), saved.body());
        long id = JSON.readTree(saved.body()).get("id").asLong();
        JsonNode summary = JSON.readTree(get("/api/area-summary?area_id=" + id + "&from=2022-01&to=2022-02&dataset=police-uk").body());
        assertEquals(2, summary.get("total").get("count").asInt());
        JsonNode table = JSON.readTree(get("/api/strategic?boundaries=three&ward=E05000001&from=2022-01&to=2022-02&dataset=police-uk").body());
        assertEquals("Burglary", table.get("rows").get(0).get("category").asText());
        assertTrue(get("/api/strategic?area_id=" + id + "&from=2022-01&to=2022-02&format=csv").body()
                .startsWith("category,this_period,last_period,difference,change_pct,rate_per_1000,period,comparison,change_p,"
                        + "change_significant,change_reading,rate_ci_low,rate_ci_high,months_with_data,comparison_months_with_data,measure,group_categories\r\n"));
        HttpResponse<String> renamed = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/areas/" + id))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Westside\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, renamed.statusCode());
        assertTrue(get("/api/areas").body().contains("Westside"));
        assertEquals(400, HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/areas")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{oops"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/areas/" + id)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/areas/" + id)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(404, get("/api/area-summary?area_id=" + id + "&from=2022-01&to=2022-02").statusCode());
    }

    @Test
    void staticAppAndWebjarsAreServed() throws Exception {
        assertTrue(get("/").body().contains("wardheat"));
        assertEquals(200, get("/webjars/leaflet/1.9.4/dist/leaflet.js").statusCode());
        assertEquals(200, get("/js/app.js").statusCode());
    }

    /** The upload takes a postcode lookup in the field {@code postcode_lookup}, as the CLI's {@code --postcode-lookup}. */
    @Test
    void uploadLocatesCouncilRowsThroughAPostcodeLookupAndNamesTheUnmatched() throws Exception {
        String boundary = "----wardheat" + System.nanoTime();
        String finds = "Date,Location,Postcode,Longitude,Latitude,Count\n2023-05-03,Park,me141aa,,,2\n2023-05-04,Lane,ZZ9 9ZZ,,,1\n"
                + "2023-05-05,Yard,ME15 6BB,,,1\n";
        String lookup = String.format(java.util.Locale.ROOT, "pcds,lat,long\nME14 1AA,%.3f,%.3f\nME15 6BB,%.3f,%.3f\n",
                LAT, lon(0), LAT, lon(2));
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"finds.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + finds + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"postcode_lookup\"; filename=\"onspd-extract.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + lookup + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/import?boundaries=three&preset=needle-finds&dataset=sharps-by-postcode"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode reply = JSON.readTree(r.body());
        JsonNode counts = reply.get("files").get(0).get("counts");
        assertEquals(3, counts.get("rowsRead").asInt());
        assertEquals(2, counts.get("imported").asInt());
        assertEquals(1, counts.get("withoutLocation").asInt(), "ZZ9 9ZZ is not in the lookup");
        assertEquals("onspd-extract.csv", reply.get("postcodes").get("lookup").asText());
        assertEquals(2, reply.get("postcodes").get("located").asInt());
        assertEquals(1, reply.get("postcodes").get("unmatched").get("ZZ9 9ZZ").asInt());
        JsonNode summary = JSON.readTree(get("/api/wards/summary?boundaries=three&from=2023-05&to=2023-05&dataset=sharps-by-postcode&measure=records").body());
        assertEquals(2, summary.get("totals").get("count").asInt());
        // without a council mapping the lookup is refused, naming the parameter
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/import?boundaries=three"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("postcode_lookup", JSON.readTree(refused.body()).get("parameter").asText());
    }

    @Test
    void uploadReturnsTheImportReport() throws Exception {
        String boundary = "----wardheat" + System.nanoTime();
        String csv = POLICE_HEADER + row("2022-03", "Drugs", lon(2), LAT) + row("2022-03", "Drugs", null, null)
                + row("2022-3", "Drugs", lon(2), LAT);
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"2022-03-kent-street.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/import?boundaries=three"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode report = JSON.readTree(r.body());
        JsonNode counts = report.get("files").get(0).get("counts");
        assertEquals("2022-03-kent-street.csv", report.get("files").get(0).get("source").asText());
        assertEquals(3, counts.get("rowsRead").asInt());
        assertEquals(1, counts.get("imported").asInt());
        assertEquals(1, counts.get("withoutLocation").asInt());
        assertEquals(1, counts.get("rejected").asInt());
        assertEquals(4, report.get("files").get(0).get("problems").get(0).get("line").asInt());
        HttpResponse<String> notMultipart = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/import"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, notMultipart.statusCode(), "a body that is not multipart is refused before the route");
    }
}
