package org.wardheat.service;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.wardheat.analysis.ChangeRules;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.boundaries.Ward;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.model.Incident;
import org.wardheat.store.DatasetInfo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ward tables answered from the stored ward counts equal those computed from every incident and its
 * ward (the way they were computed before schema 5), on real Kent data and on generated data with points
 * on shared ward edges, without location, outside the wards, weights, and deletions.
 */
class WardCountsTest {
    @TempDir
    Path dir;

    /** Ward statistics from the incidents themselves: every row located by the set's index. */
    private static WardStatistics.Result fromIncidents(Workspace ws, String set, WardStatistics.Query q) {
        Snapshot snap = ws.snapshot();
        LoadedSet s = snap.boundarySet(set);
        return WardStatistics.compute(q, s.wards(), s.population(), snap.incidents(), snap.wardOf(set));
    }

    private static void assertSame(WardStatistics.Result expected, WardStatistics.Result actual) {
        assertEquals(expected.wards(), actual.wards());
        assertEquals(expected.totals(), actual.totals());
        assertEquals(expected.top(), actual.top());
        assertEquals(expected.months(), actual.months());
        assertEquals(expected.coverage(), actual.coverage());
        assertEquals(expected.measure(), actual.measure());
        assertEquals(expected.series().size(), actual.series().size());
        for (int i = 0; i < expected.series().size(); i++) {
            assertEquals(expected.series().get(i).code(), actual.series().get(i).code());
            assertArrayEquals(expected.series().get(i).counts(), actual.series().get(i).counts(), expected.series().get(i).code());
        }
    }

    /** Compares a year, each category, each dataset and the weighted measure. */
    private static int compareAll(Workspace ws, String set, String from, String to) {
        int compared = 0;
        List<WardStatistics.Query> queries = new ArrayList<>();
        queries.add(WardStatistics.Query.of(null, null, from, to, null, 5));
        queries.add(WardStatistics.Query.of(null, null, from, to, "year-ago", 3)
                .with(ChangeRules.DEFAULT.withMeasure(ChangeRules.Measure.COUNT)));
        for (String category : ws.categoryCounts().keySet()) {
            queries.add(WardStatistics.Query.of(List.of(category), null, from, to, null, 5));
        }
        for (String dataset : ws.incidents().datasets()) {
            queries.add(WardStatistics.Query.of(null, List.of(dataset), from, from, null, 5));
        }
        for (WardStatistics.Query q : queries) {
            WardStatistics.Result expected = fromIncidents(ws, set, q);
            assertSame(expected, ws.wardStatistics(set, q));
            compared++;
        }
        return compared;
    }

    @Test
    void kent2022WardTablesFromTheCountsEqualThoseFromTheIncidents() throws Exception {
        Path real = Path.of(System.getProperty("wardheat.realdata", "../shared/data/real"));
        Path crimes = real.resolve("police_uk_kent/karnmodi_BDML");
        Assumptions.assumeTrue(Files.isDirectory(crimes), "no real data at " + real.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> list = Files.list(crimes)) {
            files = list.filter(f -> f.getFileName().toString().startsWith("2022-")).sorted().toList();
        }
        try (Workspace ws = Workspace.open(dir)) {
            // one set before the import (counted at import), one after (counted in one pass over the stored incidents)
            ws.addBoundaries("maidstone-2022", real.resolve("drkane_geo-lookups/boundaries/ward_WD22_commit_d23350ed/E07000110.geojson"), null, null);
            ws.importFiles(files, IncidentFormat.POLICE_UK, "police-uk", "maidstone-2022");
            ws.addBoundaries("medway-2023", real.resolve("drkane_geo-lookups/boundaries/ward/E06000035.geojson"), null, null);
            assertEquals(200_945, ws.categoryCounts().values().stream().mapToLong(Long::longValue).sum());
            assertTrue(compareAll(ws, "maidstone-2022", "2022-01", "2022-12") > 10);
            compareAll(ws, "medway-2023", "2022-01", "2022-12");
            compareAll(ws, "medway-2023", "2022-06", "2022-06");
        }
        try (Workspace reopened = Workspace.open(dir)) { // the counts persist
            compareAll(reopened, "maidstone-2022", "2022-01", "2022-12");
        }
    }

