package org.wardheat.context;

import org.wardheat.CliTest;

import org.junit.jupiter.api.Test;
import org.wardheat.TestFiles;
import org.wardheat.service.Workspace;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code boundaries dissolve} and {@code strategic --each-area} on three hand-made wards (two districts). */
class DissolveCliTest extends CliTest {

    private int run(String... args) {
        return cli.run(args);
    }

    /** Three 0.01° squares side by side; West and Middle in district D1 ("One"), East in D2 ("Two"). */
    private Path wards() throws Exception {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        String[] names = {"West", "Middle", "East"}, lads = {"D1", "D1", "D2"}, ladNames = {"One", "One", "Two"};
        for (int i = 0; i < 3; i++) {
            double x = 0.50 + 0.01 * i;
            sb.append(i > 0 ? "," : "").append(String.format(Locale.ROOT,
                    "{\"type\":\"Feature\",\"properties\":{\"WD22CD\":\"E0500000%d\",\"WD22NM\":\"%s\",\"CSP\":\"%s\",\"LAD22NM\":\"%s\",\"n\":%d},"
                            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.2f,51.20],[%.2f,51.20],[%.2f,51.21],[%.2f,51.21],[%.2f,51.20]]]}}",
                    i + 1, names[i], lads[i], ladNames[i], i, x, x + 0.01, x + 0.01, x, x));
        }
        return Files.writeString(dir.resolve("wards.geojson"), sb.append("]}").toString());
    }

    @Test
    void dissolvesByAPropertyAndTablesEachDistrictWithTheWholeSet() throws Exception {
        assertEquals(0, run("boundaries", "add", "--id", "three", wards().toString()), () -> cli.err());
        Files.writeString(dir.resolve("pop.csv"), "ward_code,residents\nE05000001,1000\nE05000002,2000\nE05000003,500\n");
        assertEquals(0, run("population", "add", "--boundaries", "three", dir.resolve("pop.csv").toString()), () -> cli.err());
        assertEquals(0, run("boundaries", "dissolve", "--from", "three", "--by", "CSP", "--id", "csps"), () -> cli.err());
        assertEquals("boundary set csps: 2 areas from the 3 wards of three by CSP (names from the codes); 2 with population\n"
                + "D1\t2 wards\nD2\t1 wards\n", cli.out().replace("\r\n", "\n"));
        try (Workspace ws = Workspace.open(dir.resolve("data"))) {
            var set = ws.boundarySet("csps");
            assertEquals(3000.0, set.population().get("D1"));
            assertEquals(500.0, set.population().get("D2"));
            assertEquals(2e-4, set.wards().get(0).geometry().getArea(), 1e-12, "D1 = two 0.01° squares");
            assertEquals(1, set.wards().get(0).geometry().getNumGeometries(), "the shared edge is dissolved");
        }
        // unknown property: a clear error naming the ward and the properties it has
        assertNotEquals(0, run("boundaries", "dissolve", "--from", "three", "--by", "LAD99CD", "--id", "x"));
        assertTrue(cli.err().contains("ward E05000001 (West) has no value for property 'LAD99CD'"), cli.err());

        String rows = TestFiles.POLICE_HEADER + TestFiles.row("2022-01", "Burglary", TestFiles.lon(0), TestFiles.LAT)
                + TestFiles.row("2022-01", "Burglary", TestFiles.lon(1), TestFiles.LAT)
                + TestFiles.row("2022-01", "Drugs", TestFiles.lon(2), TestFiles.LAT)
                + TestFiles.row("2021-01", "Drugs", TestFiles.lon(2), TestFiles.LAT)
                + TestFiles.row("2021-01", "Drugs", TestFiles.lon(0), TestFiles.LAT);
        assertEquals(0, run("import", "--boundaries", "csps", Files.writeString(dir.resolve("2022-01.csv"), rows).toString()), () -> cli.err());
        assertEquals(0, run("strategic", "--boundaries", "csps", "--each-area", "--from", "2022-01", "--to", "2022-01",
                "--compare", "2021-01:2021-01"), () -> cli.err());
        assertEquals("""
                area_code,area_name,category,this_period,last_period,difference,change_pct,rate_per_1000,period,comparison,change_p,change_significant,change_reading,rate_ci_low,rate_ci_high,months_with_data,comparison_months_with_data,measure\r
                D1,D1,Burglary,2,0,2,,0.667,2022-01:2022-01,2021-01:2021-01,0.5,0,"up from none, not significant (p = 0.5)",0.081,2.408,1,1,records\r
                D1,D1,Drugs,0,1,-1,-100,0,2022-01:2022-01,2021-01:2021-01,1,0,"down 100%, not significant (p = 1)",0,1.23,1,1,records\r
                D1,D1,All,2,1,1,100,0.667,2022-01:2022-01,2021-01:2021-01,1,0,"up 100%, not significant (p = 1)",0.081,2.408,1,1,records\r
                D2,D2,Drugs,1,1,0,0,2,2022-01:2022-01,2021-01:2021-01,1,0,"no change, not significant (p = 1)",0.051,11.143,1,1,records\r
                D2,D2,All,1,1,0,0,2,2022-01:2022-01,2021-01:2021-01,1,0,"no change, not significant (p = 1)",0.051,11.143,1,1,records\r
                ALL,whole set (csps),Burglary,2,0,2,,0.571,2022-01:2022-01,2021-01:2021-01,0.5,0,"up from none, not significant (p = 0.5)",0.069,2.064,1,1,records\r
                ALL,whole set (csps),Drugs,1,2,-1,-50,0.286,2022-01:2022-01,2021-01:2021-01,1,0,"down 50%, not significant (p = 1)",0.007,1.592,1,1,records\r
                ALL,whole set (csps),All,3,2,1,50,0.857,2022-01:2022-01,2021-01:2021-01,1,0,"up 50%, not significant (p = 1)",0.177,2.505,1,1,records\r
                """, cli.out());
        String cliCsv = cli.out();
        // comparator: mean rate of the 2 lowest-rate areas per category (D2 has no burglary: rate 0)
        assertEquals(0, run("strategic", "--boundaries", "csps", "--each-area", "--best", "2", "--from", "2022-01", "--to", "2022-01",
                "--compare", "2021-01:2021-01"), () -> cli.err());
        assertEquals("""
                area_code,area_name,category,this_period,last_period,difference,change_pct,rate_per_1000,best_2_rate_per_1000,period,comparison,change_p,change_significant,change_reading,rate_ci_low,rate_ci_high,months_with_data,comparison_months_with_data,measure\r
                D1,D1,Burglary,2,0,2,,0.667,0.333,2022-01:2022-01,2021-01:2021-01,0.5,0,"up from none, not significant (p = 0.5)",0.081,2.408,1,1,records\r
                D1,D1,Drugs,0,1,-1,-100,0,1,2022-01:2022-01,2021-01:2021-01,1,0,"down 100%, not significant (p = 1)",0,1.23,1,1,records\r
                D1,D1,All,2,1,1,100,0.667,1.333,2022-01:2022-01,2021-01:2021-01,1,0,"up 100%, not significant (p = 1)",0.081,2.408,1,1,records\r
                D2,D2,Drugs,1,1,0,0,2,1,2022-01:2022-01,2021-01:2021-01,1,0,"no change, not significant (p = 1)",0.051,11.143,1,1,records\r
                D2,D2,All,1,1,0,0,2,1.333,2022-01:2022-01,2021-01:2021-01,1,0,"no change, not significant (p = 1)",0.051,11.143,1,1,records\r
                ALL,whole set (csps),Burglary,2,0,2,,0.571,0.333,2022-01:2022-01,2021-01:2021-01,0.5,0,"up from none, not significant (p = 0.5)",0.069,2.064,1,1,records\r
                ALL,whole set (csps),Drugs,1,2,-1,-50,0.286,1,2022-01:2022-01,2021-01:2021-01,1,0,"down 50%, not significant (p = 1)",0.007,1.592,1,1,records\r
                ALL,whole set (csps),All,3,2,1,50,0.857,1.333,2022-01:2022-01,2021-01:2021-01,1,0,"up 50%, not significant (p = 1)",0.177,2.505,1,1,records\r
                """, cli.out());
        // the strategic table's rules apply to every area: rates per 10,000 are 10 x those per 1,000
        assertEquals(0, run("strategic", "--boundaries", "csps", "--each-area", "--per", "10000", "--from", "2022-01", "--to", "2022-01",
                "--compare", "2021-01:2021-01"), () -> cli.err());
        String[] per10k = cli.out().split("\r\n");
        assertTrue(per10k[0].startsWith("area_code,area_name,category,this_period,last_period,difference,change_pct,rate_per_1000,rate_per_10000,"), per10k[0]);
        assertTrue(per10k[1].startsWith("D1,D1,Burglary,2,0,2,,0.667,6.667,"), per10k[1]);
        assertEquals(2, run("strategic", "--boundaries", "csps", "--each-area", "--best", "51", "--from", "2022-01", "--to", "2022-01"));
        assertTrue(cli.err().contains("best"), cli.err());
        try (org.wardheat.TestServer server = org.wardheat.TestServer.start(dir.resolve("data"), ws -> { })) {
            var res = server.get("/api/strategic?boundaries=csps&each_area=true&from=2022-01&to=2022-01&compare=2021-01:2021-01&format=csv");
            assertEquals(200, res.statusCode());
            assertEquals(cliCsv, new String(res.body(), StandardCharsets.UTF_8), "HTTP CSV = CLI CSV");
            assertEquals(400, server.get("/api/strategic?each_area=true&from=2022-01&to=2022-01").statusCode(), "boundaries required");
        }
    }
}
