package org.wardheat.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.service.Workspace;
import org.wardheat.analysis.WardStatistics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoBoroughTest {
    @TempDir
    Path dir;

    @Test
    void isDeterministic() throws Exception {
        new DemoBorough().write(dir.resolve("a"));
        new DemoBorough().write(dir.resolve("b"));
        for (String f : List.of("wardheath-wards-bng.geojson", "wardheath-population.csv", "2024-07-wardheath-street.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)), f);
        }
    }

    @Test
    void plantedPatternsShowAndTheImportAccountsForEveryRow() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("data"))) {
            DemoBorough.install(ws, dir.resolve("source"));
            DemoBorough.install(ws, dir.resolve("source")); // a second start adds nothing
            assertEquals(20, ws.boundarySet(DemoBorough.BOUNDARIES).wards().size());
            assertEquals("EPSG:27700", ws.boundarySet(DemoBorough.BOUNDARIES).info().sourceCrs());
            var datasets = ws.store().importLog().datasets();
            assertEquals(24, datasets.get(0).files().size());

            WardStatistics.Result violence = ws.wardStatistics(DemoBorough.BOUNDARIES,
                    WardStatistics.Query.of(List.of("Violence and sexual offences"), null, "2024-01", "2024-12", null, 5));
            assertEquals("Town Centre", violence.wards().get(0).name(), "the town-centre concentration");
            assertTrue(violence.wards().get(0).share() > 0.25);

            WardStatistics.Result asb = ws.wardStatistics(DemoBorough.BOUNDARIES,
                    WardStatistics.Query.of(List.of("Anti-social behaviour"), null, "2024-01", "2024-12", null, 5));
            WardStatistics.WardRow eastfield = asb.wards().stream().filter(w -> w.name().equals("Eastfield")).findFirst().orElseThrow();
            assertTrue(eastfield.changePct() > 80, "Eastfield's planted ASB rise: " + eastfield.changePct());
            for (WardStatistics.WardRow w : asb.wards()) {
                if (!w.name().equals("Eastfield") && w.previousCount() > 50) {
                    assertTrue(Math.abs(w.changePct()) < 50, "no planted rise in " + w.name() + ": " + w.changePct());
                }
            }

            // needle finds and encampments: the planted tables come out exactly
            org.wardheat.service.RepeatService repeats = new org.wardheat.service.RepeatService(ws);
            var side = repeats.topPerPeriod(new org.wardheat.service.RepeatService.Selection(java.util.Set.of("needle-finds"), null,
                            org.wardheat.model.Period.of("2023-01", "2024-12"), DemoBorough.BOUNDARIES, null, null),
                    org.wardheat.repeats.Places.Rule.LABEL, 0, 0, "records", 4,
                    List.of(org.wardheat.model.Period.of("2023-01", "2023-12"), org.wardheat.model.Period.of("2024-01", "2024-12")),
                    org.wardheat.repeats.Outliers.Rules.DEFAULT, false);
            assertEquals(List.of("River Steps 250", "Station Underpass 120", "Mill Lane car park 40", "St Mary's churchyard 30"),
                    side.get("2023-01:2023-12").stream().map(p -> p.label() + " " + p.records()).toList());
            assertEquals(List.of("River Steps 344", "Station Underpass 90", "Mill Lane car park 60", "St Mary's churchyard 25"),
                    side.get("2024-01:2024-12").stream().map(p -> p.label() + " " + p.records()).toList());
            var needles = repeats.repeats(new org.wardheat.service.RepeatService.Selection(java.util.Set.of("needle-finds"), null,
                            org.wardheat.model.Period.of("2024-01", "2024-12"), null, null, null),
                    org.wardheat.repeats.Places.Rule.LABEL, 0, 0, "count", 5, List.of(), org.wardheat.repeats.Outliers.Rules.DEFAULT, false);
            assertEquals(2, needles.outlierRecords(), "the two sealed bags");
            assertEquals(1500, needles.count() - needles.countWithoutOutliers());
            var years = repeats.encampments(new org.wardheat.service.RepeatService.Selection(java.util.Set.of("encampments"), null,
                    org.wardheat.model.Period.of("2023-01", "2024-12"), null, null, null), 1, java.time.LocalDate.of(2025, 1, 31));
            assertEquals(List.of("2023: 9 at 4, 0 open", "2024: 12 at 4, 1 open"),
                    years.stream().map(y -> y.label() + ": " + y.encampments() + " at " + y.locations() + ", " + y.open() + " open").toList());

            // the ward table with --measure count sums the needles: equal to the Count column of the 2024 rows, read here from the file
            long needlesIn2024 = 0;
            for (String line : Files.readAllLines(dir.resolve("source").resolve("wardheath-needle-finds.csv")).stream().skip(1).toList()) {
                String[] f = line.split(",");
                if (f[0].endsWith("/2024")) {
                    needlesIn2024 += Long.parseLong(f[f.length - 1].trim());
                }
            }
            WardStatistics.Query needleQuery = WardStatistics.Query.of(List.of(), List.of("needle-finds"), "2024-01", "2024-12", null, 5);
            WardStatistics.Result counted = ws.wardStatistics(DemoBorough.BOUNDARIES, needleQuery.with(
                    new org.wardheat.analysis.ChangeRules(org.wardheat.analysis.ChangeRules.Measure.COUNT, 1000, 0.05, null, false)));
            assertEquals(needlesIn2024, counted.wards().stream().mapToLong(WardStatistics.WardRow::count).sum()
                    + counted.totals().outside() + counted.totals().withoutLocation(), "needles, not finds");
            assertTrue(needlesIn2024 > 1500 + counted.totals().outside(), "the two sealed bags alone hold 1,500");
            assertEquals("count", counted.measure());
            long finds = ws.wardStatistics(DemoBorough.BOUNDARIES, needleQuery).totals().count();
            assertTrue(finds < needlesIn2024 / 2, "records count finds: " + finds);
            var defaulted = org.wardheat.query.Analyses.of(ws).wards(new org.wardheat.query.WardsQuery(DemoBorough.BOUNDARIES,
                    new org.wardheat.query.Filter(List.of(), List.of("needle-finds"), org.wardheat.model.Period.of("2024-01", "2024-12")),
                    org.wardheat.model.Period.of("2023-01", "2023-12"), 5));
            assertEquals("count", defaulted.measure(), "needle finds are counted in needles unless told otherwise");
            assertEquals(counted.totals().count(), defaulted.totals().count());

            // hotspots default to the same measure for needle finds, and say so (Gi* on the sum of weights); measure=records counts finds
            org.wardheat.query.Filter needles2024 = new org.wardheat.query.Filter(List.of(), List.of("needle-finds"),
                    org.wardheat.model.Period.of("2024-01", "2024-12"));
            org.wardheat.hotspot.CellLayer byDefault = org.wardheat.query.Analyses.of(ws).hotspots(new org.wardheat.query.GiStarQuery(
                    new org.wardheat.query.HotspotQuery(DemoBorough.BOUNDARIES, needles2024, null, 200.0, null, null, null, null), null, null, true));
            assertEquals("count", byDefault.parameters().get("measure"));
            assertTrue(String.valueOf(byDefault.parameters().get("measure_chosen_by")).startsWith("default for the data"), byDefault.parameters().toString());
            assertEquals(counted.wards().stream().mapToLong(WardStatistics.WardRow::count).sum(),
                    java.util.Arrays.stream(byDefault.doubles("n")).sum(), 1e-6, "the cells hold the needles of the wards' finds");
            org.wardheat.hotspot.CellLayer byRecords = org.wardheat.query.Analyses.of(ws).hotspots(new org.wardheat.query.GiStarQuery(
                    new org.wardheat.query.HotspotQuery(DemoBorough.BOUNDARIES, needles2024, null, 200.0, null, false, null, null), null, null, true));
            assertEquals("records", byRecords.parameters().get("measure"));
            assertEquals(null, byRecords.parameters().get("measure_chosen_by"), "asked for, not defaulted");
            assertEquals(finds, java.util.Arrays.stream(byRecords.doubles("n")).sum(), 1e-6, "records count finds");

            long[] july = new long[2], january = new long[2];
            WardStatistics.Result all = ws.wardStatistics(DemoBorough.BOUNDARIES,
                    WardStatistics.Query.of(List.of("Violence and sexual offences"), null, "2024-01", "2024-12", null, 5));
            for (WardStatistics.Series s : all.series()) {
                january[0] += s.counts()[0];
                july[0] += s.counts()[6];
            }
            assertTrue(july[0] > 1.3 * january[0], "summer peak: July " + july[0] + " vs January " + january[0]);
        }
    }
}
