package org.wardheat.hotspot;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.service.HotspotService;
import org.wardheat.service.Workspace;
import org.wardheat.model.Period;
import org.wardheat.demo.DemoBorough;
import org.wardheat.imports.IncidentFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hotspot analyses end to end on the synthetic demo (planted patterns) and on real Maidstone data. */
class HotspotServiceTest {
    @TempDir
    static Path dir;
    static Workspace demo;
    static HotspotService hotspots;

    @BeforeAll
    static void loadDemo() throws Exception {
        demo = Workspace.open(dir.resolve("demo"));
        DemoBorough.install(demo, dir.resolve("demo-source"));
        hotspots = new HotspotService(demo);
    }

    @AfterAll
    static void close() {
        demo.close();
    }

    static HotspotService.Request request(String category, String from, String to) {
        return new HotspotService.Request(DemoBorough.BOUNDARIES, category == null ? Set.of() : Set.of(category), Set.of(),
                Period.of(from, to), Grid.Shape.SQUARE, 250.0, null, null);
    }

    static double distanceToPlant(Grid g, int c) {
        double tc = Math.hypot(g.x(c) - DemoBorough.TOWN_CENTRE_BNG[0], g.y(c) - DemoBorough.TOWN_CENTRE_BNG[1]);
        double park = Math.hypot(g.x(c) - DemoBorough.EASTFIELD_PARK_BNG[0], g.y(c) - DemoBorough.EASTFIELD_PARK_BNG[1]);
        return Math.min(tc, park);
    }

    @Test
    void giStarFindsThePlantedHotspotsAndNothingElse() {
        for (String category : new String[]{"Violence and sexual offences", "Anti-social behaviour", null}) {
            CellLayer layer = hotspots.gistar(request(category, "2024-01", "2024-12"), PAdjust.FDR, null, false);
            int[] bin = layer.ints("bin");
            int hot = 0;
            for (int c = 0; c < bin.length; c++) {
                if (bin[c] >= 2) {
                    hot++;
                    assertTrue(distanceToPlant(layer.grid(), c) < 1_000, category + ": hot cell " + layer.grid().id(c) + " far from any plant");
                }
                assertTrue(bin[c] > -2, "no significant cold spot on an even background");
            }
            assertTrue(hot >= 20, category + ": the town centre shows: " + hot);
            int centre = layer.grid().cellOf(DemoBorough.TOWN_CENTRE_BNG[0], DemoBorough.TOWN_CENTRE_BNG[1]);
            assertEquals(3, bin[centre], category + ": the town-centre cell is hot at 99%");
        }
        CellLayer burglary = hotspots.gistar(request("Burglary", "2024-01", "2024-12"), PAdjust.FDR, null, false);
        assertTrue(((String) burglary.parameters().get("warning")).startsWith("sparse counts: 0.4"), "about 530 burglaries over 1,190 cells");
        assertEquals(null, hotspots.gistar(request(null, "2024-01", "2024-12"), PAdjust.FDR, null, false).parameters().get("warning"));
        assertTrue(java.util.Arrays.stream(burglary.ints("bin")).allMatch(b -> b < 2), "no burglary hotspot was planted");
        assertEquals("fdr", burglary.parameters().get("p_adjust"));
        assertEquals(250.0, burglary.parameters().get("cell_size_m"));
    }

