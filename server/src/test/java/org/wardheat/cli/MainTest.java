package org.wardheat.cli;

import org.wardheat.CliTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wardheat.TestFiles;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.POLICE_HEADER;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

/** The command line end to end, in process: output, exit codes and messages on stderr. */
class MainTest extends CliTest {
    private ByteArrayOutputStream out, err;

    @BeforeEach
    void streams() {
        out = cli.out;
        err = cli.err;
    }

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void analystsMonthlyRoundTrip() throws Exception {
        Path wards = TestFiles.threeWards(dir);
        assertEquals(0, run("boundaries", "add", "--id", "three", wards.toString()));
        assertTrue(out.toString().startsWith("boundary set three: 3 wards from wards.geojson (code WD22CD, name WD22NM"), out.toString());
        Files.writeString(dir.resolve("pop.csv"), "ward_code,residents\nE05000001,1000\nE05000002,2000\nE05000003,500\n");
        assertEquals(0, run("population", "add", "--boundaries", "three", dir.resolve("pop.csv").toString()));
        Path csv = Files.writeString(dir.resolve("2022-01.csv"), POLICE_HEADER + row("2022-01", "Burglary", lon(0), LAT)
                + row("2022-01", "Burglary", lon(0), LAT) + row("2022-01", "Drugs", lon(2), LAT) + row("2021-01", "Drugs", lon(2), LAT));
        assertEquals(0, run("import", csv.toString()));
        assertTrue(out.toString().contains("4 rows read: 4 imported, 0 outside every ward, 0 without location, 0 rejected"), out.toString());
        assertEquals(0, run("wards", "--boundaries", "three", "--from", "2022-01", "--to", "2022-12", "--top", "1"));
        // the one file runs from 2021-01 to 2022-01, so it covers 2021 whole but only January of 2022: change is withheld
        String header = "ward_code,ward_name,count,rate_per_1000,share,rank,previous_count,change,change_pct,change_p,change_significant,"
                + "change_reading,rate_ci_low,rate_ci_high,months_with_data,comparison_months_with_data,measure\r\n";
        // rate intervals: R poisson.test(2)$conf.int = 0.2422093 7.2246926 per 1,000 residents × 1,000
        assertEquals(header
                + "E05000001,West,2,2,0.6667,1,0,,,,,,0.242,7.225,1,12,records\r\n"
                + "E05000003,East,1,2,0.3333,2,1,,,,,,0.051,11.143,1,12,records\r\n"
                + "E05000002,Middle,0,0,0,3,0,,,,,,0,1.844,1,12,records\r\n", out.toString());
        assertTrue(err.toString().contains("months with data: 1 of 12 in 2022-01:2022-12, 12 of 12 in 2021-01:2021-12"), err.toString());
        assertTrue(err.toString().contains("warning: the period 2022-01 to 2022-12 has no data for 2022-02, 2022-03,"), err.toString());
        out.reset();
        assertEquals(0, run("wards", "--boundaries", "three", "--from", "2022-01", "--to", "2022-12", "--top", "1", "--allow-partial",
                "--per", "10000"));
        // R: poisson.test(c(1, 1), c(12, 12))$p.value = 1; poisson.test(c(2, 0), c(12, 12))$p.value = 0.5
        assertEquals(header.replace("rate_per_1000", "rate_per_10000")
                + "E05000001,West,2,20,0.6667,1,0,2,,0.5,0,\"up from none, not significant (p = 0.5)\",2.422,72.247,1,12,records\r\n"
                + "E05000003,East,1,20,0.3333,2,1,0,0,1,0,\"no change, not significant (p = 1)\",0.506,111.433,1,12,records\r\n"
                + "E05000002,Middle,0,0,0,3,0,0,,1,0,none in either period,0,18.444,1,12,records\r\n",
                out.toString());
        assertTrue(err.toString().contains("These 1 wards account for 67% of all incidents (2 of 3)"), err.toString());
    }

