package org.wardheat.hotspot;

import java.util.Arrays;
import java.util.Locale;

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

    /**
     * Adjusted p-values, in the order given. The p-values are sorted as plain numbers and each is adjusted at
     * its rank; tied p-values get the same adjusted value whatever their order (the running minimum of
     * n/rank × p for FDR, the running maximum of (n − rank + 1) × p for Holm, do not change within a tie), so
     * no index order is needed.
     */
    public double[] adjust(double[] p) {
        int n = p.length;
        if (this == NONE || n == 0) {
            return p.clone();
        }
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        double[] byRank = new double[n];
        if (this == FDR) {
            double min = 1;
            for (int k = n - 1; k >= 0; k--) { // from the largest p down: running minimum of n/rank × p
                min = Math.min(min, sorted[k] * n / (k + 1));
                byRank[k] = min;
            }
        } else {
            double max = 0;
            for (int k = 0; k < n; k++) { // from the smallest p up: running maximum of (n − rank + 1) × p
                max = Math.max(max, Math.min(1, sorted[k] * (n - k)));
                byRank[k] = max;
            }
        }
        double[] adjusted = new double[n];
        for (int i = 0; i < n; i++) {
            adjusted[i] = byRank[Arrays.binarySearch(sorted, p[i])];
        }
        return adjusted;
    }
}
