package org.wardheat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.boundaries.WardPopulation;
import org.wardheat.imports.ImportReport;
import org.wardheat.imports.IncidentFormat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.wardheat.service.Workspace;

/**
 * Real police.uk and ONS files from {@code ../shared/data/real} (skipped when absent): per-ward counts
 * must equal the geopandas reference committed in {@code src/test/resources/reference/} beside the
 * script that produced it, and the import report must match the published row counts.
 */
class RealDataTest {
    static Path real;
    @TempDir
    static Path dir;

    @BeforeAll
    static void locate() {
        String p = System.getProperty("wardheat.realdata", "../shared/data/real");
        real = Path.of(p);
        Assumptions.assumeTrue(Files.isDirectory(real.resolve("police_uk_kent")), "no real data at " + real.toAbsolutePath());
    }

    private static List<Path> crimes(String folder, String prefix) throws Exception {
        try (Stream<Path> files = Files.list(real.resolve("police_uk_kent").resolve(folder))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    /** ward code → month → category → count, from a reference CSV. */
    private static Map<String, Map<String, Map<String, Long>>> reference(String name) throws Exception {
        Map<String, Map<String, Map<String, Long>>> ref = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                RealDataTest.class.getResourceAsStream("/reference/" + name), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                ref.computeIfAbsent(f[0], k -> new HashMap<>()).computeIfAbsent(f[1], k -> new HashMap<>())
                        .put(f[2], Long.parseLong(f[3]));
            }
        }
        return ref;
    }

    /** Compares every ward's count, month by month (all categories), and category by category (whole period). */
    private static void assertMatchesReference(Workspace ws, String set, String from, String to, String referenceFile) throws Exception {
        Map<String, Map<String, Map<String, Long>>> ref = reference(referenceFile);
        WardStatistics.Result whole = ws.wardStatistics(set, WardStatistics.Query.of(null, null, from, to, null, 5));
        for (String month : whole.months().subList(whole.months().indexOf(from), whole.months().size())) {
            WardStatistics.Result r = ws.wardStatistics(set, WardStatistics.Query.of(null, null, month, month, null, 5));
            for (WardStatistics.WardRow w : r.wards()) {
                long expected = ref.getOrDefault(w.code(), Map.of()).getOrDefault(month, Map.of()).values().stream()
                        .mapToLong(Long::longValue).sum();
                assertEquals(expected, w.count(), w.code() + " " + w.name() + " in " + month);
            }
        }
        for (String category : ws.categoryCounts().keySet()) {
            WardStatistics.Result r = ws.wardStatistics(set, WardStatistics.Query.of(List.of(category), null, from, to, null, 5));
            for (WardStatistics.WardRow w : r.wards()) {
                long expected = ref.getOrDefault(w.code(), Map.of()).values().stream()
                        .mapToLong(m -> m.getOrDefault(category, 0L)).sum();
                assertEquals(expected, w.count(), w.code() + " " + w.name() + ", " + category);
            }
        }
    }

