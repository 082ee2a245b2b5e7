package org.wardheat.repeats;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NearRepeatTest {
    private static final NearRepeat.Parameters BANDS = new NearRepeat.Parameters(new double[]{100, 200}, 7, 2, "days", 99, 7);

    /**
     * Four incidents on a line: A (0 m, day 0), B (0 m, day 3), C (150 m, day 10), D (1000 m, day 1).
     * Pairs: AB same location, 3 days -> (same, 0-7); AC 150 m, 10 days -> (101-200, 8-14);
     * BC 150 m, 7 days -> (101-200, 0-7); pairs with D are beyond 200 m.
     */
    @Test
    void observedCountsByHand() {
        NearRepeat.Result r = NearRepeat.test(new double[]{0, 0, 150, 1000}, new double[]{0, 0, 0, 0}, new int[]{0, 3, 10, 1}, BANDS, "burglary");
        long[][] expected = {{1, 0}, {0, 0}, {1, 1}};
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 2; b++) {
                assertEquals(expected[a][b], r.cells()[a][b].observed(), r.cells()[a][b].space() + " / " + r.cells()[a][b].time());
            }
        }
        assertEquals(3, r.pairsCounted());
        assertEquals("same location", r.cells()[0][0].space());
        assertEquals("101 to 200 m", r.cells()[2][0].space());
        assertEquals("8 to 14 days", r.cells()[0][1].time());
        assertEquals(NearRepeat.timeBand(14, 14, 3), 0);
        assertEquals(NearRepeat.timeBand(15, 14, 3), 1);
        assertEquals(NearRepeat.timeBand(43, 14, 3), -1);
    }

    @Test
    void noEffectOnRandomData() {
        Random random = new Random(3);
        int n = 600;
        double[] x = new double[n], y = new double[n];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() * 3000;
            y[i] = random.nextDouble() * 3000;
            t[i] = random.nextInt(365);
        }
        NearRepeat.Result r = NearRepeat.test(x, y, t, new NearRepeat.Parameters(new double[]{200, 400}, 14, 3, "days", 199, 1), "burglary");
        int significant = 0;
        for (NearRepeat.Cell[] row : r.cells()) {
            for (NearRepeat.Cell c : row) {
                significant += c.p() < 0.05 && c.knoxRatio() != null && c.knoxRatio() > 1 ? 1 : 0;
            }
        }
        assertTrue(significant <= 1, "at most a chance finding among 9 band pairs: " + significant);
        assertTrue(r.reading().get(0).startsWith("No near-repeat pattern"), r.reading().toString());
    }

    @Test
    void plantedNearRepeatsAreFoundAndReadOut() {
        Random random = new Random(5);
        int n = 600;
        double[] x = new double[n], y = new double[n];
        int[] t = new int[n];
        for (int i = 0; i < n; i += 2) {
            x[i] = random.nextDouble() * 3000;
            y[i] = random.nextDouble() * 3000;
            t[i] = random.nextInt(365);
            x[i + 1] = x[i] + 50 + 100 * random.nextDouble(); // a follow-up 50-150 m away within a week
            y[i + 1] = y[i];
            t[i + 1] = t[i] + 1 + random.nextInt(6);
        }
        NearRepeat.Result r = NearRepeat.test(x, y, t, new NearRepeat.Parameters(new double[]{200, 400}, 14, 3, "days", 199, 1), "burglary");
        NearRepeat.Cell near = r.cells()[1][0];
        assertTrue(near.knoxRatio() > 2 && near.p() == 1.0 / 200, "raised beyond every simulation: " + near);
        assertTrue(r.cells()[2][2].p() > 0.05, "nothing 201-400 m and a month apart");
        assertTrue(near.significant(), "the planted band pair is flagged for the page");
        assertFalse(r.cells()[2][2].significant());
        assertTrue(r.reading().get(0).startsWith("After a burglary, the risk of another within 200 m is raised for 14 days"), r.reading().toString());
    }

    @Test
    void significanceNeedsRatioOfAtLeast1point2AndPBelow0point05() {
        assertTrue(NearRepeat.isSignificant(1.2, 0.049));
        assertFalse(NearRepeat.isSignificant(1.19, 0.001), "ratio just under 1.2");
        assertFalse(NearRepeat.isSignificant(3.0, 0.05), "p of 0.05 is not below 0.05");
        assertFalse(NearRepeat.isSignificant(null, 0.001), "no expected pairs, no ratio");
    }
}
