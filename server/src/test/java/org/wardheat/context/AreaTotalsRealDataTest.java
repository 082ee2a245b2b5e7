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

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

            Map<String, Map<String, Double>> ref = new HashMap<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    getClass().getResourceAsStream("/reference/fms-kent-wd25-apportioned.csv"), StandardCharsets.UTF_8))) {
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
}