    /**
     * A command's workspace reads the incidents of the months an analysis needs only; every analysis gives the
     * same cells, to the last bit, as a server's workspace holding all months.
     */
    @Test
    void aWorkspaceReadingByMonthsGivesTheSameLayers() throws Exception {
        try (Workspace once = Workspace.openForOneCommand(dir.resolve("demo"))) {
            HotspotService byMonths = new HotspotService(once);
            HotspotService.Request r = request(null, "2024-01", "2024-06");
            assertArrayEquals(hotspots.kde(r, 400.0, 1).doubles("kde"), byMonths.kde(r, 400.0, 1).doubles("kde"));
            assertArrayEquals(hotspots.gistar(r, PAdjust.FDR, null, false).doubles("gistar"), byMonths.gistar(r, PAdjust.FDR, null, false).doubles("gistar"));
            Period before = Period.of("2023-01", "2023-06");
            assertArrayEquals(hotspots.change(r, before, PAdjust.FDR, 2).doubles("change"), byMonths.change(r, before, PAdjust.FDR, 2).doubles("change"));
            assertArrayEquals(hotspots.change(r, null, PAdjust.FDR, 2).doubles("n_before"), byMonths.change(r, null, PAdjust.FDR, 2).doubles("n_before"));
            Period test = Period.of("2024-07", "2024-12");
            assertArrayEquals(hotspots.evaluate(r, test, "kde", 0.05, 400.0, PAdjust.FDR, 2).doubles("n_test"),
                    byMonths.evaluate(r, test, "kde", 0.05, 400.0, PAdjust.FDR, 2).doubles("n_test"));
            assertArrayEquals(hotspots.classify(r, 3, org.wardheat.query.ClassifyQuery.DEFAULT_THRESHOLDS, PAdjust.FDR).doubles("n"),
                    byMonths.classify(r, 3, org.wardheat.query.ClassifyQuery.DEFAULT_THRESHOLDS, PAdjust.FDR).doubles("n"));
            assertTrue(once.snapshot().incidents(r.period()).size() < demo.snapshot().incidents().size() / 2,
                    "half a year of the demo's years was read");
            assertTrue(once.snapshot().incidents(r.period()).source(202401).matches("\\d+:[0-9a-f]{64}:.+;"),
                    "a month names the file its rows came from: " + once.snapshot().incidents(r.period()).source(202401));
        }
        try (Stream<Path> kept = Files.list(dir.resolve("demo").resolve("cache").resolve("points"))) {
            assertTrue(kept.count() >= 12, "the set's points were kept month by month");
        }
        try (Workspace next = Workspace.openForOneCommand(dir.resolve("demo"))) { // the next command reads them
            HotspotService.Request r = request("Anti-social behaviour", "2024-01", "2024-12");
            assertArrayEquals(hotspots.gistar(r, PAdjust.FDR, null, false).doubles("gistar"), new HotspotService(next).gistar(r, PAdjust.FDR, null, false).doubles("gistar"));
            assertArrayEquals(hotspots.kde(r, 300.0, 1).doubles("kde"), new HotspotService(next).kde(r, 300.0, 1).doubles("kde"));
        }
    }

    /** A command's workspace reads the ward counts of the months a ward table needs only, and gives the same table. */
    @Test
    void aWorkspaceReadingByMonthsGivesTheSameWardTables() throws Exception {
        try (Workspace once = Workspace.openForOneCommand(dir.resolve("demo"))) {
            for (String category : new String[]{null, "Anti-social behaviour"}) {
                for (org.wardheat.analysis.ChangeRules.Measure m : org.wardheat.analysis.ChangeRules.Measure.values()) {
                    org.wardheat.analysis.WardStatistics.Query q = new org.wardheat.analysis.WardStatistics.Query(
                            category == null ? Set.of() : Set.of(category), Set.of(), Period.of("2024-04", "2024-09"),
                            Period.of("2023-04", "2023-09"), 5, org.wardheat.analysis.ChangeRules.DEFAULT.withMeasure(m));
                    String all = org.wardheat.export.Exporter.JSON.writeValueAsString(demo.wardStatistics(DemoBorough.BOUNDARIES, q));
                    assertEquals(all, org.wardheat.export.Exporter.JSON.writeValueAsString(once.wardStatistics(DemoBorough.BOUNDARIES, q)), category + ", " + m);
                    assertTrue(all.contains("\"series\"") && all.length() > 5_000, "the whole result is compared: " + all.length());
                }
            }
            int all = once.snapshot().counts(DemoBorough.BOUNDARIES).rows().size();
            int read = once.snapshot().counts(DemoBorough.BOUNDARIES, Period.of("2024-04", "2024-09")).rows().size();
            assertTrue(read < all / 3, "six months of the demo's two years of counts were read: " + read + " of " + all + " rows");
            assertEquals(demo.snapshot().counts(DemoBorough.BOUNDARIES).rows().categories(),
                    once.snapshot().counts(DemoBorough.BOUNDARIES, Period.of("2024-04", "2024-09")).rows().categories(),
                    "every category is known, whatever the months read");
        }
    }

