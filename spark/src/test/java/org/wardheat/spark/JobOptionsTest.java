package org.wardheat.spark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobOptionsTest {
    @Test
    void parsesEveryOption() {
        JobOptions o = JobOptions.parse("--crimes", "in", "--wards", "w.geojson", "--out", "out", "--code-field", "WD22CD",
                "--cells", "250, 100", "--master", "local[2]");
        assertEquals(new JobOptions("in", "w.geojson", "out", "WD22CD", List.of(250, 100), "local[2]"), o);
        assertEquals(List.of(250), JobOptions.parse("--crimes", "in", "--wards", "w", "--out", "o").cellsMetres(), "default cell");
    }

    @Test
    void refusesBadInputBeforeAnyWork() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JobOptions.parse("--crimes", "in", "--out", "o"))
                .getMessage().startsWith("--crimes, --wards and --out are required"));
        assertEquals("--cells: each cell size must be 10 to 10000 metres, not 5", assertThrows(IllegalArgumentException.class,
                () -> JobOptions.parse("--crimes", "in", "--wards", "w", "--out", "o", "--cells", "250,5")).getMessage());
        assertEquals("--cells: 'x' is not a whole number of metres", assertThrows(IllegalArgumentException.class,
                () -> JobOptions.parse("--crimes", "in", "--wards", "w", "--out", "o", "--cells", "x")).getMessage());
        assertEquals("--cells: a cell size is given twice: [250, 250]", assertThrows(IllegalArgumentException.class,
                () -> JobOptions.parse("--crimes", "in", "--wards", "w", "--out", "o", "--cells", "250,250")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JobOptions.parse("--crimes", "in", "--bogus", "1"))
                .getMessage().startsWith("unknown option --bogus"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> JobOptions.parse("--crimes"))
                .getMessage().startsWith("--crimes needs a value"));
    }
}
