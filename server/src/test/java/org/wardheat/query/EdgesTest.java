package org.wardheat.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.cli.Main;
import org.wardheat.demo.DemoBorough;
import org.wardheat.TestServer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    static TestServer demo;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        demo = TestServer.start(dir.resolve("data"), ws -> DemoBorough.install(ws, dir.resolve("source")));
    }

    @AfterAll
    static void stop() {
        demo.close();
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
        return demo.get(pathAndQuery);
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
    void wardAndStrategicCsvWithMeasurePerAlphaRankingAndPartialChangeAreTheSameBothWays() throws Exception {
        // the demo holds 2023-01 to 2024-12: against 2022 (no data) change is withheld unless allowed
        String q = "boundaries=" + B + "&from=2023-01&to=2023-12&dataset=needle-finds&measure=count&per=10000&alpha=0.01&rank_by=rate";
        sameCsv(List.of("wards", "--boundaries", B, "--from", "2023-01", "--to", "2023-12", "--dataset", "needle-finds", "--measure", "count",
                "--per", "10000", "--alpha", "0.01", "--rank-by", "rate"), "/api/export/wards?" + q + "&format=csv");
        sameCsv(List.of("wards", "--boundaries", B, "--from", "2023-01", "--to", "2023-12", "--dataset", "needle-finds", "--measure", "count",
                "--per", "10000", "--alpha", "0.01", "--rank-by", "rate", "--allow-partial"), "/api/export/wards?" + q + "&allow_partial=true&format=csv");
        sameCsv(List.of("strategic", "--boundaries", B, "--from", "2024-01", "--to", "2024-12", "--measure", "count", "--per", "10000",
                "--alpha", "0.01"), "/api/strategic?boundaries=" + B + "&from=2024-01&to=2024-12&measure=count&per=10000&alpha=0.01&format=csv");
        Cli withheld = cli("wards", "--boundaries", B, "--from", "2023-01", "--to", "2023-12", "--dataset", "needle-finds");
        String csv = new String(withheld.out(), StandardCharsets.UTF_8);
        assertTrue(csv.lines().skip(1).allMatch(l -> l.matches("[^,]+,[^,]+,\\d+,[0-9.]*,[0-9.]+,\\d+,0,,,,,,[0-9.]*,[0-9.]*,12,0,count")), csv);
        assertTrue(withheld.err().contains("measure: count"), "needle finds are counted in needles by default: " + withheld.err());
        assertTrue(withheld.err().contains("warning: the comparison period 2022-01 to 2022-12 has no data for 2022-01, 2022-02,"), withheld.err());
        Cli partial = cli("wards", "--boundaries", B, "--from", "2024-01", "--to", "2024-12", "--dataset", "needle-finds", "--rank-by", "change",
                "--format", "json");
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(partial.out());
        assertTrue(json.get("coverage").get("comparable").asBoolean());
        assertEquals("count", json.get("measure").asText());
        long previous = Long.MAX_VALUE;
        for (com.fasterxml.jackson.databind.JsonNode w : json.get("wards")) {
            assertTrue(w.get("change").asLong() <= previous, "ranked by change");
            previous = w.get("change").asLong();
        }
    }

    @Test
    void strategicCsvIsTheSameBothWays() throws Exception {
        String ward = demo.workspace.boundarySet(B).wards().get(0).code();
        String q = "boundaries=" + B + "&ward=" + ward + "&from=2024-01&to=2024-12";
        sameCsv(List.of("strategic", "--boundaries", B, "--ward", ward, "--from", "2024-01", "--to", "2024-12"),
                "/api/export/strategic?" + q + "&format=csv", "/api/strategic?" + q + "&format=csv");
        sameCsv(List.of("strategic", "--boundaries", B, "--from", "2024-01", "--to", "2024-12", "--dataset", DemoBorough.DATASET),
                "/api/export/strategic?boundaries=" + B + "&from=2024-01&to=2024-12&dataset=" + DemoBorough.DATASET + "&format=csv");
    }

    @Test
    void trendsAndPrioritiesCsvAreTheSameBothWays() throws Exception {
        String ward = demo.workspace.boundarySet(B).wards().get(0).code();
        for (String view : List.of("annual", "rolling", "table")) {
            String q = "boundaries=" + B + "&from=2023-01&to=2024-12&category=" + enc("group:All crime") + "&view=" + view;
            sameCsv(List.of("trends", "--boundaries", B, "--from", "2023-01", "--to", "2024-12", "--category", "group:All crime", "--view", view),
                    "/api/trends?" + q + "&format=csv", "/api/export/trends?" + q + "&format=csv");
        }
        sameCsv(List.of("trends", "--boundaries", B, "--ward", ward, "--from", "2023-01", "--to", "2024-12", "--view", "rolling",
                        "--first-month", "4"),
                "/api/export/trends?boundaries=" + B + "&ward=" + ward + "&from=2023-01&to=2024-12&view=rolling&first_month=4&format=csv");
        sameCsv(List.of("priorities", "--boundaries", B, "--from", "2024-01", "--to", "2024-12", "--weight-rate", "0.5", "--top-wards", "3"),
                "/api/priorities?boundaries=" + B + "&from=2024-01&to=2024-12&weight_rate=0.5&top_wards=3&format=csv",
                "/api/export/priorities?boundaries=" + B + "&from=2024-01&to=2024-12&weight_rate=0.5&top_wards=3&format=csv");
        sameCsv(List.of("priorities", "--boundaries", B, "--from", "2024-01", "--to", "2024-12", "--rows", "groups", "--alpha", "0.01"),
                "/api/export/priorities?boundaries=" + B + "&from=2024-01&to=2024-12&rows=groups&alpha=0.01&format=csv");
    }

    /** Rates per 100,000 residents (the page's largest base): a hundred times those per 1,000, the same CSV both ways. */
    @Test
    void ratesPer100000AreAHundredTimesThosePer1000() throws Exception {
        String q = "boundaries=" + B + "&from=2024-01&to=2024-12";
        JsonNode per1000 = JSON.readTree(get("/api/wards?" + q).body()), per100000 = JSON.readTree(get("/api/wards?" + q + "&per=100000").body());
        Map<String, Double> base = new java.util.HashMap<>();
        per1000.path("features").forEach(f -> base.put(f.path("properties").path("ward_code").asText(), f.path("properties").path("rate").asDouble()));
        assertEquals(20, base.size());
        for (JsonNode f : per100000.path("features")) {
            JsonNode p = f.path("properties");
            assertEquals(100000, p.path("per").asInt());
            assertEquals(100 * base.get(p.path("ward_code").asText()), p.path("rate").asDouble(), 0.1, p.toString());
            assertTrue(p.path("rate").asDouble() > 0, p.toString());
        }
        sameCsv(List.of("wards", "--boundaries", B, "--from", "2024-01", "--to", "2024-12", "--per", "100000"),
                "/api/export/wards?" + q + "&per=100000&format=csv");
        assertTrue(new String(get("/api/export/wards?" + q + "&per=100000&format=csv").body(), StandardCharsets.UTF_8)
                .startsWith("ward_code,ward_name,count,rate_per_100000,"));
    }

    /**
     * Trends and the priority matrix under disclosure control: the same suppressed CSV both ways, no count from 1 to 4
     * (in the annual table neither this year's nor the year before's), monthly views refused; and their coverage.
     */
    @Test
    void shareableTrendsAndPrioritiesHideSmallCountsAndStateTheirMonths() throws Exception {
        String ward = demo.workspace.boundarySet(B).wards().get(0).code();
        String q = "boundaries=" + B + "&ward=" + ward + "&from=2022-01&to=2024-12&category=Robbery&shareable=true";
        List<String> trends = List.of("trends", "--boundaries", B, "--ward", ward, "--from", "2022-01", "--to", "2024-12", "--category", "Robbery",
                "--shareable");
        sameCsv(trends, "/api/export/trends?" + q + "&format=csv", "/api/trends?" + q + "&format=csv");
        String csv = new String(cli(trends.toArray(new String[0])).out(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("year,start,months_with_data,count,previous_year_count,change,change_pct\r\n"), csv);
        for (String line : csv.lines().skip(1).toList()) {
            String[] f = line.split(",", -1);
            for (String count : List.of(f[3], f[4])) {
                assertTrue(count.isEmpty() || count.equals("0") || count.equals("<5") || count.equals("[c]") || Double.parseDouble(count) >= 5, line);
            }
        }
        assertEquals(2, cli(List.of("trends", "--boundaries", B, "--from", "2024-01", "--to", "2024-06", "--view", "rolling", "--shareable")
                .toArray(new String[0])).exit(), "monthly values are not shared");
        String p = "boundaries=" + B + "&from=2024-12&to=2024-12&shareable=true";
        sameCsv(List.of("priorities", "--boundaries", B, "--from", "2024-12", "--to", "2024-12", "--shareable"),
                "/api/export/priorities?" + p + "&format=csv", "/api/priorities?" + p + "&format=csv");
        for (String line : new String(cli("priorities", "--boundaries", B, "--from", "2024-12", "--to", "2024-12", "--shareable").out(),
                StandardCharsets.UTF_8).lines().skip(1).toList()) {
            String[] f = line.split(",", -1);
            for (String count : List.of(f[3], f[4])) {
                assertTrue(count.equals("0") || count.equals("<5") || count.equals("[c]") || Long.parseLong(count) >= 5, line);
            }
        }
        JsonNode t = JSON.readTree(get("/api/trends?boundaries=" + B + "&from=2022-01&to=2024-12").body());
        assertEquals(36, t.path("coverage").path("period").path("months").asInt(), t.path("coverage").toString());
        assertEquals(t.path("monthsWithData"), t.path("coverage").path("period").path("covered"));
        JsonNode pr = JSON.readTree(get("/api/priorities?boundaries=" + B + "&from=2024-01&to=2024-06").body());
        assertTrue(pr.path("coverage").path("comparison").has("covered"), pr.path("coverage").toString());
    }

    /** {@code --shareable} and {@code shareable=true}: the same suppressed CSV both ways, with marks and no small count. */
    @Test
    void shareableTablesAreTheSameBothWaysAndHideSmallCounts() throws Exception {
        String q = "boundaries=" + B + "&from=2024-03&to=2024-03&category=Robbery&shareable=true";
        List<String> wards = List.of("wards", "--boundaries", B, "--from", "2024-03", "--to", "2024-03", "--category", "Robbery", "--shareable");
        sameCsv(wards, "/api/export/wards?" + q + "&format=csv", "/api/wards.csv?" + q);
        String csv = new String(cli(wards.toArray(new String[0])).out(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("\"<5\"") || csv.contains(",<5,"), csv);
        for (String line : csv.lines().skip(1).toList()) {
            String count = line.split(",")[2];
            assertTrue(count.equals("0") || count.equals("<5") || count.equals("[c]") || Long.parseLong(count) >= 5, line);
        }
        JsonNode layer = JSON.readTree(get("/api/wards?" + q).body());
        assertEquals(5, layer.path("disclosure").path("k").asInt(), "the layer's parameters record the suppression");
        assertTrue(layer.path("name").asText().endsWith("_shareable-k5"), layer.path("name").asText());
        String h = "boundaries=" + B + "&from=2024-01&to=2024-06&cell=300&shareable=true&k=3";
        sameCsv(List.of("hotspots", "gistar", "--boundaries", B, "--from", "2024-01", "--to", "2024-06", "--cell", "300", "--shareable", "--k", "3"),
                "/api/export/hotspots?analysis=gistar&" + h + "&format=csv", "/api/hotspots/gistar?" + h + "&format=csv");
        String ward = demo.workspace.boundarySet(B).wards().get(0).code();
        sameCsv(List.of("strategic", "--boundaries", B, "--ward", ward, "--from", "2024-01", "--to", "2024-01", "--shareable"),
                "/api/export/strategic?boundaries=" + B + "&ward=" + ward + "&from=2024-01&to=2024-01&shareable=true&format=csv");
        JsonNode summary = JSON.readTree(get("/api/area-summary?boundaries=" + B + "&ward=" + ward + "&from=2024-01&to=2024-01&shareable=true").body());
        assertEquals(5, summary.path("disclosure").path("k").asInt(), summary.toString());
        assertEquals(0, summary.path("topPlaces").size(), "no record-level places in a shared summary");
        for (JsonNode row : summary.path("categories")) {
            JsonNode count = row.path("count");
            assertTrue(!count.isNumber() || count.asLong() == 0 || count.asLong() >= 5, row.toString());
        }
    }

    /** A route, a query string with one bad value, and the parameter the refusal must name. */
    record Bad(String route, String query, String parameter) {
    }

    static final String P = "from=2024-01&to=2024-06";
    static final String H = "boundaries=" + B + "&" + P;

    /**
     * One bad value per line: route | query | the parameter named. {P} is a period, {H} a boundary set and a
     * period, {T} a test period, {LONG} a 201-character name, {AREA} a polygon outside the UK.
     */
    static final String BAD = """
            /api/wards/summary | {P} | boundaries
            /api/wards/summary | boundaries={B}&to=2024-06 | from
            /api/wards/summary | boundaries={B}&from=-999999-01&to=%2B999999-12 | from
            /api/wards/summary | boundaries={B}&from=2024-01&to=2024-13 | to
            /api/wards/summary | boundaries={B}&from=2024-06&to=2024-01 | to
            /api/wards/summary | boundaries={B}&from=1990-01&to=1990-06 | from
            /api/wards/summary | boundaries={B}&from=2024-01&to=2099-12 | to
            /api/wards/summary | {H}&category={LONG} | category
            /api/wards/summary | {H}&dataset={LONG} | dataset
            /api/wards/summary | {H}&compare=last | compare
            /api/wards/summary | {H}&compare=1990-01:1990-06 | compare
            /api/wards/summary | {H}&top=-1 | top
            /api/wards/summary | {H}&top=x | top
            /api/wards/summary | {H}&shareable=maybe | shareable
            /api/export/wards | {H}&shareable=true&k=1 | k
            /api/hotspots/kde | {H}&shareable=true&k=101 | k
            /api/strategic | {H}&shareable=true&k=x | k
            /api/wards/summary | {H}&alpha=0 | alpha
            /api/wards/summary | {H}&alpha=0.6 | alpha
            /api/wards/summary | {H}&per=100 | per
            /api/wards/summary | {H}&rank_by=name | rank_by
            /api/wards/summary | {H}&measure=needles | measure
            /api/wards/summary | {H}&allow_partial=perhaps | allow_partial
            /api/strategic | {H}&per=1 | per
            /api/hotspots/kde | {H}&measure=weight | measure
            /api/hotspots/change | {H}&before=2022-01:2022-06 | before
            /api/hotspots/kde | {H}&cell=5 | cell
            /api/hotspots/gistar | {H}&cell=5 | cell
            /api/hotspots/change | {H}&cell=5 | cell
            /api/hotspots/classify | {H}&cell=5 | cell
            /api/hotspots/evaluate | {H}&{T}&cell=5 | cell
            /api/hotspots/kde | {H}&crs=EPSG:4326 | crs
            /api/hotspots/gistar | {H}&crs=EPSG:4326 | crs
            /api/hotspots/change | {H}&crs=EPSG:4326 | crs
            /api/hotspots/classify | {H}&crs=EPSG:4326 | crs
            /api/hotspots/evaluate | {H}&{T}&crs=EPSG:4326 | crs
            /api/hotspots/kde | {P} | boundaries
            /api/hotspots/kde | {H}&cell=0.001 | cell
            /api/hotspots/kde | {H}&cell=abc | cell
            /api/hotspots/kde | {H}&cell=0x1p8 | cell
            /api/hotspots/kde | {H}&cell=49000 | cell
            /api/hotspots/kde | {H}&shape=round | shape
            /api/hotspots/kde | {H}&crs=EPSG:99999 | crs
            /api/hotspots/kde | {H}&record_weights=maybe | record_weights
            /api/hotspots/kde | {H}&harm_weights=Burglary:x | harm_weights
            /api/hotspots/kde | {H}&harm_weights=Burglary:-1 | harm_weights
            /api/hotspots/kde | {H}&default_weight=1 | default_weight
            /api/hotspots/kde | {H}&harm_weights=Burglary:1&default_weight=-1 | default_weight
            /api/hotspots/kde | {H}&area=%7Bnope | area
            /api/hotspots/kde | {H}&area={AREA} | area
            /api/hotspots/kde | {H}&bandwidth=-1 | bandwidth
            /api/hotspots/kde | {H}&cell=100&bandwidth=20000 | bandwidth
            /api/hotspots/kde | {H}&bandwidth=1000000 | bandwidth
            /api/hotspots/kde | {H}&adjust=0 | adjust
            /api/hotspots/kde | {H}&only=some | only
            /api/hotspots/kde | {H}&format=xml | format
            /api/hotspots/gistar | {H}&p_adjust=bonferroni | p_adjust
            /api/hotspots/gistar | {H}&neighbour_distance=-1 | neighbour_distance
            /api/hotspots/gistar | {H}&cell=100&neighbour_distance=5000 | neighbour_distance
            /api/hotspots/gistar | {H}&weighted=2 | weighted
            /api/hotspots/change | {H}&before=2024 | before
            /api/hotspots/change | {H}&before=1990-01:1990-06 | before
            /api/hotspots/change | {H}&hot_bin=4 | hot_bin
            /api/hotspots/classify | {H}&every=week | every
            /api/hotspots/classify | {H}&hotspot_prop=2 | hotspot_prop
            /api/hotspots/classify | {H}&persistent_prop=0 | persistent_prop
            /api/hotspots/classify | {H}&recent_prop=-1 | recent_prop
            /api/hotspots/classify | {H}&critical_p=0.9 | critical_p
            /api/hotspots/evaluate | {H} | test
            /api/hotspots/evaluate | {H}&test=2024-07 | test
            /api/hotspots/evaluate | {H}&{T}&method=svm | method
            /api/hotspots/evaluate | {H}&{T}&top_share=0 | top_share
            /api/hotspots/evaluate | {H}&{T}&bandwidth=-5 | bandwidth
            /api/hotspots/evaluate | {H}&{T}&hot_bin=0 | hot_bin
            /api/repeats | {P}&group_by=street | group_by
            /api/repeats | {P}&group_by=distance&distance=200000 | distance
            /api/repeats | {P}&distance=0 | distance
            /api/repeats | {P}&min_points=0 | min_points
            /api/repeats | {P}&by=weight | by
            /api/repeats | {P}&top=0 | top
            /api/repeats | {P}&top=100000 | top
            /api/repeats | {P}&periods=2024 | periods
            /api/repeats | {P}&outlier_record_factor=0.5 | outlier_record_factor
            /api/repeats | {P}&outlier_place_factor=x | outlier_place_factor
            /api/repeats | {P}&outlier_minimum=-1 | outlier_minimum
            /api/repeats | {P}&exclude_outliers=perhaps | exclude_outliers
            /api/repeats | {P}&ward=E05000001 | ward
            /api/repeats | {P}&area={AREA} | area
            /api/repeats | to=2024-06 | from
            /api/near-repeat | {P}&bands=200,abc | bands
            /api/near-repeat | {P}&bands=400,200 | bands
            /api/near-repeat | {P}&bands=200,9000 | bands
            /api/near-repeat | {P}&bands=100,110,120,130,140,150,160,170,180,190,200,210,220,230,240,250,260,270,280,290,300 | bands
            /api/near-repeat | {P}&time_width=0 | time_width
            /api/near-repeat | {P}&time_bands=100 | time_bands
            /api/near-repeat | {P}&simulations=2147483647 | simulations
            /api/near-repeat | {P}&simulations=10000 | simulations
            /api/near-repeat | {P}&seed=x | seed
            /api/needles/table | {P}&first_month=13 | first_month
            /api/needles/table | {P}&measure=weight | measure
            /api/encampments | {P}&first_month=0 | first_month
            /api/encampments | {P}&as_of=yesterday | as_of
            /api/area-summary | {P} | boundaries
            /api/area-summary | {P}&area_id=0 | area_id
            /api/area-summary | {P}&area_id=x | area_id
            /api/area-summary | {H}&ward={LONG} | ward
            /api/area-summary | {H}&area={AREA} | area
            /api/area-summary | {H}&compare=soon | compare
            /api/area-summary | boundaries={B}&from=2024-01&to=x | to
            /api/strategic | {P} | boundaries
            /api/strategic | {P}&area_id=0 | area_id
            /api/strategic | {P}&area_id=x | area_id
            /api/strategic | {H}&ward={LONG} | ward
            /api/strategic | {H}&area={AREA} | area
            /api/strategic | {H}&compare=soon | compare
            /api/strategic | {H}&category=Burglary | category
            /api/strategic | boundaries={B}&from=2024-01&to=x | to
            /api/strategic | {H}&format=xml | format
            /api/export/wards | {H}&format=xml | format
            /api/export/repeats | {P}&top=0 | top
            /api/wards/summary | {H}&category=group:Nope | category
            /api/trends | {P} | boundaries
            /api/trends | {H}&view=weekly | view
            /api/trends | {H}&first_month=0 | first_month
            /api/trends | {H}&measure=weight | measure
            /api/trends | {H}&category=group:Nope | category
            /api/priorities | {P} | boundaries
            /api/priorities | {H}&rows=wards | rows
            /api/priorities | {H}&weight_volume=-1 | weight_volume
            /api/priorities | {H}&weight_rate=101 | weight_rate
            /api/priorities | {H}&weight_change=x | weight_change
            /api/priorities | {H}&weight_concentration=-0.5 | weight_concentration
            /api/priorities | {H}&weight_harm=1000 | weight_harm
            /api/priorities | {H}&weight_volume=0&weight_rate=0&weight_change=0&weight_concentration=0&weight_harm=0 | weight_volume
            /api/priorities | {H}&alpha=0 | alpha
            /api/priorities | {H}&alpha=0.9 | alpha
            /api/priorities | {H}&top_wards=0 | top_wards
            /api/priorities | {H}&harm_weights=Burglary:x | harm_weights
            /api/priorities | {H}&default_weight=1 | default_weight
            /api/priorities | {H}&compare=soon | compare
            /api/trends | {H}&view=rolling&shareable=true | view
            /api/priorities | {H}&shareable=true&k=1 | k
            """;

    static List<Bad> badValues() {
        List<Bad> bad = new ArrayList<>();
        for (String line : BAD.strip().split("\n")) {
            String[] f = line.split(" \\| ");
            String query = f[1].replace("{H}", "boundaries={B}&{P}").replace("{P}", "from=2024-01&to=2024-06").replace("{B}", B)
                    .replace("{T}", "test=2024-07:2024-12").replace("{LONG}", "x".repeat(201))
                    .replace("{AREA}", enc("{\"type\":\"Polygon\",\"coordinates\":[[[100,10],[101,10],[101,11],[100,10]]]}"));
            bad.add(new Bad(f[0].strip(), query, f[2].strip()));
        }
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
        assertEquals(142, badValues().size(), "one line per case");
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
                {"--view", "trends", "--boundaries", B, "--from", "2024-01", "--to", "2024-06", "--view", "weekly"},
                {"--alpha", "priorities", "--boundaries", B, "--from", "2024-01", "--to", "2024-06", "--alpha", "0.9"},
                {"--weight-harm", "priorities", "--boundaries", B, "--from", "2024-01", "--to", "2024-06", "--weight-harm", "-1"},
                {"--k", "wards", "--boundaries", B, "--from", "2024-01", "--to", "2024-06", "--shareable", "--k", "1"},
                {"--format", "wards", "--boundaries", B, "--from", "2024-01", "--to", "2024-06", "--shareable", "--format", "json"},
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
