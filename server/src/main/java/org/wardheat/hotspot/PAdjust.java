package org.wardheat.hotspot;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;

/** Corrections of p-values for multiple testing, as R's {@code p.adjust}. */
public enum PAdjust {
    /** Benjamini-Hochberg false discovery rate. */
    FDR,
    /** Holm's step-down family-wise error correction. */
    HOLM,
    /** No correction. */
    NONE;

    public static PAdjust parse(String s) {
        return switch (s == null ? "fdr" : s.toLowerCase(Locale.ROOT)) {
            case "fdr", "bh" -> FDR;
            case "holm" -> HOLM;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("p-value adjustment must be fdr, holm or none, not '" + s + "'");
        };
    }

    /** Adjusted p-values, in the order given. */
    public double[] adjust(double[] p) {
        int n = p.length;
        if (this == NONE || n == 0) {
            return p.clone();
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] adjusted = new double[n];
        if (this == FDR) {
            double min = 1;
            for (int k = n - 1; k >= 0; k--) { // from the largest p down: running minimum of n/rank × p
                int i = order[k];
                min = Math.min(min, p[i] * n / (k + 1));
                adjusted[i] = min;
            }
        } else {
            double max = 0;
            for (int k = 0; k < n; k++) { // from the smallest p up: running maximum of (n − rank + 1) × p
                int i = order[k];
                max = Math.max(max, Math.min(1, p[i] * (n - k)));
                adjusted[i] = max;
            }
        }
        return adjusted;
    }
}
