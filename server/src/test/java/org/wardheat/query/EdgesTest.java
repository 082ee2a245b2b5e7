package org.wardheat.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.cli.Main;
import org.wardheat.demo.DemoBorough;
import org.wardheat.http.ApiServer;
import org.wardheat.service.Workspace;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two edges, the command line and HTTP, on the demo borough: the same query gives byte-identical CSV
 * both ways, and every parameter of every query outside its range is refused naming it (HTTP 400 JSON
 * with "parameter"; CLI exit 2 naming the option), before any work.
 */
class EdgesTest {
    @TempDir
    static Path dir;
    static Workspace ws;
    static ApiServer server;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        ws = Workspace.open(dir.resolve("data"));
        DemoBorough.install(ws, dir.resolve("source"));
        server = new ApiServer(ws, new ApiServer.WebConfig(null, "", true));
        base = "http://localhost:" + server.start(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
        ws.close();
    }

    record Cli(int exit, byte[] out, String err) {
    }

    /** Runs the CLI in process on the demo data, capturing standard output as bytes. */
    static synchronized Cli cli(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--data", dir.resolve("data").toString()));
            int exit = Main.run(all.toArray(new String[0]));
            return new Cli(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The CLI's CSV and each HTTP route's body are the same bytes. */
    static void sameCsv(List<String> cliArgs, String... routes) throws Exception {
        Cli c = cli(cliArgs.toArray(new String[0]));
        assertEquals(0, c.exit(), cliArgs + ": " + c.err());
        String csv = new String(c.out(), StandardCharsets.UTF_8);
        assertTrue(csv.lines().count() > 1, cliArgs + " gives rows: " + csv);
        for (String route : routes) {
            HttpResponse<byte[]> r = get(route);
            assertEquals(200, r.statusCode(), route + ": " + new String(r.body(), StandardCharsets.UTF_8));
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/csv"), route);
            assertArrayEquals(c.out(), r.body(), route + " against wardheat " + String.join(" ", cliArgs)
                    + "\nCLI:\n" + csv + "\nHTTP:\n" + new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    static final String B = DemoBorough.BOUNDARIES;

    @Test
    void wardsCsvIsTheSameBothWaysAndWardsCsvIsAnAliasOfTheExport() throws Exception {
        String q = "boundaries=" + B + "&from=2024-01&to=2024-12&category=" + enc("Anti-social behaviour") + "&compare=year-ago";
        sameCsv(List.of("wards", "--boundaries", B, "--from", "2024-01", "--to", "2024-12", "--category", "Anti-social behaviour",
                "--compare", "year-ago"), "/api/export/wards?" + q + "&format=csv", "/api/wards.csv?" + q);
    }

    @Test
    void hotspotCsvIsTheSameBothWays() throws Exception {
        String q = "boundaries=" + B + "&from=2024-01&to=2024-06&cell=300";
        List<String> common = List.of("--boundaries", B, "--from", "2024-01", "--to", "2024-06", "--cell", "300");
        String[][] analyses = {
                {"kde", "&bandwidth=600", "--bandwidth", "600"},
                {"gistar", "&p_adjust=holm", "--p-adjust", "holm"},
                {"change", "&hot_bin=3", "--hot-bin", "3"},
                {"classify", "&every=quarter", "--every", "quarter"},
                {"evaluate", "&test=2024-07:2024-12", "--test", "2024-07:2024-12"}};
        for (String[] a : analyses) {
            List<String> args = new ArrayList<>(List.of("hotspots", a[0]));
            args.addAll(common);
            args.addAll(List.of(a[2], a[3]));
            sameCsv(args, "/api/hotspots/" + a[0] + "?" + q + a[1] + "&format=csv",
                    "/api/export/hotspots?analysis=" + a[0] + "&" + q + a[1] + "&format=csv");
        }
    }

    @Test
    void recordTablesAreTheSameBothWays() throws Exception {
        sameCsv(List.of("repeats", "--dataset", "needle-finds", "--from", "2023-01", "--to", "2024-12", "--group-by", "label", "--by", "count",
                        "--boundaries", B),
                "/api/export/repeats?dataset=needle-finds&from=2023-01&to=2024-12&group_by=label&by=count&boundaries=" + B + "&format=csv");
        sameCsv(List.of("repeats", "--dataset", "needle-finds", "--from", "2023-01", "--to", "2024-12", "--group-by", "label",
                        "--periods", "2023-01:2023-12,2024-01:2024-12", "--top", "4"),
                "/api/export/repeats?dataset=needle-finds&from=2023-01&to=2024-12&group_by=label&periods=2023-01:2023-12,2024-01:2024-12&top=4&format=csv");
        sameCsv(List.of("needles", "table", "--from", "2023-01", "--to", "2024-12", "--first-month", "12"),
                "/api/export/needles?from=2023-01&to=2024-12&first_month=12&format=csv");
        sameCsv(List.of("encampments", "summary", "--from", "2023-01", "--to", "2024-12", "--as-of", "2024-12-31", "--list"),
                "/api/export/encampments?from=2023-01&to=2024-12&as_of=2024-12-31&format=csv");
        sameCsv(List.of("encampments", "summary", "--from", "2023-01", "--to", "2024-12", "--as-of", "2024-12-31"),
                "/api/export/encampment-years?from=2023-01&to=2024-12&as_of=2024-12-31&format=csv");
        sameCsv(List.of("near-repeat", "--category", "Burglary", "--from", "2024-01", "--to", "2024-12", "--bands", "200,400", "--simulations", "99"),
                "/api/export/near-repeat?category=Burglary&from=2024-01&to=2024-12&bands=200,400&simulations=99&format=csv");
    }

    @Test
    void strategicCsvIsTheSameBothWays() throws Exception {
        String ward = ws.boundarySet(B).wards().get(0).code();
        String q = "boundaries=" + B + "&ward=" + ward + "&from=2024-01&to=2024-12";
        sameCsv(List.of("strategic", "--boundaries", B, "--ward", ward, "--from", "2024-01", "--to", "2024-12"),
                "/api/export/strategic?" + q + "&format=csv", "/api/strategic?" + q + "&format=csv");
        sameCsv(List.of("strategic", "--boundaries", B, "--from", "2024-01", "--to", "2024-12", "--dataset", DemoBorough.DATASET),
                "/api/export/strategic?boundaries=" + B + "&from=2024-01&to=2024-12&dataset=" + DemoBorough.DATASET + "&format=csv");
    }

    /** A route, a query string with one bad value, and the parameter the refusal must name. */
    record Bad(String route, String query, String parameter) {
    }

    static final String P = "from=2024-01&to=2024-06";
    static final String H = "boundaries=" + B + "&" + P;
    static final String AREA = enc("{\"type\":\"Polygon\",\"coordinates\":[[[100,10],[101,10],[101,11],[100,10]]]}");

    static List<Bad> badValues() {
        List<Bad> bad = new ArrayList<>();
        // wards (and the filter every analysis shares)
        String w = "/api/wards/summary";
        bad.add(new Bad(w, P, "boundaries"));
        bad.add(new Bad(w, "boundaries=" + B + "&to=2024-06", "from"));
        bad.add(new Bad(w, "boundaries=" + B + "&from=-999999-01&to=%2B999999-12", "from"));
        bad.add(new Bad(w, "boundaries=" + B + "&from=2024-01&to=2024-13", "to"));
        bad.add(new Bad(w, "boundaries=" + B + "&from=2024-06&to=2024-01", "to"));
        bad.add(new Bad(w, "boundaries=" + B + "&from=1990-01&to=1990-06", "from"));
        bad.add(new Bad(w, "boundaries=" + B + "&from=2024-01&to=2099-12", "to"));
        bad.add(new Bad(w, H + "&category=" + "x".repeat(201), "category"));
        bad.add(new Bad(w, H + "&dataset=" + "x".repeat(201), "dataset"));
        bad.add(new Bad(w, H + "&compare=last", "compare"));
        bad.add(new Bad(w, H + "&compare=1990-01:1990-06", "compare"));
        bad.add(new Bad(w, H + "&top=-1", "top"));
        bad.add(new Bad(w, H + "&top=x", "top"));
        // the hotspot query every analysis shares
        for (String a : List.of("kde", "gistar", "change", "classify", "evaluate")) {
            String base = "/api/hotspots/" + a;
            String h = a.equals("evaluate") ? H + "&test=2024-07:2024-12" : H;
            bad.add(new Bad(base, h + "&cell=5", "cell"));
            bad.add(new Bad(base, h + "&crs=EPSG:4326", "crs"));
        }
        String kde = "/api/hotspots/kde";
        bad.add(new Bad(kde, P, "boundaries"));
        bad.add(new Bad(kde, H + "&cell=0.001", "cell"));
        bad.add(new Bad(kde, H + "&cell=abc", "cell"));
        bad.add(new Bad(kde, H + "&cell=0x1p8", "cell"));
        bad.add(new Bad(kde, H + "&cell=49000", "cell"));
        bad.add(new Bad(kde, H + "&shape=round", "shape"));
        bad.add(new Bad(kde, H + "&crs=EPSG:99999", "crs"));
        bad.add(new Bad(kde, H + "&record_weights=maybe", "record_weights"));
        bad.add(new Bad(kde, H + "&harm_weights=Burglary:x", "harm_weights"));
        bad.add(new Bad(kde, H + "&harm_weights=Burglary:-1", "harm_weights"));
        bad.add(new Bad(kde, H + "&area=%7Bnope", "area"));
        bad.add(new Bad(kde, H + "&area=" + AREA, "area"));
        bad.add(new Bad(kde, H + "&bandwidth=-1", "bandwidth"));
        bad.add(new Bad(kde, H + "&cell=100&bandwidth=20000", "bandwidth"));
        bad.add(new Bad(kde, H + "&bandwidth=1000000", "bandwidth"));
        bad.add(new Bad(kde, H + "&adjust=0", "adjust"));
        bad.add(new Bad(kde, H + "&only=some", "only"));
        bad.add(new Bad(kde, H + "&format=xml", "format"));
        String gi = "/api/hotspots/gistar";
        bad.add(new Bad(gi, H + "&p_adjust=bonferroni", "p_adjust"));
        bad.add(new Bad(gi, H + "&neighbour_distance=-1", "neighbour_distance"));
        bad.add(new Bad(gi, H + "&cell=100&neighbour_distance=5000", "neighbour_distance"));
        bad.add(new Bad(gi, H + "&weighted=2", "weighted"));
        bad.add(new Bad("/api/hotspots/change", H + "&before=2024", "before"));
        bad.add(new Bad("/api/hotspots/change", H + "&before=1990-01:1990-06", "before"));
        bad.add(new Bad("/api/hotspots/change", H + "&hot_bin=4", "hot_bin"));
        String cl = "/api/hotspots/classify";
        bad.add(new Bad(cl, H + "&every=week", "every"));
        bad.add(new Bad(cl, H + "&hotspot_prop=2", "hotspot_prop"));
        bad.add(new Bad(cl, H + "&persistent_prop=0", "persistent_prop"));
        bad.add(new Bad(cl, H + "&recent_prop=-1", "recent_prop"));
        bad.add(new Bad(cl, H + "&critical_p=0.9", "critical_p"));
        String ev = "/api/hotspots/evaluate";
        bad.add(new Bad(ev, H, "test"));
        bad.add(new Bad(ev, H + "&test=2024-07", "test"));
        bad.add(new Bad(ev, H + "&test=2024-07:2024-12&method=svm", "method"));
        bad.add(new Bad(ev, H + "&test=2024-07:2024-12&top_share=0", "top_share"));
        bad.add(new Bad(ev, H + "&test=2024-07:2024-12&bandwidth=-5", "bandwidth"));
        bad.add(new Bad(ev, H + "&test=2024-07:2024-12&hot_bin=0", "hot_bin"));
        // repeats and the record selection
        String rp = "/api/repeats";
        bad.add(new Bad(rp, P + "&group_by=street", "group_by"));
        bad.add(new Bad(rp, P + "&group_by=distance&distance=200000", "distance"));
        bad.add(new Bad(rp, P + "&distance=0", "distance"));
        bad.add(new Bad(rp, P + "&min_points=0", "min_points"));
        bad.add(new Bad(rp, P + "&by=weight", "by"));
        bad.add(new Bad(rp, P + "&top=0", "top"));
        bad.add(new Bad(rp, P + "&top=100000", "top"));
        bad.add(new Bad(rp, P + "&periods=2024", "periods"));
        bad.add(new Bad(rp, P + "&outlier_record_factor=0.5", "outlier_record_factor"));
        bad.add(new Bad(rp, P + "&outlier_place_factor=x", "outlier_place_factor"));
        bad.add(new Bad(rp, P + "&outlier_minimum=-1", "outlier_minimum"));
        bad.add(new Bad(rp, P + "&exclude_outliers=perhaps", "exclude_outliers"));
        bad.add(new Bad(rp, P + "&ward=E05000001", "ward"));
        bad.add(new Bad(rp, P + "&area=" + AREA, "area"));
        bad.add(new Bad(rp, "to=2024-06", "from"));
        // near repeat
        String nr = "/api/near-repeat";
        bad.add(new Bad(nr, P + "&bands=200,abc", "bands"));
        bad.add(new Bad(nr, P + "&bands=400,200", "bands"));
        bad.add(new Bad(nr, P + "&bands=200,9000", "bands"));
        bad.add(new Bad(nr, P + "&bands=" + "100,".repeat(21) + "100", "bands"));
        bad.add(new Bad(nr, P + "&time_width=0", "time_width"));
        bad.add(new Bad(nr, P + "&time_bands=100", "time_bands"));
        bad.add(new Bad(nr, P + "&simulations=2147483647", "simulations"));
        bad.add(new Bad(nr, P + "&simulations=10000", "simulations"));
        bad.add(new Bad(nr, P + "&seed=x", "seed"));
        // needle table, encampments
        bad.add(new Bad("/api/needles/table", P + "&first_month=13", "first_month"));
        bad.add(new Bad("/api/needles/table", P + "&measure=weight", "measure"));
        bad.add(new Bad("/api/encampments", P + "&first_month=0", "first_month"));
        bad.add(new Bad("/api/encampments", P + "&as_of=yesterday", "as_of"));
        // focus-area summary and strategic table
        for (String route : List.of("/api/area-summary", "/api/strategic")) {
            bad.add(new Bad(route, P, "boundaries"));
            bad.add(new Bad(route, P + "&area_id=0", "area_id"));
            bad.add(new Bad(route, P + "&area_id=x", "area_id"));
            bad.add(new Bad(route, H + "&ward=" + "x".repeat(201), "ward"));
            bad.add(new Bad(route, H + "&area=" + AREA, "area"));
            bad.add(new Bad(route, H + "&compare=soon", "compare"));
            bad.add(new Bad(route, "boundaries=" + B + "&from=2024-01&to=x", "to"));
        }
        bad.add(new Bad("/api/strategic", H + "&format=xml", "format"));
        bad.add(new Bad("/api/export/wards", H + "&format=xml", "format"));
        return bad;
    }

    @Test
    void everyParameterOutsideItsRangeIsA400NamingIt() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Bad b : badValues()) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = get(b.route() + "?" + b.query());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String body = new String(r.body(), StandardCharsets.UTF_8);
            JsonNode json = r.headers().firstValue("content-type").orElse("").startsWith("application/json") ? JSON.readTree(body) : null;
            if (r.statusCode() != 400 || json == null || !b.parameter().equals(json.path("parameter").asText())
                    || !json.path("error").asText().startsWith(b.parameter() + ": ") || body.contains("Exception") || ms > 2_000) {
                wrong.add(b + " -> " + r.statusCode() + " in " + ms + " ms: " + body);
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(badValues().size() > 100, "cases: " + badValues().size());
    }

    @Test
    void theExampleRefusalsReadWell() throws Exception {
        JsonNode bands = JSON.readTree(get("/api/near-repeat?" + P + "&bands=200,abc").body());
        assertEquals("bands: 'abc' is not a number of metres; expected 1 to 20 increasing limits in metres above 0 and at most 5000,"
                + " separated by commas (e.g. 200,400,600)", bands.get("error").asText());
        JsonNode crs = JSON.readTree(get("/api/hotspots/gistar?" + H + "&crs=EPSG:4326").body());
        assertEquals("crs: EPSG:4326 (WGS 84) is not projected; the CRS must be projected in metres, such as EPSG:27700",
                crs.get("error").asText());
        assertEquals("neighbour_distance", JSON.readTree(get("/api/hotspots/gistar?" + H + "&neighbour_distance=-1").body())
                .get("parameter").asText());
    }

    @Test
    void theCommandLineRefusesTheSameValuesNamingTheOption() {
        Cli crs = cli("hotspots", "gistar", "--boundaries", B, "--from", "2024-01", "--to", "2024-06", "--crs", "EPSG:4326");
        assertEquals(2, crs.exit());
        assertEquals("wardheat: error: --crs: EPSG:4326 (WGS 84) is not projected; the CRS must be projected in metres, such as EPSG:27700\n",
                crs.err());
        assertEquals(0, crs.out().length, "nothing written");
        String[][] cases = {
                {"--bands", "near-repeat", "--from", "2024-01", "--to", "2024-06", "--bands", "200,abc"},
                {"--simulations", "near-repeat", "--from", "2024-01", "--to", "2024-06", "--simulations", "10000"},
                {"--neighbour-distance", "hotspots", "gistar", "--boundaries", B, "--from", "2024-01", "--to", "2024-06", "--neighbour-distance", "-1"},
                {"--cell", "hotspots", "kde", "--boundaries", B, "--from", "2024-01", "--to", "2024-06", "--cell", "1e3"},
                {"--top", "repeats", "--from", "2024-01", "--to", "2024-06", "--top", "0"},
                {"--distance", "repeats", "--from", "2024-01", "--to", "2024-06", "--group-by", "distance", "--distance", "200000"},
                {"--first-month", "needles", "table", "--from", "2024-01", "--to", "2024-06", "--first-month", "13"},
                {"--as-of", "encampments", "summary", "--from", "2024-01", "--to", "2024-06", "--as-of", "soon"},
                {"--to", "wards", "--boundaries", B, "--from", "2024-01", "--to", "2999-12"},
                {"--compare", "strategic", "--boundaries", B, "--from", "2024-01", "--to", "2024-06", "--compare", "last"},
                {"--dataset", "import", "--dataset", "bad name!", "x.csv"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            Cli r = cli(args);
            assertEquals(2, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains(c[0]), String.join(" ", args) + ": " + r.err());
            assertTrue(!r.err().contains("Exception") && !r.err().contains("\tat "), r.err());
        }
    }
}
