package org.wardheat.boundaries;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.boundaries.Fixtures.collection;
import static org.wardheat.boundaries.Fixtures.feature;
import static org.wardheat.boundaries.Fixtures.square;
import static org.wardheat.boundaries.Fixtures.ward;

class WardPopulationTest {
    @TempDir
    Path dir;

    private static WardIndex twoWards() {
        return new WardIndex(new BoundaryReader(null, null).read(new ByteArrayInputStream(collection(null,
                ward("E05000001", "West", square(0.50, 51.20, 0.02)),
                ward("E05000002", "East", square(0.52, 51.20, 0.02))).getBytes(StandardCharsets.UTF_8)), "w").wards());
    }

    @Test
    void lsoaResidentsGoToTheWardHoldingTheirInteriorPoint() throws Exception {
        Path polygons = Files.writeString(dir.resolve("lsoa.geojson"), collection(null,
                feature("\"LSOA21CD\":\"E01000001\"", "Polygon", square(0.50, 51.20, 0.01)),
                feature("\"LSOA21CD\":\"E01000002\"", "Polygon", square(0.51, 51.21, 0.01)),
                // straddles the ward edge, but its interior point is in East
                feature("\"LSOA21CD\":\"E01000003\"", "Polygon", "[[[0.515,51.20],[0.54,51.20],[0.54,51.205],[0.515,51.205],[0.515,51.20]]]"),
                feature("\"LSOA21CD\":\"E01000004\"", "Polygon", square(0.60, 51.20, 0.01)),
                feature("\"LSOA21CD\":\"E01000005\"", "Polygon", square(0.52, 51.21, 0.005))));
        // two age-band rows for E01000001 are summed; E01000005 has no count
        Path counts = Files.writeString(dir.resolve("counts.csv"), "lsoa21_code,age_group,usual_residents\n"
                + "E01000001,0-15,300\nE01000001,16+,1200\nE01000002,all,1600\nE01000003,all,1700\nE01000004,all,999\n");
        WardPopulation.Result r = WardPopulation.fromLsoas(twoWards(), polygons, counts);
        assertEquals(Map.of("E05000001", 3100.0, "E05000002", 1700.0), r.residents());
        assertTrue(r.notes().contains("3 LSOAs assigned to wards by interior point"), r.notes().toString());
        assertTrue(r.notes().contains("1 LSOAs lie outside every ward of the set and were left out"));
        assertTrue(r.notes().contains("1 LSOA polygons have no count in counts.csv and were left out"));
    }

    @Test
    void wardCsvWithUnknownAndMissingWards() throws Exception {
        Path csv = Files.writeString(dir.resolve("pop.csv"), "WD22CD,name,population\nE05000001,West,\"5,120\"\nE05000099,Elsewhere,10\n");
        WardPopulation.Result r = WardPopulation.fromWardCsv(csv, Set.of("E05000001", "E05000002"));
        assertEquals(Map.of("E05000001", 5120.0), r.residents());
        assertTrue(r.notes().contains("pop.csv: ward code E05000099 is not in the boundary set; ignored"));
        assertTrue(r.notes().contains("no population for ward E05000002: its rates will be empty"));
    }

    @Test
    void badNumbersAreRejectedWithFileLineAndField() throws Exception {
        Path csv = Files.writeString(dir.resolve("pop.csv"), "ward_code,residents\nE05000001,100\nE05000002,lots\n");
        String msg = assertThrows(BoundaryException.class, () -> WardPopulation.fromWardCsv(csv, Set.of("E05000001"))).getMessage();
        assertEquals(csv + ": line 3: field 'residents': not a number: 'lots'", msg);
    }
}
