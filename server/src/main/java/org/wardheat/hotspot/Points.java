package org.wardheat.hotspot;

/**
 * Incident locations in a projected CRS (metres) with a weight each (1 for a crime; the needles in a
 * find; a harm weight).
 *
 * @param x      eastings in metres
 * @param y      northings in metres
 * @param weight the weight of each point
 */
public record Points(double[] x, double[] y, double[] weight) {
    public int size() {
        return x.length;
    }

    /** Counts (or, with {@code weighted}, sums of weights) per grid cell; points in no cell are skipped. */
    public double[] countPerCell(Grid grid, boolean weighted) {
        double[] counts = new double[grid.size()];
        for (int i = 0; i < x.length; i++) {
            int c = grid.cellOf(x[i], y[i]);
            if (c >= 0) {
                counts[c] += weighted ? weight[i] : 1;
            }
        }
        return counts;
    }
}
