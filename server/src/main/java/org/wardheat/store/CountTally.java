package org.wardheat.store;

import org.wardheat.boundaries.WardIndex;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts incidents into {@link CountKey} cells in memory, before they are added to (or taken from) the
 * {@code ward_count} table: each incident is located once in every boundary set given, by the one edge rule
 * of {@link WardIndex#locate} (the rule of every ward table), and counted in {@link WardCountStore#ALL} too.
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
     * @param all  whether to count in {@link WardCountStore#ALL} as well
     */
    CountTally(List<Located> sets, boolean all) {
        this.sets = List.copyOf(sets);
        this.all = all;
        this.last = new int[sets.size()];
    }

    /** Each set's ward (index in code order) of the last incident counted, or {@link WardIndex#OUTSIDE}. */
    private final int[] last;

    /**
     * The ward of the last incident counted in set {@code setId}: its index in the set's code-ordered wards,
     * or {@link WardIndex#OUTSIDE}; null for a set this tally does not count in.
     */
    Integer lastWard(String setId) {
        for (int k = 0; k < sets.size(); k++) {
            if (sets.get(k).setId().equals(setId)) {
                return last[k];
            }
        }
        return null;
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
        if (all && sets.isEmpty()) { // with a set, the counts of every incident are its counts summed ({@link #cells})
            count(new CountKey(WardCountStore.ALL, "", located ? WardCountStore.OUTSIDE : WardCountStore.NO_LOCATION, month, category,
                    dataset), weight);
        }
        for (int k = 0; k < sets.size(); k++) {
            Located s = sets.get(k);
            int w = located ? s.index().locate(lonDeg, latDeg) : WardIndex.OUTSIDE;
            last[k] = w;
            CountKey key = w != WardIndex.OUTSIDE
                    ? new CountKey(s.setId(), s.index().wards().get(w).code(), WardCountStore.IN_WARD, month, category, dataset)
                    : new CountKey(s.setId(), "", located ? WardCountStore.OUTSIDE : WardCountStore.NO_LOCATION, month, category, dataset);
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

    /**
     * The cells: records and weight sum per key; those of {@link WardCountStore#ALL} summed from the first set's
     * (every incident is counted once in each set: in a ward, outside, or without location).
     */
    Map<CountKey, double[]> cells() {
        if (!all || sets.isEmpty()) {
            return cells;
        }
        Map<CountKey, double[]> out = new HashMap<>(cells);
        String first = sets.get(0).setId();
        cells.forEach((k, v) -> {
            if (k.set().equals(first)) {
                CountKey a = new CountKey(WardCountStore.ALL, "", k.place() == WardCountStore.NO_LOCATION ? WardCountStore.NO_LOCATION
                        : WardCountStore.OUTSIDE, k.month(), k.category(), k.dataset());
                double[] c = out.computeIfAbsent(a, x -> new double[2]);
                c[0] += v[0];
                c[1] += v[1];
            }
        });
        return out;
    }

    void clear() {
        cells.clear();
    }
}
