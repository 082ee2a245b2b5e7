package org.wardheat.repeats;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NearRepeatTest {
    private static final NearRepeat.Parameters BANDS = new NearRepeat.Parameters(new double[]{100, 200}, 7, 2, "days", 99, 7);

    /**
     * Four incidents on a line: A (0 m, day 0), B (0 m, day 3), C (150 m, day 10), D (1000 m, day 1).
     * Pairs: AB same location, 3 days -> (same, 0-7); AC 150 m, 10 days -> (over 100-200, 8-14);
     * BC 150 m, 7 days -> (over 100-200, 0-7); pairs with D are beyond 200 m.
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
        assertEquals("over 100 to 200 m", r.cells()[2][0].space());
        assertEquals("8 to 14 days", r.cells()[0][1].time());
        assertEquals(0, NearRepeat.timeBand(14, 14, 3, false));
        assertEquals(1, NearRepeat.timeBand(15, 14, 3, false));
        assertEquals(-1, NearRepeat.timeBand(43, 14, 3, false));
    }

    /**
     * Band edges are inclusive and in exact metres. On a line, all on day 0: A at 0 m, B at 0.4 m, C at 100 m,
     * D at 200 m, E at 600 m, F at 600.3 m. By hand, the 15 pairs:
     * over 0 to 100 m: AB 0.4, EF 0.3 (both "same location" under the old half-metre rounding), BC 99.6,
     * AC 100 and CD 100 (the edge) -> 5; over 100 to 200 m: BD 199.6, AD 200 (the edge) -> 2; over 200 to
     * 600 m: DE 400, DF 400.3, CE 500, CF 500.3, BE 599.6, BF 599.9, AE 600 (the edge) -> 7; AF 600.3 m is
     * beyond the last edge (before the fix such a pair was in no band yet the band read "401 to 600 m").
     */
    @Test
    void bandEdgesAreInclusiveMetresWithoutRounding() {
        double[] x = {0, 0.4, 100, 200, 600, 600.3};
        NearRepeat.Parameters p = new NearRepeat.Parameters(new double[]{100, 200, 600}, 7, 1, "days", 19, 1);
        NearRepeat.Result r = NearRepeat.test(x, new double[6], new int[6], p, "burglary");
        assertEquals(List.of("same location", "over 0 to 100 m", "over 100 to 200 m", "over 200 to 600 m"), r.spaceBands());
        long[] observed = new long[4];
        for (int i = 0; i < 6; i++) {
            for (int j = i + 1; j < 6; j++) {
                double d = Math.abs(x[i] - x[j]);
                observed[d == 0 ? 0 : d <= 100 ? 1 : d <= 200 ? 2 : d <= 600 ? 3 : 0] += d <= 600 ? 1 : 0;
            }
        }
        assertArrayEquals(new long[]{0, 5, 2, 7}, observed, "the hand count above");
        for (int a = 0; a < 4; a++) {
            assertEquals(observed[a], r.cells()[a][0].observed(), r.spaceBands().get(a));
        }
        assertEquals(14, r.pairsCounted(), "15 pairs, AF at 600.3 m beyond the last edge");
        assertEquals(0, NearRepeat.spaceBand(0, p.spatialBands()));
        assertEquals(1, NearRepeat.spaceBand(100 * 100, p.spatialBands()));
        assertEquals(3, NearRepeat.spaceBand(600 * 600, p.spatialBands()));
        assertEquals(-1, NearRepeat.spaceBand(600.3 * 600.3, p.spatialBands()));
        assertEquals("over 0 to 150.5 m", NearRepeat.spaceBandNames(new NearRepeat.Parameters(new double[]{150.5}, 7, 1, "days", 19, 1)).get(1));
    }

    /**
     * Month data: the same calendar month is a band of its own. Incidents at one spot in months 0, 0, 1, 3, 9:
     * gaps 0 (1 pair), 1 (2), 2 (1), 3 (2), 6 (1), 8 (2), 9 (1). Width 3, 2 bands: same month 1; 1 to 3 months
     * 5; 4 to 6 months 1; 8 and 9 months beyond.
     */
    @Test
    void monthDataHaveASameMonthBand() {
        NearRepeat.Parameters p = new NearRepeat.Parameters(new double[]{100}, 3, 2, "months", 19, 1);
        NearRepeat.Result r = NearRepeat.test(new double[5], new double[5], new int[]{0, 0, 1, 3, 9}, p, "burglary");
        assertEquals(List.of("same month", "1 to 3 months", "4 to 6 months"), r.timeBands());
        assertEquals(1, r.cells()[0][0].observed());
        assertEquals(5, r.cells()[0][1].observed());
        assertEquals(1, r.cells()[0][2].observed());
        assertEquals(7, r.pairsCounted());
        assertEquals(0, NearRepeat.timeBand(0, 1, 6, true));
        assertEquals(1, NearRepeat.timeBand(1, 1, 6, true), "the next month is not the same month");
        assertEquals(6, NearRepeat.timeBand(6, 1, 6, true));
        assertEquals(-1, NearRepeat.timeBand(7, 1, 6, true));
        assertEquals(List.of("same month", "1 month", "2 months"),
                NearRepeat.timeBandNames(new NearRepeat.Parameters(new double[]{100}, 1, 2, "months", 19, 1)));
    }

    /** Follow-ups 50-150 m away in the same month read "in the same month"; in the same or next month "within 1 month". */
    @Test
    void monthReadings() {
        NearRepeat.Parameters p = new NearRepeat.Parameters(new double[]{200, 400}, 1, 6, "months", 199, 1);
        assertTrue(NearRepeat.test(planted(0), plantedY(), plantedT(0), p, "burglary").reading().get(0)
                        .startsWith("After a burglary, the risk of another within 200 m is raised in the same month (Knox ratio "),
                "same-month follow-ups");
        List<String> both = NearRepeat.test(planted(1), plantedY(), plantedT(1), p, "burglary").reading();
        assertTrue(both.get(0).startsWith("After a burglary, the risk of another within 200 m is raised within 1 month (Knox ratio "), both.toString());
        assertTrue(both.get(0).contains(" in the same month, p = "), both.toString());
    }

    private static final int PAIRS = 300;

    /** x of 300 random incidents over 3 km, each followed by one 50-150 m east; {@code maxGap} only seeds the pattern. */
    private static double[] planted(int maxGap) {
        Random random = new Random(11 + maxGap);
        double[] x = new double[2 * PAIRS];
        for (int i = 0; i < x.length; i += 2) {
            x[i] = random.nextDouble() * 3000;
            x[i + 1] = x[i] + 50 + 100 * random.nextDouble();
        }
        return x;
    }

    private static double[] plantedY() {
        Random random = new Random(13);
        double[] y = new double[2 * PAIRS];
        for (int i = 0; i < y.length; i += 2) {
            y[i] = random.nextDouble() * 3000;
            y[i + 1] = y[i];
        }
        return y;
    }

    /** Months 0-35; the follow-up in the same month ({@code maxGap} 0), or alternately the same and the next (1). */
    private static int[] plantedT(int maxGap) {
        Random random = new Random(17);
        int[] t = new int[2 * PAIRS];
        for (int i = 0; i < t.length; i += 2) {
            t[i] = random.nextInt(36);
            t[i + 1] = t[i] + (maxGap == 0 ? 0 : (i / 2) % 2);
        }
        return t;
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

    @Test
    void pairsBeyondTheBudgetAreRefusedBeforeTheyFillTheHeap() {
        int n = 3_200; // 3,200 incidents at one spot pair into 5,118,400 pairs, just past the budget
        double[] x = new double[n], y = new double[n];
        int[] t = new int[n];
        java.util.Arrays.fill(x, 575_000);
        java.util.Arrays.fill(y, 155_000);
        NearRepeat.TooManyPairs e = org.junit.jupiter.api.Assertions.assertThrows(NearRepeat.TooManyPairs.class,
                () -> NearRepeat.test(x, y, t, new NearRepeat.Parameters(new double[]{5000}, 7, 2, "days", 19, 1), "burglary"));
        assertEquals("more than 5000000 pairs of incidents lie within 5000 m of each other (3200 incidents); the test is limited"
                + " to 5000000 pairs to bound memory and time: narrow the largest band, the period or the categories", e.getMessage());
        // one fewer incident than the budget allows still runs
        int m = 3_162; // 4,997,541 pairs
        NearRepeat.Result r = NearRepeat.test(java.util.Arrays.copyOf(x, m), java.util.Arrays.copyOf(y, m), new int[m],
                new NearRepeat.Parameters(new double[]{5000}, 7, 2, "days", 19, 1), "burglary");
        assertEquals(4_997_541L, r.pairsCounted());
    }
}
