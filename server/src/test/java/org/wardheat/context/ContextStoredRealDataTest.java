package org.wardheat.context;

import org.wardheat.CliRun;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.analysis.ChangeRules;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.export.FeatureTable;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.model.AgeGroup;
import org.wardheat.model.Period;
import org.wardheat.query.Analyses;
import org.wardheat.query.AreaQuery;
import org.wardheat.query.AreaSummaryQuery;
import org.wardheat.query.ContextQuery;
import org.wardheat.query.Filter;
import org.wardheat.query.InvalidParameterException;
import org.wardheat.query.StrategicQuery;
import org.wardheat.query.WardsQuery;
import org.wardheat.service.AreaService;
import org.wardheat.service.WardContexts;
import org.wardheat.service.Workspace;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Context stored per ward ({@code context --store}) for the Maidstone 2022 wards: the context layer, the focus-area
 * summary of Park Wood + Shepway North + Shepway South, and rates per 1,000 residents aged 16-24 in the ward and
 * strategic tables, against {@code reference/deprivation_geopandas.py} → {@code maidstone-wd22-deprivation.csv}.
 */
class ContextStoredRealDataTest {
    static Path real;
    @TempDir
    static Path dir;
    static final List<String> FOCUS = List.of("E05005002", "E05005003", "E05005004");

    @BeforeAll
    static void locate() {
        real = RealData.require("cwthom_hack25usefuldata");
    }

