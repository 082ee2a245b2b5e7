package org.wardheat.context;

import org.wardheat.CliRun;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.boundaries.DeprivationContext;
import org.wardheat.service.Workspace;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * IoD 2019 deciles and Census 2021 age bands for the focus area Park Wood + Shepway North + Shepway South
 * (Maidstone 2022 wards), against {@code reference/deprivation_geopandas.py} → {@code maidstone-wd22-deprivation.csv}.
 */
class DeprivationRealDataTest {
    static Path real;
    @TempDir
    static Path dir;

    @BeforeAll
    static void locate() {
        real = RealData.require("cwthom_hack25usefuldata");
    }

    @Test
    void focusAreaDeprivationEqualsTheGeopandasComputation() throws Exception {
        Path b = real.resolve("drkane_geo-lookups/boundaries");
        try (Workspace ws = Workspace.open(dir.resolve("maidstone"))) {
            ws.addBoundaries("maidstone-2022", b.resolve("ward_WD22_commit_d23350ed/E07000110.geojson"), null, null);
            DeprivationContext ctx = DeprivationContext.read(ws.boundarySet("maidstone-2022").wards(),
                    List.of(b.resolve("lsoa11/E07000110.geojson")), List.of(b.resolve("lsoa/E07000110.geojson")),
                    real.resolve("cwthom_hack25usefuldata/census2021_lsoa21_usual_residents_by_age6_Kent_Medway.csv.gz"),
                    real.resolve("cwthom_hack25usefuldata/iod2019_lsoa11_ranks_deciles_Kent_Medway.csv"));
            assertEquals(175_812, ctx.figures(ws.boundarySet("maidstone-2022").wards().stream().map(w -> w.code()).toList()).residents(),
                    1e-9, "MANIFEST: Maidstone's 99 LSOAs hold 175,812 residents");
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    getClass().getResourceAsStream("/reference/maidstone-wd22-deprivation.csv"), StandardCharsets.UTF_8))) {
                String[] bands = in.readLine().split(",");
                int rows = 0;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] f = line.split(",");
                    List<String> codes = f[0].equals("focus") ? List.of("E05005002", "E05005003", "E05005004") : List.of(f[0]);
                    DeprivationContext.Figures got = ctx.figures(codes);
                    assertEquals(Double.parseDouble(f[1]), got.residents(), 1e-9, f[0] + " residents");
                    assertEquals(got.residents(), got.residentsWithIod(), 1e-9, f[0] + ": every Census LSOA lies in an IoD LSOA");
                    assertEquals(Double.parseDouble(f[2]), got.meanRank(), 1e-6, f[0] + " mean IMD rank");
                    assertEquals(Double.parseDouble(f[3]), got.shareMostDeprived(), 1e-6, f[0] + " share in decile 1");
                    for (int i = 4; i < bands.length; i++) {
                        assertEquals(Double.parseDouble(f[i]), got.byAge().get(bands[i]), 1e-9, f[0] + " " + bands[i]);
                    }
                    rows++;
                }
                assertEquals(4, rows);
            }
            DeprivationContext.Figures focus = ctx.figures(List.of("E05005002", "E05005003", "E05005004"));
            assertEquals(24_524, focus.residents(), 1e-9);
            assertEquals(0.180802, focus.shareMostDeprived(), 1e-6, "18.1% of the focus area's residents live in England's most deprived tenth");
            ws.store().focusAreas().save("Park Wood and Shepway", "maidstone-2022", List.of("E05005002", "E05005003", "E05005004"),
                    ws.boundarySet("maidstone-2022").wards().get(0).geometry());
        }
        // the same figures for the saved focus area through the command line
        try (CliRun cli = new CliRun(dir.resolve("maidstone"))) {
            assertEquals(0, cli.run("context", "--area-id", "1", "--lsoa11-polygons", b.resolve("lsoa11/E07000110.geojson").toString(),
                    "--lsoa21-polygons", b.resolve("lsoa/E07000110.geojson").toString(), "--population",
                    real.resolve("cwthom_hack25usefuldata/census2021_lsoa21_usual_residents_by_age6_Kent_Medway.csv.gz").toString(),
                    "--iod", real.resolve("cwthom_hack25usefuldata/iod2019_lsoa11_ranks_deciles_Kent_Medway.csv").toString()), cli::err);
            assertEquals("focus,the 3 wards together,24524,10387.1,0.1808,5829,2295,3533,4784,4272,3811",
                    cli.out().lines().reduce((x, y) -> y).orElseThrow(), cli.out());
        }
    }
}
