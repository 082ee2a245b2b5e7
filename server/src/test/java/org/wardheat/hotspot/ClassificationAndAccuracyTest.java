package org.wardheat.hotspot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ClassificationAndAccuracyTest {
    /** A Gi* result for one period: z = +3 (significant hot), −3 (cold) or 0 per cell. */
    private static GetisOrdGiStar.Result period(int... signs) {
        double[] z = new double[signs.length], p = new double[signs.length];
        int[] bin = new int[signs.length];
        for (int i = 0; i < signs.length; i++) {
            z[i] = 3 * signs[i];
            p[i] = signs[i] == 0 ? 0.5 : 0.001;
            bin[i] = 3 * signs[i];
        }
        return new GetisOrdGiStar.Result(z, p, p, bin);
    }

    @Test
    void tenPeriodsOfFiveCells() {
        // 10 periods: recent = last 2 (20%), older = first 8. Cells:
        // 0 hot in 9 of 10 -> persistent; 1 hot only in the last 2 -> emerging; 2 hot in periods 1-3 only -> former;
        // 3 hot in periods 2 and 9 -> intermittent (20% >= 10%, older 1/8 >= 10%, recent 1/2 >= 10%); 4 never -> no pattern
        GetisOrdGiStar.Result[] r = new GetisOrdGiStar.Result[10];
        for (int p = 0; p < 10; p++) {
            r[p] = period(p == 4 ? 0 : 1, p >= 8 ? 1 : 0, p < 3 ? 1 : 0, p == 1 || p == 8 ? 1 : 0, 0);
        }
        assertArrayEquals(new String[]{"persistent hotspot", "emerging hotspot", "former hotspot", "intermittent hotspot", "no pattern"},
                HotspotClassification.classify(r, HotspotClassification.Thresholds.DEFAULT));
        assertEquals(2, HotspotClassification.recentPeriods(10, HotspotClassification.Thresholds.DEFAULT));
        assertEquals(1, HotspotClassification.recentPeriods(3, HotspotClassification.Thresholds.DEFAULT));
    }

    @Test
    void coldAndMixed() {
        GetisOrdGiStar.Result[] r = {period(-1, 1), period(-1, -1), period(-1, 0), period(-1, 1), period(-1, -1)};
        assertArrayEquals(new String[]{"persistent coldspot", "mixed hot/coldspot"},
                HotspotClassification.classify(r, HotspotClassification.Thresholds.DEFAULT));
    }

    /**
     * 4 cells of 1 km², hotspots = cells 0 and 1 (half the area). Train 10, 6, 2, 2 (20); test 8, 2, 4, 6 (20).
     * Hit rate 10/20 = 0.5; PAI 0.5/0.5 = 1; RRI (10/16) / (20/20) = 0.625.
     */
    @Test
    void predictiveAccuracyByHand() {
        PredictiveAccuracy.Result r = PredictiveAccuracy.score(new boolean[]{true, true, false, false},
                new double[]{1e6, 1e6, 1e6, 1e6}, new double[]{10, 6, 2, 2}, new double[]{8, 2, 4, 6});
        assertEquals(new PredictiveAccuracy.Result(2, 2.0, 0.5, 20, 16, 20, 10, 0.5, 1.0, 0.625), r);
        assertNull(PredictiveAccuracy.score(new boolean[]{false}, new double[]{1}, new double[]{1}, new double[]{1}).pai());
        assertArrayEquals(new boolean[]{true, false, true, false, false},
                PredictiveAccuracy.top(new double[]{5, 1, 5, 0, 2}, 0.2), "top 20% of 5 cells is 1, plus the tie");
    }
}