    /** area code ("focus" for the three wards) → column → value, from the geopandas reference. */
    static Map<String, Map<String, Double>> reference() throws Exception {
        Map<String, Map<String, Double>> ref = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ContextStoredRealDataTest.class.getResourceAsStream("/reference/maidstone-wd22-deprivation.csv"), StandardCharsets.UTF_8))) {
            String[] header = in.readLine().split(",");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                Map<String, Double> row = new HashMap<>();
                for (int i = 1; i < header.length; i++) {
                    row.put(header[i], Double.parseDouble(f[i]));
                }
                ref.put(f[0], row);
            }
        }
        return ref;
    }

    @Test
    void storedContextGivesTheLayerTheFocusAreaSummaryAndRatesPerYoungResident() throws Exception {
        Path b = real.resolve("drkane_geo-lookups/boundaries");
        Path data = dir.resolve("maidstone");
        try (Workspace ws = Workspace.open(data)) {
            ws.addBoundaries("maidstone-2022", b.resolve("ward_WD22_commit_d23350ed/E07000110.geojson"), null, null);
            ws.importFiles(List.of(real.resolve("police_uk_kent/karnmodi_BDML/2022-01-kent-street.csv.gz"),
                            real.resolve("police_uk_kent/karnmodi_BDML/2022-02-kent-street.csv.gz")), IncidentFormat.POLICE_UK,
                    "police-uk", "maidstone-2022");
        }
        try (CliRun cli = new CliRun(data)) {
            assertEquals(0, cli.run("context", "--boundaries", "maidstone-2022", "--store",
                    "--lsoa11-polygons", b.resolve("lsoa11/E07000110.geojson").toString(),
                    "--lsoa21-polygons", b.resolve("lsoa/E07000110.geojson").toString(), "--population",
                    real.resolve("cwthom_hack25usefuldata/census2021_lsoa21_usual_residents_by_age6_Kent_Medway.csv.gz").toString(),
                    "--iod", real.resolve("cwthom_hack25usefuldata/iod2019_lsoa11_ranks_deciles_Kent_Medway.csv").toString()), cli::err);
            assertTrue(cli.err().contains("context stored for the 26 areas of maidstone-2022"), cli.err());
        }
        Map<String, Map<String, Double>> ref = reference();
        try (Workspace ws = Workspace.open(data)) {
            Analyses analyses = Analyses.of(ws);
            // the context layer: one feature per ward with the reference's figures
            FeatureTable layer = analyses.contextLayer(new ContextQuery("maidstone-2022"));
            assertEquals(26, layer.rows().size());
            List<String> columns = layer.columns().stream().map(c -> c.name()).toList();
            assertEquals(List.of("ward_code", "ward_name", "residents", "mean_imd_rank", "share_imd_decile_1", "aged_0_15", "aged_16_24",
                    "aged_25_34", "aged_35_49", "aged_50_64", "aged_65_plus"), columns);
            double all = 0;
            for (List<Object> row : layer.rows()) {
                all += ((Number) row.get(2)).doubleValue();
                Map<String, Double> r = ref.get((String) row.get(0));
                if (r != null) {
                    assertEquals(r.get("residents"), ((Number) row.get(2)).doubleValue(), 1e-9);
                    assertEquals(r.get("mean_rank"), ((Number) row.get(3)).doubleValue(), 0.05, row.get(0) + " mean rank (1 decimal)");
                    assertEquals(r.get("share_decile1"), ((Number) row.get(4)).doubleValue(), 5e-5, row.get(0) + " share in decile 1 (4 decimals)");
                    assertEquals(r.get("Aged 16 to 24 years"), ((Number) row.get(6)).doubleValue(), 1e-9);
                }
            }
            assertEquals(175_812, all, 1e-6, "MANIFEST: Maidstone's residents");

            // the focus-area summary shows the deprivation and age figures of the three wards together
            Period jan = Period.of("2022-02", "2022-02");
            AreaService.Summary s = analyses.areaSummary(new AreaSummaryQuery(new AreaQuery("maidstone-2022", FOCUS, null, null),
                    new Filter(List.of(), List.of(), jan), Period.of("2022-01", "2022-01")));
            WardContexts.Figures f = s.context();
            Map<String, Double> focus = ref.get("focus");
            assertEquals(24_524, f.residents(), 1e-9);
            assertEquals(focus.get("mean_rank"), f.meanImdRank(), 1e-6);
            assertEquals(0.180802, f.shareImdDecile1(), 1e-6);
            assertEquals(focus.get("Aged 16 to 24 years"), f.byAge().get("Aged 16 to 24 years"), 1e-9);

            // the same three wards drawn as one polygon: each ward's figures taken in the share of its area inside
            // (1 for the three, 0 for the rest up to the slivers of a simplified outline) give the same figures
            org.locationtech.jts.geom.Geometry union = org.locationtech.jts.operation.union.UnaryUnionOp.union(
                    ws.boundarySet("maidstone-2022").wards().stream().filter(w -> FOCUS.contains(w.code())).map(w -> w.geometry()).toList());
            org.locationtech.jts.geom.Geometry drawn = union.getNumPoints() <= 9_000 ? union
                    : org.locationtech.jts.simplify.TopologyPreservingSimplifier.simplify(union, 1e-5);
            assertTrue(drawn.getNumPoints() <= 10_000, drawn.getNumPoints() + " vertices");
            String geoJson = new org.locationtech.jts.io.geojson.GeoJsonWriter().write(drawn);
            WardContexts.Figures d = analyses.areaSummary(new AreaSummaryQuery(new AreaQuery("maidstone-2022", List.of(), geoJson, null),
                    new Filter(List.of(), List.of(), jan), Period.of("2022-01", "2022-01"))).context();
            assertEquals(24_524, d.residents(), 24_524 * 0.002, "residents of the drawn outline");
            assertEquals(f.meanImdRank(), d.meanImdRank(), f.meanImdRank() * 0.002);
            assertEquals(f.shareImdDecile1(), d.shareImdDecile1(), 0.002);

            // rates per 1,000 residents aged 16-24: the reference's 16-24 residents as the denominator
            ChangeRules young = new ChangeRules(null, 1000, 0.05, ChangeRules.RankBy.COUNT, false, AgeGroup.parse("16-24"));
            WardStatistics.Result r = analyses.wards(new WardsQuery("maidstone-2022", new Filter(List.of(), List.of(), jan),
                    Period.of("2022-01", "2022-01"), 5, young));
            for (String code : FOCUS) {
                WardStatistics.WardRow w = r.ward(code);
                double aged = ref.get(code).get("Aged 16 to 24 years");
                assertEquals(aged, w.residents(), 1e-9);
                assertEquals(1000.0 * w.count() / aged, w.rate(), 1e-9, code);
            }
            assertTrue(analyses.wardsTable(new WardsQuery("maidstone-2022", new Filter(List.of(), List.of(), jan),
                    Period.of("2022-01", "2022-01"), 5, young)).rows().get(0).contains("residents aged 16-24"));
            List<AreaService.CategoryRow> strategic = analyses.strategic(new StrategicQuery(new AreaQuery("maidstone-2022", FOCUS, null, null),
                    new Filter(List.of(), List.of(), jan), Period.of("2022-01", "2022-01"), young));
            AreaService.CategoryRow total = strategic.get(strategic.size() - 1);
            assertEquals(1000.0 * total.count() / focus.get("Aged 16 to 24 years"), total.rate(), 1e-9);
            assertEquals(s.total().count(), total.count());

            // an age group that cuts a Census band is refused, naming the stored bands
            ChangeRules cut = new ChangeRules(null, 1000, 0.05, ChangeRules.RankBy.COUNT, false, AgeGroup.parse("10-24"));
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> analyses.wards(new WardsQuery("maidstone-2022",
                    new Filter(List.of(), List.of(), jan), Period.of("2022-01", "2022-01"), 5, cut)));
            assertEquals("per_population", e.parameter());
            assertTrue(e.getMessage().contains("[0-15, 16-24, 25-34, 35-49, 50-64, 65+]"), e.getMessage());
            // 0-24 is made of two whole bands
            ChangeRules under25 = new ChangeRules(null, 1000, 0.05, ChangeRules.RankBy.COUNT, false, AgeGroup.parse("0-24"));
            WardStatistics.WardRow parkWood = analyses.wards(new WardsQuery("maidstone-2022", new Filter(List.of(), List.of(), jan),
                    Period.of("2022-01", "2022-01"), 5, under25)).ward("E05005002");
            assertEquals(ref.get("E05005002").get("Aged 15 years and under") + ref.get("E05005002").get("Aged 16 to 24 years"),
                    parkWood.residents(), 1e-9);
        }
    }
}
