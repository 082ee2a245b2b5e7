package org.wardheat.boundaries;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.locationtech.jts.geom.Geometry;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the boundary GeoJSON reader and the area reader with any text. The only exceptions allowed are
 * {@link BoundaryException} and {@link IllegalArgumentException} with a message; what is read is valid and
 * in the UK. Regression inputs: {@code src/test/resources/org/wardheat/boundaries/GeoJsonFuzzTestInputs/}.
 */
class GeoJsonFuzzTest {
    @FuzzTest
    void boundaryReader(byte[] input) {
        try {
            BoundaryReader.Result r = new BoundaryReader(null, null).read(new ByteArrayInputStream(input), "fuzz.geojson");
            assertFalse(r.wards().isEmpty());
            for (Ward w : r.wards()) {
                assertTrue(w.geometry().isValid() && !w.geometry().isEmpty(), w.code());
            }
        } catch (BoundaryException e) {
            assertTrue(e.getMessage().startsWith("fuzz.geojson"), e.getMessage());
        }
    }

    @FuzzTest
    void areaReader(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            Geometry area = AreaReader.read(text);
            assertTrue(area.isValid() && !area.isEmpty());
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
        }
    }
}
