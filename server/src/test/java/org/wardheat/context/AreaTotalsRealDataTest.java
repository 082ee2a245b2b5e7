package org.wardheat.context;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.boundaries.LsoaApportionment;
import org.wardheat.boundaries.Ward;
import org.wardheat.imports.AreaTotalReader;
import org.wardheat.model.Period;
import org.wardheat.service.AreaTotals;
import org.wardheat.service.Workspace;
import org.wardheat.service.AreaService;
import org.wardheat.service.AreaTotalImport;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.imports.ImportReport;
import org.wardheat.query.Analyses;
import org.wardheat.query.AreaQuery;
import org.wardheat.query.Filter;
import org.wardheat.query.StrategicQuery;
import org.wardheat.query.WardsQuery;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FixMyStreet report counts by LSOA 2011 (Kent and Medway, 2007–2020) loaded as area totals and sent to the
 * Kent 2025 wards by population (Census 2021 LSOA residents placed at interior points). The independent
 * computation is {@code reference/lsoa_apportionment_geopandas.py} (geopandas: representative points,
 * 'within' joins, shares = residents in LSOA 2011 ∩ ward / residents in LSOA 2011), output
 * {@code fms-kent-wd25-apportioned.csv} rounded to 6 decimals: every ward × category must agree to 1e-5.
 * Medway is not in the Kent County wards, so its 4,548 reports are unmatched and reported.
 */
class AreaTotalsRealDataTest {
    static Path real;
    @TempDir
    static Path dir;

    @BeforeAll
    static void locate() {
        real = RealData.require("mysociety_fms_geographic_data");
    }

    @Test
    void fixMyStreetLsoaCountsGoToKentWardsAsTheGeopandasPopulationWeighting() throws Exception {
        Path b = real.resolve("drkane_geo-lookups/boundaries");
        try (Workspace ws = Workspace.open(dir.resolve("fms"))) {
            ws.addBoundaries("kent-wards-2025", b.resolve("ward/E10000016.geojson"), null, null);
            List<Ward> wards = ws.boundarySet("kent-wards-2025").wards();
            LsoaApportionment ap = LsoaApportionment.read(wards,
                    List.of(b.resolve("lsoa11/E10000016.geojson"), b.resolve("lsoa11/E06000035.geojson")),
                    List.of(b.resolve("lsoa/E10000016.geojson"), b.resolve("lsoa/E06000035.geojson")),
                    real.resolve("cwthom_hack25usefuldata/census2021_lsoa21_usual_residents_by_age6_Kent_Medway.csv.gz"));
            AreaTotalReader.Result read = AreaTotalReader.read(
                    real.resolve("mysociety_fms_geographic_data/fms_reports_by_lsoa11_month_SHEF_A_Kent_Medway.csv.gz"), null);
            assertEquals(34_463, read.read(), "MANIFEST: 34,463 rows");
            assertEquals(34_463, read.rows().size());
            assertEquals(2, ap.byInteriorPoint(), "geopandas: 2 LSOAs 2011 with no Census LSOA point inside");

            AreaTotals.Result r = AreaTotals.place(wards, read.rows(), ap, Period.of("2007-01", "2020-12"));
            assertEquals(43_319, r.total(), 1e-9);
            assertEquals(38_771, r.apportioned(), 1e-6, "placed on Kent wards (geopandas: 38,771.000)");
            assertEquals(0, r.exact(), 1e-9);
            assertEquals(4_548, r.unmatched().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9, "Medway LSOAs");
            assertEquals(0.010596, r.splitShare(), 5e-7, "geopandas split share");

            Map<String, Map<String, Double>> ref = reference();
            int compared = 0;
            for (var ward : ref.entrySet()) {
                for (var c : ward.getValue().entrySet()) {
                    double got = r.counts().getOrDefault(ward.getKey(), Map.of()).getOrDefault(c.getKey(), 0.0);
                    assertEquals(c.getValue(), got, 1e-5, ward.getKey() + " " + c.getKey());
                    compared++;
                }
            }
            assertEquals(3_607, compared);
            assertEquals(compared, r.counts().values().stream().mapToInt(Map::size).sum(), "no ward × category beyond the reference");
        }
    }

