package org.wardheat.store;

import org.wardheat.boundaries.WardIndex;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts incidents into {@link CountKey} cells in memory, before they are added to (or taken from) the
 * {@code ward_count} table: each incident is located once in every boundary set given, by the one edge rule
 * of {@link WardIndex#locate} (the rule of every ward table), and counted in {@link WardCounts#ALL} too.
 */
final class CountTally {
    /** A boundary set ready for locating: its id and the index of its wards (in code order). */
    record Located(String setId, WardIndex index) {
    }

    private final List<Located> sets;
    private final boolean all;
    private final Map<CountKey, double[]> cells = new HashMap<>();

    /**
     * @param sets the boundary sets to count in
     * @param all  whether to count in {@link WardCounts#ALL} as well
     */
    CountTally(List<Located> sets, boolean all) {
        this.sets = List.copyOf(sets);
        this.all = all;
    }

    /**
     * Counts one incident.
     *
     * @param month  {@code yyyymm}
     * @param lonDeg WGS84 longitude in degrees, NaN without a location
     * @param latDeg WGS84 latitude in degrees
     * @param weight the items the record stands for
     */
    void add(int month, String category, String dataset, double lonDeg, double latDeg, double weight) {
        boolean located = !Double.isNaN(lonDeg);
        if (all) {
            count(new CountKey(WardCounts.ALL, "", located ? WardCounts.OUTSIDE : WardCounts.NO_LOCATION, month, category,
                    dataset), weight);
        }
        for (Located s : sets) {
            int w = located ? s.index().locate(lonDeg, latDeg) : WardIndex.OUTSIDE;
            CountKey key = w != WardIndex.OUTSIDE
                    ? new CountKey(s.setId(), s.index().wards().get(w).code(), WardCounts.IN_WARD, month, category, dataset)
                    : new CountKey(s.setId(), "", located ? WardCounts.OUTSIDE : WardCounts.NO_LOCATION, month, category, dataset);
            count(key, weight);
        }
    }

    private void count(CountKey key, double weight) {
        double[] c = cells.get(key);
        if (c == null) {
            cells.put(key, new double[] {1, weight});
        } else {
            c[0]++;
            c[1] += weight;
        }
    }

    /** Adds another tally's cells to this one's. */
    void addAll(CountTally other) {
        other.cells.forEach((k, v) -> {
            double[] c = cells.computeIfAbsent(k, x -> new double[2]);
            c[0] += v[0];
            c[1] += v[1];
        });
    }

    /** The cells: records and weight sum per key. */
    Map<CountKey, double[]> cells() {
        return cells;
    }

    void clear() {
        cells.clear();
    }
}
