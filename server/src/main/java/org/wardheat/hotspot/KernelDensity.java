package org.wardheat.hotspot;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Kernel density estimation with the quartic (biweight) kernel, evaluated at grid cell centres.
 *
 * <p>K(d) = 3 / (π h²) × (1 − d²/h²)² for d &lt; h and 0 beyond, where h is the bandwidth in metres;
 * K integrates to 1 over the plane, so the density is in weighted incidents per m², reported per km²
 * (× 10⁶). No edge correction: incidents outside the grid area contribute nothing.
 *
 * <p>Each incident adds to the cells whose centres lie within h of it, and only to those: on a square grid
 * the cells are walked row by row along the lattice ({@link LatticeRows}); on a hexagonal grid they are
 * found through the index of cell centres. Both add the same terms in the same order.
 */
public final class KernelDensity {
    private KernelDensity() {
    }

    /** A bandwidth in metres and how it was chosen. */
    public record Bandwidth(double metres, String rule) {
    }

    /** The quartic kernel at squared distance {@code d2} (m²) for bandwidth {@code h} (m), in 1/m². */
    public static double quartic(double d2, double h) {
        double h2 = h * h;
        if (d2 >= h2) {
            return 0;
        }
        double u = 1 - d2 / h2;
        return 3 / (Math.PI * h2) * u * u;
    }

    /**
     * Density at each cell centre, in weighted incidents per km².
     *
     * @param bandwidth the kernel radius h in metres
     */
    public static double[] compute(Grid grid, Points points, double bandwidth) {
        if (!(bandwidth > 0)) {
            throw new IllegalArgumentException("bandwidth must be more than 0 metres, not " + bandwidth);
        }
        int n = points.size();
        int chunks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() * 2, n / 10_000 + 1));
        double[][] partial = new double[chunks][];
        Thread owner = Thread.currentThread(); // the parallel chunks check the caller's cancellation
        LatticeRows rows = grid.lattice() == null ? null : new LatticeRows(grid); // read-only, shared by the chunks
        IntStream.range(0, chunks).parallel().forEach(k -> {
            double[] acc = rows != null ? rows.newSums() : new double[grid.size()];
            int from = (int) ((long) n * k / chunks), to = (int) ((long) n * (k + 1) / chunks);
            double h2 = bandwidth * bandwidth;
            double norm = 3 / (Math.PI * h2);
            for (int i = from; i < to; i++) {
                org.wardheat.Cancellation.check(owner);
                double w = points.weight()[i] * norm;
                if (rows != null) {
                    rows.add(acc, points.x()[i], points.y()[i], bandwidth, w);
                    continue;
                }
                grid.index().forEachWithin(points.x()[i], points.y()[i], bandwidth, (cell, d2) -> {
                    double u = 1 - d2 / h2;
                    acc[cell] += w * u * u;
                });
            }
            partial[k] = rows != null ? rows.perCell(acc, grid.size()) : acc;
        });
        double[] density = new double[grid.size()];
        for (double[] p : partial) {
            for (int c = 0; c < density.length; c++) {
                density[c] += p[c];
            }
        }
        for (int c = 0; c < density.length; c++) {
            density[c] *= 1e6;
        }
        return density;
    }

    /**
     * The default bandwidth: the mean over x and y of the normal-reference rule used by MASS
     * {@code bandwidth.nrd} (and sfhotspot), 4 × 1.06 × min(sd, IQR/1.34) × n^(−1/5), times
     * {@code adjust}.
     */
    public static Bandwidth ruleOfThumb(Points points, double adjust) {
        if (points.size() < 2) {
            throw new IllegalArgumentException("at least 2 incidents are needed to choose a bandwidth; give one in metres");
        }
        if (!(adjust > 0)) {
            throw new IllegalArgumentException("bandwidth adjustment must be more than 0, not " + adjust);
        }
        double bx = nrd(points.x()), by = nrd(points.y());
        double h = (bx + by) / 2 * adjust;
        if (!(h > 0)) {
            throw new IllegalArgumentException("the incidents are all at one place, so no bandwidth can be derived; give one in metres");
        }
        return new Bandwidth(h, String.format(Locale.ROOT,
                "default: mean of bandwidth.nrd over eastings (%.0f m) and northings (%.0f m) of %d incidents, x %.2f adjustment",
                bx, by, points.size(), adjust));
    }

    static double nrd(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double iqr = quantile(sorted, 0.75) - quantile(sorted, 0.25);
        double mean = Arrays.stream(v).average().orElse(0);
        double var = Arrays.stream(v).map(a -> (a - mean) * (a - mean)).sum() / (v.length - 1);
        return 4 * 1.06 * Math.min(Math.sqrt(var), iqr / 1.34) * Math.pow(v.length, -0.2);
    }

    /** R's default (type 7) quantile of sorted values. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