    /** The geopandas reference: ward code → category → apportioned reports, 2007–2020. */
    private static Map<String, Map<String, Double>> reference() throws java.io.IOException {
        Map<String, Map<String, Double>> ref = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                AreaTotalsRealDataTest.class.getResourceAsStream("/reference/fms-kent-wd25-apportioned.csv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int first = line.indexOf(','), last = line.lastIndexOf(',');
                String category = line.substring(first + 1, last);
                if (category.startsWith("\"")) {
                    category = category.substring(1, category.length() - 1).replace("\"\"", "\"");
                }
                ref.computeIfAbsent(line.substring(0, first), k -> new HashMap<>()).put(category, Double.parseDouble(line.substring(last + 1)));
            }
        }
        return ref;
    }

    /**
     * The same file imported as a dataset ({@code import --area-totals}): the ward table of each category over 2007–2020
     * (counts rounded to whole reports, as every ward count) equals the geopandas apportionment to rounding, the
     * strategic table of the whole set equals the reference summed, and the stored placement reports the split share.
     */
    @Test
    void fixMyStreetImportedAsADatasetGivesTheGeopandasWardCountsInTheWardAndStrategicTables() throws Exception {
        Path b = real.resolve("drkane_geo-lookups/boundaries");
        try (Workspace ws = Workspace.open(dir.resolve("fms-dataset"))) {
            ws.addBoundaries("kent-wards-2025", b.resolve("ward/E10000016.geojson"), null, null);
            Path file = real.resolve("mysociety_fms_geographic_data/fms_reports_by_lsoa11_month_SHEF_A_Kent_Medway.csv.gz");
            AreaTotalImport.Apportionment split = new AreaTotalImport.Apportionment(
                    List.of(b.resolve("lsoa11/E10000016.geojson"), b.resolve("lsoa11/E06000035.geojson")),
                    List.of(b.resolve("lsoa/E10000016.geojson"), b.resolve("lsoa/E06000035.geojson")),
                    real.resolve("cwthom_hack25usefuldata/census2021_lsoa21_usual_residents_by_age6_Kent_Medway.csv.gz"));
            AreaTotalImport.Result imported = ws.importAreaTotals(file, "fms.csv.gz", "fms", null, null, split);
            ImportReport.Counts c = imported.report().totals();
            assertEquals(34_463, c.rowsRead());
            assertEquals(0, c.rejected());
            assertEquals(34_463, c.imported() + c.outside(), "every row read is imported or outside");
            AreaTotalImport.SetPlacement p = imported.placements().get(0);
            assertEquals(38_771, p.apportioned(), 1e-6);
            assertEquals(4_548, p.unmatchedCount(), 1e-9, "Medway LSOAs");
            assertEquals(0.010596, p.splitShare(), 5e-7, "geopandas split share");
            assertTrue(ws.importAreaTotals(file, "fms.csv.gz", "fms", null, null, split).report().files().get(0).alreadyImported());
            assertEquals(0.010596, ws.store().areaTotals().placements("fms", "kent-wards-2025").get(0).splitShare(), 5e-7);

            Map<String, Map<String, Double>> ref = reference();
            java.util.Set<String> categories = new java.util.TreeSet<>();
            ref.values().forEach(m -> categories.addAll(m.keySet()));
            Analyses analyses = Analyses.of(ws);
            Period all = Period.of("2007-01", "2020-12");
            int compared = 0;
            for (String category : categories) {
                WardsQuery q = new WardsQuery("kent-wards-2025", new Filter(List.of(category), List.of("fms"), all), all, 5);
                WardStatistics.Result r = analyses.wards(q);
                for (WardStatistics.WardRow row : r.wards()) {
                    double expected = ref.getOrDefault(row.code(), Map.of()).getOrDefault(category, 0.0);
                    assertEquals(expected, row.count(), 0.5 + 1e-5, row.code() + " " + category);
                    compared++;
                }
            }
            assertEquals(categories.size() * 255, compared);

            double total = ref.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue).sum();
            assertEquals(38_771, total, 1e-3);
            List<AreaService.CategoryRow> strategic = analyses.strategic(new StrategicQuery(
                    new AreaQuery("kent-wards-2025", List.of(), null, null), new Filter(List.of(), List.of("fms"), all), all));
            AreaService.CategoryRow allRow = strategic.get(strategic.size() - 1);
            assertEquals("All", allRow.category());
            // each category's row is its own sum rounded once, so "All" may differ from 38,771 by the rounding of the categories
            long byCategory = 0;
            for (AreaService.CategoryRow row : strategic.subList(0, strategic.size() - 1)) {
                double expected = ref.values().stream().mapToDouble(m -> m.getOrDefault(row.category(), 0.0)).sum();
                assertEquals(expected, row.count(), 0.5 + 1e-5, row.category());
                byCategory += row.count();
            }
            assertEquals(byCategory, allRow.count());
            assertEquals(38_771, allRow.count(), strategic.size() / 2.0);
        }
    }
}
