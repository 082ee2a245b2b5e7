package org.wardheat.hotspot;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The adjustment by sorted values equals, bit for bit, the adjustment by sorted indices it replaced, also
 * with many tied p-values (as the Gi* of cells with no incidents near them are). R's values are checked in
 * {@link GetisOrdGiStarTest}.
 */
class PAdjustTest {
    /** The former implementation: indices sorted by p, each adjusted at its rank. */
    private static double[] byIndex(PAdjust method, double[] p) {
        int n = p.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[n];
        if (method == PAdjust.FDR) {
            double min = 1;
            for (int k = n - 1; k >= 0; k--) {
                int i = order[k];
                min = Math.min(min, p[i] * n / (k + 1));
                adjusted[i] = min;
            }
        } else {
            double max = 0;
            for (int k = 0; k < n; k++) {
                int i = order[k];
                max = Math.max(max, Math.min(1, p[i] * (n - k)));
                adjusted[i] = max;
            }
        }
        return adjusted;
    }

    @Test
    void equalsTheIndexSortWithTies() {
        Random r = new Random(3);
        double[] shared = {1e-9, 0.003, 0.04, 0.2, 1};
        for (int n : new int[]{1, 2, 17, 5_000, 60_000}) {
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                p[i] = r.nextInt(3) == 0 ? shared[r.nextInt(shared.length)] : Math.pow(r.nextDouble(), 4);
            }
            for (PAdjust method : new PAdjust[]{PAdjust.FDR, PAdjust.HOLM}) {
                assertArrayEquals(byIndex(method, p), method.adjust(p), method + " n=" + n);
            }
        }
    }
}