    @Test
    void changeShowsTheEastfieldParkBecomingHot() {
        CellLayer change = hotspots.change(request("Anti-social behaviour", "2024-01", "2024-12"), null, PAdjust.FDR, 2);
        assertEquals("2023-01:2023-12", change.parameters().get("period_before"));
        int park = change.grid().cellOf(DemoBorough.EASTFIELD_PARK_BNG[0], DemoBorough.EASTFIELD_PARK_BNG[1]);
        int centre = change.grid().cellOf(DemoBorough.TOWN_CENTRE_BNG[0], DemoBorough.TOWN_CENTRE_BNG[1]);
        assertEquals(HotspotChange.BECAME, change.strings("class")[park]);
        assertEquals(HotspotChange.STAYED, change.strings("class")[centre]);
        assertTrue(change.doubles("change")[park] > 10);
        // change_p: the exact test of the cell's counts (12 months each), as binom.test(after, after + before, 0.5) in R
        long before = Math.round(change.doubles("n_before")[park]), after = Math.round(change.doubles("n_after")[park]);
        assertEquals(binomTwoSided(after, after + before), change.doubles("change_p")[park], 1e-12, after + " against " + before);
        assertTrue(change.doubles("change_p")[park] < 0.05, "the park's rise is significant");
        assertArrayEquals(new double[]{2 * 79.0 / 4096, 1, 1}, HotspotChange.pValues(new double[]{2, 0, 3}, new double[]{10, 0, 3}, 12, 12), 1e-12,
                "10 against 2: P(X >= 10 | 12, 1/2) = 79/4096, twice; 0 against 0 and 3 against 3: 1");
    }

    /**
     * Five quarters, 2023 Q1 to 2024 Q1: the last (20%) is recent. The park's ASB rise starts in 2024, so it
     * is hot only in the recent quarter (emerging); the town centre is hot in all five (persistent). Over
     * all eight quarters to 2024 Q4 the park would be intermittent: three of its hot quarters are older.
     */
    @Test
    void classificationOverQuartersFindsTheEmergingPark() {
        CellLayer layer = hotspots.classify(request("Anti-social behaviour", "2023-01", "2024-03"), 3,
                HotspotClassification.Thresholds.DEFAULT, PAdjust.FDR);
        assertEquals(5, ((List<?>) layer.parameters().get("periods")).size());
        int park = layer.grid().cellOf(DemoBorough.EASTFIELD_PARK_BNG[0], DemoBorough.EASTFIELD_PARK_BNG[1]);
        int centre = layer.grid().cellOf(DemoBorough.TOWN_CENTRE_BNG[0], DemoBorough.TOWN_CENTRE_BNG[1]);
        assertEquals("emerging hotspot", layer.strings("class")[park]);
        assertEquals("persistent hotspot", layer.strings("class")[centre]);
        CellLayer twoYears = hotspots.classify(request("Anti-social behaviour", "2023-01", "2024-12"), 3,
                HotspotClassification.Thresholds.DEFAULT, PAdjust.FDR);
        assertEquals("intermittent hotspot", twoYears.strings("class")[park]);
    }

    @Test
    void kdeHotspotsOf2023PredictViolenceIn2024() {
        CellLayer layer = hotspots.evaluate(request("Violence and sexual offences", "2023-01", "2023-12"),
                Period.of("2024-01", "2024-12"), "kde", 0.05, 500.0, PAdjust.FDR, 2);
        PredictiveAccuracy.Result r = (PredictiveAccuracy.Result) layer.parameters().get("accuracy");
        assertTrue(r.pai() > 4, "5% of the area should hold far more than 5% of violence: PAI " + r.pai());
        assertTrue(r.recaptureRateIndex() > 0.8 && r.recaptureRateIndex() < 1.25, "a stable pattern: RRI " + r.recaptureRateIndex());
        CellLayer kde = hotspots.kde(request("Violence and sexual offences", "2024-01", "2024-12"), null, 1);
        assertTrue(((String) kde.parameters().get("bandwidth_rule")).startsWith("default: mean of bandwidth.nrd"));
    }

    @Test
    void hexagonsHaveSixNeighboursAndHoldTheirPoints() {
        HotspotService.Request hex = new HotspotService.Request(DemoBorough.BOUNDARIES, Set.of(), Set.of(),
                Period.of("2024-01", "2024-12"), Grid.Shape.HEX, 300.0, null, null);
        Grid g = hotspots.grid(hex);
        int centre = g.cellOf(DemoBorough.TOWN_CENTRE_BNG[0], DemoBorough.TOWN_CENTRE_BNG[1]);
        assertEquals(7, g.neighbours(g.defaultNeighbourDistance())[centre].length, "six around, and itself");
        for (int c = 0; c < g.size(); c += 37) {
            var p = g.geometry(c).getInteriorPoint();
            assertEquals(c, g.cellOf(p.getX(), p.getY()), "a point inside a hexagon belongs to it");
        }
        CellLayer gi = hotspots.gistar(hex, PAdjust.FDR, null, false);
        assertEquals(3, gi.ints("bin")[centre]);
    }