    /** The harm-weights file keeps its first row unless it is a header; a category without a weight is an error naming it. */
    @Test
    void harmWeightsKeepTheFirstLineAndRefuseMissingCategories() throws Exception {
        assertEquals(0, run("boundaries", "add", "--id", "three", TestFiles.threeWards(dir).toString()));
        Path csv = Files.writeString(dir.resolve("2022-01.csv"), POLICE_HEADER + row("2022-01", "Burglary", lon(0), LAT)
                + row("2022-01", "Burglary", lon(0), LAT) + row("2022-01", "Drugs", lon(2), LAT));
        assertEquals(0, run("import", csv.toString()));
        String[] kde = {"hotspots", "kde", "--boundaries", "three", "--from", "2022-01", "--to", "2022-01", "--cell", "500", "--harm-weights"};
        Path noHeader = Files.writeString(dir.resolve("harm.csv"), "Burglary,10\nDrugs,1\n");
        assertEquals(0, run(concat(kde, noHeader.toString())), err.toString());
        String withoutHeader = out.toString();
        assertTrue(err.toString().contains("each incident 1 x harm weight per category {Burglary=10.0, Drugs=1.0}"), err.toString());
        Path header = Files.writeString(dir.resolve("harm-header.csv"), "category,weight\nBurglary,10\nDrugs,1\n");
        assertEquals(0, run(concat(kde, header.toString())), err.toString());
        assertEquals(withoutHeader, out.toString(), "a header row is optional");
        Path partial = Files.writeString(dir.resolve("harm-partial.csv"), "Robbery,20\n");
        assertEquals(1, run(concat(kde, partial.toString())));
        assertTrue(err.toString().contains("harm-partial.csv has no harm weight for 2 categories: Burglary, Drugs; add them, or give a default weight"), err.toString());
        assertEquals(0, run(concat(kde, partial.toString(), "--default-weight", "1")), err.toString());
        assertTrue(err.toString().contains("{Robbery=20.0}, others 1.0"), err.toString());
        assertEquals(2, run("hotspots", "kde", "--boundaries", "three", "--from", "2022-01", "--to", "2022-01", "--default-weight", "1"),
                "a parameter error is a usage error");
        assertTrue(err.toString().contains("--default-weight: needs harm weights (--harm-weights)"), err.toString());
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /** The wardheat script's start-up training runs every command it names and leaves nothing behind. */
    @Test
    void trainStartupRunsItsCommandsAndLeavesNoFiles() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        java.util.Set<Path> before = trainingDirs(tmp);
        assertEquals(0, Main.run("train-startup"), err.toString());
        assertEquals(before, trainingDirs(tmp));
        assertEquals("", out.toString());
    }

    private static java.util.Set<Path> trainingDirs(Path tmp) throws java.io.IOException {
        try (var all = Files.list(tmp)) {
            return all.filter(p -> p.getFileName().toString().startsWith("wardheat-train")).collect(java.util.stream.Collectors.toSet());
        }
    }

    @Test
    void errorsGoToStderrWithANonZeroExit() throws Exception {
        assertEquals(1, run("wards", "--boundaries", "none", "--from", "2022-01", "--to", "2022-12"));
        assertTrue(err.toString().startsWith("wardheat: error: no boundary set 'none'"), err.toString());
        Path bad = Files.writeString(dir.resolve("bad.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[]}");
        assertEquals(1, run("boundaries", "add", "--id", "x", bad.toString()));
        assertEquals("wardheat: error: bad.geojson: the FeatureCollection has no features, so no ward polygons\n", err.toString());
        assertEquals(2, run("wards", "--from", "2022-01"), "usage errors exit 2");
        assertEquals(2, run("wards", "--boundaries", "x", "--from", "2022-01", "--to", "2022-02", "--format", "xml"), "a value out of range is a usage error");
        assertTrue(err.toString().endsWith("wardheat: error: --format: 'xml' is not allowed; expected csv, json, geojson, gpkg\n"), err.toString());
    }

    @Test
    void serveChecksItsRangesBeforeOpeningAnything() {
        assertEquals(2, run("serve", "--max-upload-mb", "0"));
        assertTrue(err.toString().contains("--max-upload-mb") && err.toString().contains("MiB from 1 to 65536"), err.toString());
        assertEquals(2, run("serve", "--analysis-seconds", "90000"));
        assertTrue(err.toString().contains("--analysis-seconds") && err.toString().contains("seconds from 1 to 86400"), err.toString());
        assertEquals(2, run("serve", "--port", "70000"));
        assertTrue(err.toString().contains("--port") && err.toString().contains("a TCP port from 0 to 65535"), err.toString());
        assertTrue(Files.notExists(dir.resolve("data")), "nothing opened before the checks");
    }

    @Test
    void everyCommandsHelpRendersWithoutAPicocliWarning() {
        java.util.List<String> names = new java.util.ArrayList<>(new picocli.CommandLine(new Main()).getSubcommands().keySet());
        assertTrue(names.size() > 15, names.toString());
        for (String name : names) {
            out.reset();
            err.reset();
            Main.run("help", name);
            assertFalse(err.toString().contains("WARN"), name + ": " + err); // e.g. a bare '%' in a description
            assertTrue(out.toString().contains("Usage:"), name + ": " + out);
        }
    }

    @Test
    void aNamedCommandBuildsOnlyItsOwnModelAndBehavesTheSame() {
        picocli.CommandLine one = Main.commandLine("wards", "--help");
        assertEquals(java.util.Set.of("wards"), one.getSubcommands().keySet());
        assertTrue(Main.commandLine("--version").getSubcommands().size() > 15);
        assertTrue(Main.commandLine("help", "wards").getSubcommands().size() > 15);
        assertEquals(0, run("wards", "--help"));
        assertTrue(out.toString().startsWith("Usage: wardheat wards"), out.toString());
        assertEquals(2, run("wards", "--boundaries", "x", "--from", "2024-01", "--to", "2024-01", "--per", "7"));
        assertTrue(err.toString().contains("--per"), err.toString());
        assertEquals(2, run("ward"));
        assertTrue(err.toString().contains("Unmatched argument") || err.toString().contains("Did you mean"), err.toString());
    }
}
