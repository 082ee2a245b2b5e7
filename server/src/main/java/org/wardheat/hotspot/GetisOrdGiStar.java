package org.wardheat.hotspot;

import org.apache.commons.math3.special.Erf;

/**
 * Getis-Ord Gi* with binary weights, as {@code spdep::localG} computes it with {@code include.self}
 * and style "B": for cell i with neighbour set N(i) (i included), n cells, mean x̄ and
 * s = √(Σx²/n − x̄²),
 * <pre>
 *   Gi* = (Σ_{j∈N(i)} x_j − x̄ |N(i)|) / (s √((n |N(i)| − |N(i)|²) / (n − 1)))
 * </pre>
 * a z-score. Two-sided p-values come from the normal distribution; they are adjusted for multiple
 * testing across all cells; the confidence bin follows ArcGIS Pro's Gi_Bin: ±3, ±2, ±1 for adjusted
 * p below 0.01, 0.05, 0.10 (sign of z), 0 otherwise.
 */
public final class GetisOrdGiStar {
    private GetisOrdGiStar() {
    }

    /**
     * @param z         the Gi* z-scores
     * @param p         two-sided p-values
     * @param pAdjusted p-values after {@link PAdjust}
     * @param bin       −3..+3 confidence bins
     */
    public record Result(double[] z, double[] p, double[] pAdjusted, int[] bin) {
    }

    /**
     * @param x          the value of each cell (a count, or a sum of weights)
     * @param neighbours each cell's neighbours, the cell itself included
     */
    public static double[] z(double[] x, int[][] neighbours) {
        int n = x.length;
        double sum = 0, sumSq = 0;
        for (double v : x) {
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / n;
        double s = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        double[] z = new double[n];
        if (n < 2 || s == 0) {
            return z; // all cells equal: nothing stands out
        }
        for (int i = 0; i < n; i++) {
            double local = 0;
            for (int j : neighbours[i]) {
                local += x[j];
            }
            int w = neighbours[i].length;
            double denominator = s * Math.sqrt(((double) n * w - (double) w * w) / (n - 1));
            z[i] = denominator > 0 ? (local - mean * w) / denominator : 0;
        }
        return z;
    }

    /** Two-sided p-value of a standard normal z-score. */
    public static double pValue(double z) {
        return Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }

    public static Result compute(double[] x, int[][] neighbours, PAdjust adjust) {
        double[] z = z(x, neighbours);
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = pValue(z[i]);
        }
        double[] adjusted = adjust.adjust(p);
        int[] bin = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            bin[i] = bin(z[i], adjusted[i]);
        }
        return new Result(z, p, adjusted, bin);
    }

    /** ArcGIS Pro's Gi_Bin: 3/2/1 for p &lt; 0.01/0.05/0.10, signed by z; 0 when not significant. */
    public static int bin(double z, double p) {
        int level = p < 0.01 ? 3 : p < 0.05 ? 2 : p < 0.10 ? 1 : 0;
        return z > 0 ? level : z < 0 ? -level : 0;
    }
}
