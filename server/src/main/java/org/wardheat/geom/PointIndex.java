package org.wardheat.geom;

import java.util.Arrays;

/**
 * A bucket index of points (cell centres) in metres, for nearest-centre and within-radius searches.
 * Buckets are squares of a fixed side; the points of each bucket are stored contiguously.
 */
public final class PointIndex {
    private final double[] x;
    private final double[] y;
    private final double minX;
    private final double minY;
    private final double bucket;
    private final int columns;
    private final int rows;
    private final int[] start;
    private final int[] items;

    /**
     * @param x      point eastings in metres
     * @param y      point northings in metres
     * @param bucket bucket side in metres (the cell size works well)
     */
    public PointIndex(double[] x, double[] y, double bucket) {
        this.x = x;
        this.y = y;
        this.bucket = bucket;
        double mx = Double.POSITIVE_INFINITY, my = Double.POSITIVE_INFINITY, Mx = Double.NEGATIVE_INFINITY, My = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            mx = Math.min(mx, x[i]);
            my = Math.min(my, y[i]);
            Mx = Math.max(Mx, x[i]);
            My = Math.max(My, y[i]);
        }
        this.minX = mx;
        this.minY = my;
        this.columns = (int) Math.floor((Mx - mx) / bucket) + 1;
        this.rows = (int) Math.floor((My - my) / bucket) + 1;
        int[] counts = new int[columns * rows + 1];
        for (int i = 0; i < x.length; i++) {
            counts[bucketOf(x[i], y[i]) + 1]++;
        }
        for (int b = 0; b < columns * rows; b++) {
            counts[b + 1] += counts[b];
        }
        this.start = counts.clone();
        this.items = new int[x.length];
        int[] fill = Arrays.copyOf(counts, counts.length);
        for (int i = 0; i < x.length; i++) {
            items[fill[bucketOf(x[i], y[i])]++] = i;
        }
    }

    private int bucketOf(double px, double py) {
        int c = (int) Math.floor((px - minX) / bucket);
        int r = (int) Math.floor((py - minY) / bucket);
        return r * columns + c;
    }

    /** The nearest point to (px, py) within {@code maxDistance}, or -1. Ties go to the lower index. */
    public int nearest(double px, double py, double maxDistance) {
        int c0 = (int) Math.floor((px - maxDistance - minX) / bucket), c1 = (int) Math.floor((px + maxDistance - minX) / bucket);
        int r0 = (int) Math.floor((py - maxDistance - minY) / bucket), r1 = (int) Math.floor((py + maxDistance - minY) / bucket);
        int best = -1;
        double bestD2 = maxDistance * maxDistance;
        for (int r = Math.max(0, r0); r <= Math.min(rows - 1, r1); r++) {
            for (int c = Math.max(0, c0); c <= Math.min(columns - 1, c1); c++) {
                int b = r * columns + c;
                for (int k = start[b]; k < start[b + 1]; k++) {
                    int i = items[k];
                    double dx = x[i] - px, dy = y[i] - py;
                    double d2 = dx * dx + dy * dy;
                    if (d2 < bestD2 || (d2 == bestD2 && best >= 0 && i < best)) {
                        bestD2 = d2;
                        best = i;
                    }
                }
            }
        }
        return best;
    }

    /** The points within {@code distance} of (px, py), in index order. */
    public int[] within(double px, double py, double distance) {
        int[][] found = {new int[16]};
        int[] n = {0};
        forEachWithin(px, py, distance, (i, d2) -> {
            if (n[0] == found[0].length) {
                found[0] = Arrays.copyOf(found[0], n[0] * 2);
            }
            found[0][n[0]++] = i;
        });
        int[] result = Arrays.copyOf(found[0], n[0]);
        Arrays.sort(result);
        return result;
    }

    /** Calls {@code visitor} for each point at most {@code distance} from (px, py), with its squared distance. */
    public void forEachWithin(double px, double py, double distance, Visitor visitor) {
        double d2max = distance * distance;
        int c0 = Math.max(0, (int) Math.floor((px - distance - minX) / bucket));
        int c1 = Math.min(columns - 1, (int) Math.floor((px + distance - minX) / bucket));
        int r0 = Math.max(0, (int) Math.floor((py - distance - minY) / bucket));
        int r1 = Math.min(rows - 1, (int) Math.floor((py + distance - minY) / bucket));
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int b = r * columns + c;
                for (int k = start[b]; k < start[b + 1]; k++) {
                    int i = items[k];
                    double dx = x[i] - px, dy = y[i] - py;
                    double d2 = dx * dx + dy * dy;
                    if (d2 <= d2max) {
                        visitor.visit(i, d2);
                    }
                }
            }
        }
    }

    /** Receives a point index and its squared distance in m². */
    public interface Visitor {
        void visit(int index, double distanceSquared);
    }
}