    @Test
    void aGivenAreaReplacesTheBoundarySet() {
        // a 2 km square around the town centre, in lon/lat
        double[] corners = {DemoBorough.TOWN_CENTRE_BNG[0] - 1000, DemoBorough.TOWN_CENTRE_BNG[1] - 1000,
                DemoBorough.TOWN_CENTRE_BNG[0] + 1000, DemoBorough.TOWN_CENTRE_BNG[1] + 1000};
        org.wardheat.boundaries.Projection.transformInPlace(corners, org.wardheat.boundaries.Projection.BNG, org.wardheat.boundaries.Projection.WGS84);
        String square = String.format(java.util.Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
                corners[0], corners[1], corners[2], corners[1], corners[2], corners[3], corners[0], corners[3], corners[0], corners[1]);
        HotspotService.Request whole = request(null, "2024-01", "2024-12");
        HotspotService.Request box = new HotspotService.Request(whole.boundaries(), whole.categories(), whole.datasets(), whole.period(),
                Grid.Shape.SQUARE, 250.0, null, null, org.wardheat.boundaries.AreaReader.read(square));
        CellLayer layer = hotspots.kde(box, 300.0, 1);
        assertEquals("a given polygon", layer.parameters().get("area"));
        assertEquals(4.0, (Double) layer.parameters().get("area_km2"), 0.05, "the 2 km square, give or take the lon/lat round trip");
        assertTrue(layer.grid().size() >= 64 && layer.grid().size() <= 81, "8 x 8 cells of 250 m, 9 x 9 with edge slivers: " + layer.grid().size());
        double inBox = java.util.Arrays.stream(layer.doubles("n")).sum();
        assertEquals(((Number) layer.parameters().get("incidents")).doubleValue(), inBox, "every incident in the area falls in a cell");
        CellLayer all = hotspots.kde(whole, 300.0, 1);
        assertTrue(inBox < ((Number) all.parameters().get("incidents")).doubleValue());
    }

    /** The counts behind the spdep reference are reproduced from the real files. */
    @Test
    void realMaidstoneCountsMatchTheSpdepInput() throws Exception {
        Path real = Path.of(System.getProperty("wardheat.realdata", "../shared/data/real"));
        Assumptions.assumeTrue(Files.isDirectory(real.resolve("police_uk_kent")), "no real data");
        try (Workspace ws = Workspace.open(dir.resolve("maidstone")); Stream<Path> files = Files.list(real.resolve("police_uk_kent/karnmodi_BDML"))) {
            ws.addBoundaries("maidstone-2022", real.resolve("drkane_geo-lookups/boundaries/ward_WD22_commit_d23350ed/E07000110.geojson"), null, null);
            ws.importFiles(files.sorted().toList(), IncidentFormat.POLICE_UK, "police-uk", null);
            CellLayer layer = new HotspotService(ws).gistar(new HotspotService.Request("maidstone-2022", Set.of("Anti-social behaviour"),
                    Set.of(), Period.of("2022-01", "2022-12"), Grid.Shape.SQUARE, 250.0, null, null), PAdjust.FDR, null, false);
            List<String[]> ref = Reference.rows("maidstone-asb-2022-250m-counts.csv");
            assertEquals(ref.size(), layer.grid().size());
            double[] n = layer.doubles("n");
            List<String[]> spdep = Reference.rows("maidstone-asb-2022-250m-spdep.csv");
            for (int c = 0; c < ref.size(); c++) {
                assertEquals(ref.get(c)[0], layer.grid().id(c));
                assertEquals(Double.parseDouble(ref.get(c)[3]), n[c], ref.get(c)[0]);
                assertEquals(Double.parseDouble(spdep.get(c)[1]), layer.doubles("gistar")[c], 1e-9);
            }
        }
    }

    /** R's binom.test(x, n, 0.5) two-sided p: the sum of the probabilities no larger than that of x (relative tolerance 1e-7). */
    static double binomTwoSided(long x, long n) {
        double[] pr = new double[(int) n + 1];
        for (int k = 0; k <= n; k++) {
            double logC = 0;
            for (int j = 1; j <= k; j++) {
                logC += Math.log(n - k + j) - Math.log(j);
            }
            pr[k] = Math.exp(logC - n * Math.log(2));
        }
        double sum = 0;
        for (double q : pr) {
            sum += q <= pr[(int) x] * (1 + 1e-7) ? q : 0;
        }
        return Math.min(1, sum);
    }
}