    /** A 4 × 4 grid of square wards of 0.01° from (0, 50), codes W00..W33. */
    private static List<Ward> grid() {
        List<Ward> wards = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double x = i * 0.01, y = 50 + j * 0.01;
                Geometry g = GeoJsonGeometry.FACTORY.createPolygon(new Coordinate[] {new Coordinate(x, y),
                        new Coordinate(x + 0.01, y), new Coordinate(x + 0.01, y + 0.01), new Coordinate(x, y + 0.01), new Coordinate(x, y)});
                wards.add(new Ward("W" + i + j, "Ward " + i + j, null, g));
            }
        }
        return wards;
    }

    private static void importGenerated(Workspace ws, String dataset, int files, int rowsPerFile, long seed) {
        Random random = new Random(seed);
        String[] categories = {"Burglary", "Vehicle crime", "Needles", "Anti-social behaviour"};
        ws.store().incidents().importing(w -> {
            w.ensureDataset(dataset, "council");
            for (int f = 0; f < files; f++) {
                w.beginFile(dataset, dataset + "-" + f + ".csv");
                for (int r = 0; r < rowsPerFile; r++) {
                    int k = (f * 3 + random.nextInt(6)) % 18; // 2021-01 to 2022-06
                    int month = (2021 + k / 12) * 100 + k % 12 + 1;
                    double lon, lat;
                    int kind = random.nextInt(10);
                    if (kind == 0) { // on a shared edge or corner of the grid
                        lon = random.nextInt(5) * 0.01;
                        lat = 50 + random.nextInt(5) * 0.01;
                    } else if (kind == 1) { // outside the grid
                        lon = -0.01 - random.nextDouble() * 0.02;
                        lat = 50 + random.nextDouble() * 0.04;
                    } else if (kind == 2) {
                        lon = Double.NaN;
                        lat = Double.NaN;
                    } else {
                        lon = random.nextDouble() * 0.04;
                        lat = 50 + random.nextDouble() * 0.04;
                    }
                    double weight = 1 + random.nextInt(4);
                    w.add(r + 2, new Incident(month, null, null, categories[random.nextInt(categories.length)], null, lon, lat,
                            null, null, null, weight, null));
                }
                w.endFile("sha-" + dataset + "-" + f);
                w.setReport("sha-" + dataset + "-" + f, "{}");
            }
            return null;
        });
    }

    @Test
    void generatedWardTablesFromTheCountsEqualThoseFromTheIncidentsThroughImportsAndDeletions() {
        try (Workspace ws = Workspace.open(dir)) {
            ws.store().boundaries().add("grid", "test", "code", "name", "EPSG:4326", List.of(), grid());
            importGenerated(ws, "council-a", 4, 2_000, 1);
            importGenerated(ws, "council-b", 3, 1_500, 2);
            ws.store().boundaries().add("grid-again", "test", "code", "name", "EPSG:4326", List.of(), grid().subList(0, 9));
            compareAll(ws, "grid", "2021-07", "2022-06");
            compareAll(ws, "grid-again", "2021-01", "2021-12");

            DatasetInfo a = ws.store().importLog().datasets().stream().filter(d -> d.id().equals("council-a")).findFirst().orElseThrow();
            ws.store().importLog().deleteFile("council-a", a.files().get(1).id());
            compareAll(ws, "grid", "2021-07", "2022-06");
            compareAll(ws, "grid-again", "2021-01", "2021-12");
            ws.store().importLog().deleteDataset("council-b");
            compareAll(ws, "grid", "2021-07", "2022-06");
            assertEquals(Set.of("council-a"), Set.copyOf(ws.snapshot().monthly().datasets()));
            assertEquals(6_000, ws.categoryCounts().values().stream().mapToLong(Long::longValue).sum());
            assertEquals(Arrays.asList(ws.incidents().categories().toArray()), ws.snapshot().monthly().categories(),
                    "categories in first-stored order");
        }
    }
}
