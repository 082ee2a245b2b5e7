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
}
