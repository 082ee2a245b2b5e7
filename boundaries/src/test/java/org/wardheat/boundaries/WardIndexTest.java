package org.wardheat.boundaries;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wardheat.boundaries.Fixtures.collection;
import static org.wardheat.boundaries.Fixtures.square;
import static org.wardheat.boundaries.Fixtures.ward;

class WardIndexTest {
    /** Four 0.01° squares meeting at (0.51, 51.21): B (E05000002) | A (E05000001) below, D | C above. */
    private static List<Ward> fourSquares() {
        return new BoundaryReader(null, null).read(new ByteArrayInputStream(collection(null,
                ward("E05000002", "B", square(0.50, 51.20, 0.01)),
                ward("E05000001", "A", square(0.51, 51.20, 0.01)),
                ward("E05000004", "D", square(0.50, 51.21, 0.01)),
                ward("E05000003", "C", square(0.51, 51.21, 0.01))).getBytes(StandardCharsets.UTF_8)), "t").wards();
    }

    private static String codeAt(WardIndex index, double lon, double lat) {
        int w = index.locate(lon, lat);
        return w == WardIndex.OUTSIDE ? null : index.wards().get(w).code();
    }

    @Test
    void interiorPointsFindTheirWard() {
        WardIndex index = new WardIndex(fourSquares());
        assertEquals("B", index.wards().get(index.locate(0.505, 51.205)).name());
        assertEquals("A", index.wards().get(index.locate(0.515, 51.205)).name());
        assertEquals("C", index.wards().get(index.locate(0.515, 51.215)).name());
        assertEquals(WardIndex.OUTSIDE, index.locate(0.53, 51.205));
        assertEquals(WardIndex.OUTSIDE, index.locate(Double.NaN, Double.NaN));
    }

    @Test
    void pointsOnSharedEdgesCountInTheWardWithTheLowestCodeWhateverTheOrder() {
        List<Ward> wards = new ArrayList<>(fourSquares());
        for (int round = 0; round < 4; round++) {
            Collections.rotate(wards, 1);
            WardIndex index = new WardIndex(wards);
            assertEquals("E05000001", codeAt(index, 0.51, 51.205), "edge between A and B");
            assertEquals("E05000001", codeAt(index, 0.515, 51.21), "edge between A and C");
            assertEquals("E05000003", codeAt(index, 0.52, 51.215), "outer edge of C alone");
            assertEquals("E05000002", codeAt(index, 0.505, 51.21), "edge between B and D");
            assertEquals("E05000001", codeAt(index, 0.51, 51.21), "corner shared by all four");
            assertEquals("E05000004", codeAt(index, 0.50, 51.215), "outer edge of D alone");
            assertEquals("E05000003", codeAt(index, 0.515, 51.215), "interior of C");
            assertEquals("E05000003", codeAt(index, 0.51, 51.215), "edge between C and D");
        }
    }

    @Test
    void locateAllMatchesLocateOneByOne() {
        WardIndex index = new WardIndex(fourSquares());
        double[] lon = {0.505, 0.515, 0.51, 0.6, Double.NaN};
        double[] lat = {51.205, 51.215, 51.21, 51.2, Double.NaN};
        int[] expected = new int[lon.length];
        for (int i = 0; i < lon.length; i++) {
            expected[i] = index.locate(lon[i], lat[i]);
        }
        assertArrayEquals(expected, index.locateAll(lon, lat));
        assertEquals(WardIndex.OUTSIDE, expected[3]);
    }
}