    @Test
    void kent2022JoinedToMaidstone2022WardsMatchesGeopandas() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("maidstone"))) {
            ws.addBoundaries("maidstone-2022", real.resolve("drkane_geo-lookups/boundaries/ward_WD22_commit_d23350ed/E07000110.geojson"), null, null);
            ImportReport report = ws.importFiles(crimes("karnmodi_BDML", "2022-"), IncidentFormat.POLICE_UK, "police-uk", "maidstone-2022");
            // MANIFEST.md: 200,945 rows in the twelve files, 2,114 without coordinates, Maidstone 17,902
            assertEquals(new ImportReport.Counts(200_945, 17_902, 180_929, 2_114, 0), report.totals());
            assertEquals(1_475, report.files().get(0).counts().imported(), "2022-01 Maidstone rows");
            assertMatchesReference(ws, "maidstone-2022", "2022-01", "2022-12", "maidstone-wd22-kent-2022.csv");

            WardPopulation.Result pop = ws.addPopulationFromLsoas("maidstone-2022",
                    real.resolve("drkane_geo-lookups/boundaries/lsoa/E07000110.geojson"),
                    real.resolve("cwthom_hack25usefuldata/census2021_lsoa21_usual_residents_by_age6_Kent_Medway.csv.gz"));
            assertEquals(175_812, pop.residents().values().stream().mapToDouble(Double::doubleValue).sum(), 0.5,
                    "Census 2021: Maidstone's 99 LSOAs hold 175,812 residents");
            WardStatistics.Result year = ws.wardStatistics("maidstone-2022", WardStatistics.Query.of(null, null, "2022-01", "2022-12", null, 5));
            assertEquals("High Street", year.wards().get(0).name(), "Maidstone's top ward");
            assertEquals(175_812, year.totals().residents(), 0.5);
        }
    }

    @Test
    void kent2024JoinedToMedway2023WardsMatchesGeopandas() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("medway"))) {
            ws.addBoundaries("medway-2023", real.resolve("drkane_geo-lookups/boundaries/ward/E06000035.geojson"), null, null);
            ImportReport report = ws.importFiles(crimes("Leonard-Theodorus_UK-Q1-2024-Crime-Data-Analysis", "2024-"),
                    IncidentFormat.POLICE_UK, "police-uk", "medway-2023");
            assertEquals(14_466 + 13_953 + 15_875 + 15_727, report.totals().rowsRead());
            assertEquals(10_254, report.totals().imported(), "geopandas finds 10,254 Medway points");
            assertMatchesReference(ws, "medway-2023", "2024-01", "2024-04", "medway-wd25-kent-2024.csv");
            WardStatistics.Result r = ws.wardStatistics("medway-2023", WardStatistics.Query.of(null, null, "2024-01", "2024-04", null, 5));
            assertEquals("Chatham Central & Brompton", r.wards().get(0).name(), "Medway's top ward");
        }
    }

    @Test
    void oldAndNewWardVintagesAnalyseTheSameStoredIncidents() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("vintages"))) {
            ws.importFiles(crimes("Leonard-Theodorus_UK-Q1-2024-Crime-Data-Analysis", "2024-01"), IncidentFormat.POLICE_UK, "police-uk", null);
            ws.addBoundaries("maidstone-2013", real.resolve("martinjc_UK-GeoJSON/wards_by_lad/E07000110.json"), null, null);
            ws.addBoundaries("maidstone-2025", real.resolve("drkane_geo-lookups/boundaries/ward/E07000110.geojson"), null, null);
            WardStatistics.Query jan = WardStatistics.Query.of(null, null, "2024-01", "2024-01", null, 5);
            // geopandas (sjoin 'within') on the same files: 1,490 points in the 2025 wards (the 1,489 that
            // police.uk labels Maidstone plus one labelled "Medway 038C" just inside Boxley Downs) and 1,489
            // in the 2013 wards
            assertEquals(1_490, ws.wardStatistics("maidstone-2025", jan).totals().count());
            assertEquals(1_489, ws.wardStatistics("maidstone-2013", jan).totals().count());
            assertEquals(26, ws.wardStatistics("maidstone-2013", jan).wards().size());
            assertEquals(22, ws.wardStatistics("maidstone-2025", jan).wards().size());
        }
    }

    // ---- issue #10: coverage, withheld change and the exact change test on the real files ----

    private static org.wardheat.query.Filter filter(List<String> categories, String from, String to) {
        return new org.wardheat.query.Filter(categories, List.of(), org.wardheat.model.Period.of(from, to));
    }

    @Test
    void medwayAsb2014AgainstThePreviousEightMonthsWithholdsChangeAndNamesTheFiveMissingMonths() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("medway-2014"))) {
            ws.addBoundaries("medway-2013", real.resolve("martinjc_UK-GeoJSON/wards_by_lad/E06000035.json"), null, null);
            ws.importFiles(crimes("MatthewDooler_gpscrime", "2014-"), IncidentFormat.POLICE_UK, "police-uk", "medway-2013");
            org.wardheat.query.Analyses analyses = org.wardheat.query.Analyses.of(ws);
            org.wardheat.query.Filter asb = filter(List.of("Anti-social behaviour"), "2014-04", "2014-11");
            WardStatistics.Result r = analyses.wards(new org.wardheat.query.WardsQuery("medway-2013", asb, asb.period().previous(), 5));
            assertEquals(List.of("2013-08", "2013-09", "2013-10", "2013-11", "2013-12"), r.coverage().comparison().missing());
            assertEquals(List.of("2014-01", "2014-02", "2014-03"), r.coverage().comparison().covered());
            assertEquals(8, r.coverage().period().covered().size());
            assertEquals("the comparison period 2013-08 to 2014-03 has no data for 2013-08, 2013-09, 2013-10, 2013-11, 2013-12 (5 of 8 months)",
                    r.coverage().warnings().get(0));
            assertTrue(r.wards().stream().allMatch(w -> w.change() == null && w.changePct() == null && w.changeP() == null),
                    "no ward shows the +213% to +489% of months never imported");
            assertEquals(null, r.totals().change());
            assertTrue(r.wards().stream().mapToLong(WardStatistics.WardRow::previousCount).sum() > 0, "the counts themselves stay");
        }
    }

    @Test
    void maidstone2024AgainstCovered2022GivesRsChangeTestAnd2022Against2021WithholdsEverywhere() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("maidstone-2025"))) {
            ws.addBoundaries("maidstone-2025", real.resolve("drkane_geo-lookups/boundaries/ward/E07000110.geojson"), null, null);
            ws.importFiles(crimes("karnmodi_BDML", "2022-"), IncidentFormat.POLICE_UK, "police-uk", "maidstone-2025");
            ws.importFiles(crimes("Leonard-Theodorus_UK-Q1-2024-Crime-Data-Analysis", "2024-"), IncidentFormat.POLICE_UK, "police-uk",
                    "maidstone-2025");
            ws.addPopulationFromLsoas("maidstone-2025", real.resolve("drkane_geo-lookups/boundaries/lsoa/E07000110.geojson"),
                    real.resolve("cwthom_hack25usefuldata/census2021_lsoa21_usual_residents_by_age6_Kent_Medway.csv.gz"));
            org.wardheat.query.Analyses analyses = org.wardheat.query.Analyses.of(ws);

            // 2022 against 2021 (never imported): change withheld in every ward and every strategic row
            org.wardheat.query.Filter y2022 = filter(List.of(), "2022-01", "2022-12");
            WardStatistics.Result year = analyses.wards(new org.wardheat.query.WardsQuery("maidstone-2025", y2022, y2022.period().previous(), 5));
            assertTrue(year.wards().stream().allMatch(w -> w.change() == null && w.changePct() == null && w.changeP() == null),
                    "no \"+554 (new)\" in any ward");
            assertEquals(12, year.coverage().comparison().missing().size());
            org.wardheat.query.StrategicQuery sq = new org.wardheat.query.StrategicQuery(
                    new org.wardheat.query.AreaQuery("maidstone-2025", List.of(), null, null), y2022, y2022.period().previous());
            List<org.wardheat.service.AreaService.CategoryRow> rows = analyses.strategic(sq);
            assertTrue(rows.size() > 10);
            assertTrue(rows.stream().allMatch(c -> c.difference() == null && c.changePct() == null && c.changeP() == null));
            String csv = new String(org.wardheat.export.Exporter.bytes(analyses.strategicTable(sq, rows), org.wardheat.export.Exporter.Format.CSV), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(csv.split("\r\n")[1].matches("[^,]+,\\d+,0,,,[0-9.]+,2022-01:2022-12,2021-01:2021-12,,,,[0-9.]+,[0-9.]+,12,0,records,"),
                    csv.split("\r\n")[1]);

            // January to April 2024 against January to April 2022, both imported: R's poisson.test to 1e-9
            org.wardheat.query.Filter q2024 = filter(List.of(), "2024-01", "2024-04");
            WardStatistics.Result r = analyses.wards(new org.wardheat.query.WardsQuery("maidstone-2025", q2024,
                    org.wardheat.model.Period.of("2022-01", "2022-04"), 5));
            assertTrue(r.coverage().comparable(), r.coverage().warnings().toString());
            int checked = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    RealDataTest.class.getResourceAsStream("/reference/maidstone_2024_vs_2022_reference.csv"), StandardCharsets.UTF_8))) {
                in.readLine();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] f = line.replaceAll("\"[^\"]*\"", "name").split(",");
                    boolean all = f[0].equals("ALL");
                    WardStatistics.WardRow w = all ? null : r.ward(f[0]);
                    long count = all ? r.totals().count() : w.count(), previous = all ? r.totals().previousCount() : w.previousCount();
                    Double p = all ? r.totals().changeP() : w.changeP();
                    Double low = all ? r.totals().rateCiLow() : w.rateCiLow(), high = all ? r.totals().rateCiHigh() : w.rateCiHigh();
                    double residents = all ? r.totals().residents() : w.residents();
                    assertEquals(Long.parseLong(f[2]), count, f[0] + " 2024");
                    assertEquals(Long.parseLong(f[3]), previous, f[0] + " 2022");
                    assertEquals(Double.parseDouble(f[5]), p, 1e-9, f[0] + " p against R");
                    assertEquals(Double.parseDouble(f[4]), p, 1e-9, f[0] + " p against SciPy");
                    assertEquals(Double.parseDouble(f[6]), low * residents / 1000, 1e-9 * Double.parseDouble(f[6]), f[0] + " CI low against R");
                    assertEquals(Double.parseDouble(f[7]), high * residents / 1000, 1e-9 * Double.parseDouble(f[7]), f[0] + " CI high against R");
                    assertEquals(p < 0.05, all ? r.totals().changeSignificant() : w.changeSignificant());
                    checked++;
                }
            }
            assertEquals(23, checked, "22 wards and the total");
            assertEquals("down 14%, significant (p < 0.001)", r.ward("E05015603").changeReading(), "High Street: 1,194 against 1,395");
        }
    }
}
