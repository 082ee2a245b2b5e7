package org.wardheat.spark;

import org.apache.sedona.spark.SedonaContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.boundaries.Projection;
import org.wardheat.boundaries.Ward;
import org.wardheat.boundaries.WardIndex;
import org.wardheat.imports.ImportReport;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.model.IncidentTable;
import org.wardheat.service.Workspace;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark/Sedona job in local mode on the real Kent 2022 police.uk files (skipped when
 * ../shared/data/real is absent): its counts must equal the single-machine path exactly.
 */
class WardAggregationJobTest {
    static Path real;
    static SparkSession spark;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        real = Path.of(System.getProperty("wardheat.realdata", "../shared/data/real"));
        Assumptions.assumeTrue(Files.isDirectory(real.resolve("police_uk_kent")), "no real data at " + real.toAbsolutePath());
        spark = SedonaContext.create(SedonaContext.builder().master("local[2]").appName("wardheat-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate());
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static Path kent2022() {
        return real.resolve("police_uk_kent/karnmodi_BDML"); // the twelve 2022 files
    }

    @Test
    void maidstone2022WardCountsEqualTheGeopandasReferenceRowForRow() throws Exception {
        Path wards = real.resolve("drkane_geo-lookups/boundaries/ward_WD22_commit_d23350ed/E07000110.geojson");
        Path out = dir.resolve("maidstone");
        Map<String, Long> report = WardAggregationJob.run(spark, new JobOptions(kent2022().toString(), wards.toString(),
                out.toString(), null, List.of(250), null));

        // MANIFEST.md: 200,945 rows in the twelve files, 2,114 without coordinates, Maidstone 17,902
        // (the same figures wardheat's RealDataTest asserts for its own import)
        assertEquals(200_945, report.get("rows_read"));
        assertEquals(17_902, report.get("imported"));
        assertEquals(180_929, report.get("outside_every_ward"));
        assertEquals(2_114, report.get("without_location"));
        assertEquals(0, report.get("rejected"));

        // the job's CSV output, read back as a future `wardheat import` of aggregates would read it
        List<String> written = readParts(out.resolve("ward_counts"));
        // the geopandas reference that wardheat's own RealDataTest matches (surefire runs in spark/)
        List<String> reference = Files.readAllLines(Path.of("../server/src/test/resources/reference/maidstone-wd22-kent-2022.csv"));
        assertEquals(2_614, reference.size(), "the reference: a header and 2,613 ward x month x category rows");
        assertEquals(reference, written);
        assertEquals(List.of("measure,count", "rows_read,200945", "imported,17902", "outside_every_ward,180929",
                "without_location,2114", "rejected,0"), readParts(out.resolve("report")));
    }

    @Test
    void kent2022InKents255WardsAndTheirGridCellsEqualWardheatsOwnJoin() throws Exception {
        Path wardsFile = real.resolve("drkane_geo-lookups/boundaries/ward/E10000016.geojson");
        WardAggregation job = new WardAggregation(spark, new JobOptions(kent2022().toString(), wardsFile.toString(),
                dir.resolve("kent").toString(), null, List.of(250), null));
        Map<String, Long> sparkWards = new TreeMap<>();
        for (Row r : job.wardCounts().collectAsList()) {
            sparkWards.put(r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2), r.getLong(3));
        }
        Map<String, Long> sparkCells = new TreeMap<>();
        for (Row r : job.gridCounts(250).collectAsList()) {
            sparkCells.put(r.getString(0) + "|" + r.getLong(2) + "|" + r.getLong(3) + "|" + r.getString(4) + "|" + r.getString(5), r.getLong(6));
        }

        // the single-machine path: wardheat's import, its stored incidents and its ward of each incident
        Map<String, Long> wardheatWards = new TreeMap<>();
        Map<String, Long> wardheatCells = new TreeMap<>();
        try (Workspace ws = Workspace.open(dir.resolve("wardheat"))) {
            ws.addBoundaries("kent", wardsFile, null, null);
            List<Path> files;
            try (Stream<Path> s = Files.list(kent2022())) {
                files = s.sorted().toList();
            }
            ImportReport imported = ws.importFiles(files, IncidentFormat.POLICE_UK, "police-uk", "kent");
            assertEquals(job.report().get("imported"), imported.totals().imported(), "rows in a ward: Spark against wardheat");
            IncidentTable t = ws.incidents();
            int[] wardOf = ws.wardOf("kent");
            List<Ward> wards = ws.boundarySet("kent").wards();
            double[] xy = new double[2 * t.size()];
            for (int i = 0; i < t.size(); i++) {
                xy[2 * i] = t.hasLocation(i) ? t.lon(i) : 0;
                xy[2 * i + 1] = t.hasLocation(i) ? t.lat(i) : 51;
            }
            Projection.transformInPlace(xy, Projection.WGS84, Projection.BNG);
            for (int i = 0; i < t.size(); i++) {
                if (wardOf[i] == WardIndex.OUTSIDE) {
                    continue;
                }
                String month = String.format("%04d-%02d", t.month(i) / 100, t.month(i) % 100);
                String code = wards.get(wardOf[i]).code();
                wardheatWards.merge(code + "|" + month + "|" + t.category(i), 1L, Long::sum);
                long col = (long) Math.floor(xy[2 * i] / 250), row = (long) Math.floor(xy[2 * i + 1] / 250);
                wardheatCells.merge(code + "|" + col + "|" + row + "|" + month + "|" + t.category(i), 1L, Long::sum);
            }
        }
        assertTrue(wardheatWards.size() > 10_000, "ward x month x category combinations: " + wardheatWards.size());
        assertEquals(wardheatWards.values().stream().mapToLong(Long::longValue).sum(),
                sparkWards.values().stream().mapToLong(Long::longValue).sum(), "incidents in Kent's wards");
        assertEquals(wardheatWards, sparkWards);
        assertEquals(wardheatCells, sparkCells);
    }

    /** The CSV part files Spark wrote into a directory, as lines, the header once. */
    private static List<String> readParts(Path directory) throws Exception {
        List<Path> parts;
        try (Stream<Path> s = Files.list(directory)) {
            parts = s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
        }
        assertEquals(1, parts.size(), "one part file in " + directory);
        return Files.readAllLines(parts.get(0), StandardCharsets.UTF_8);
    }
}
