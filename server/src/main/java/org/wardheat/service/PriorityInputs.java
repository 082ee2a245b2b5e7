package org.wardheat.service;

import org.wardheat.analysis.PriorityMatrix;
import org.wardheat.hotspot.HarmWeights;
import org.wardheat.model.CategoryGroups;
import org.wardheat.model.IncidentTable;
import org.wardheat.model.Period;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the {@link PriorityMatrix} scores, counted over the incidents of a boundary set's wards: each
 * category's (or group's) incidents in the period and the comparison, its rate per 1,000 residents, its
 * share in its top wards and its harm per incident.
 */
public final class PriorityInputs {
    private PriorityInputs() {
    }

    /**
     * @param groups     true for one row per group (all but "All crime"), false for one row per category
     * @param categories the categories counted (empty for all)
     * @param topWards   k of the top-k ward share
     * @param harm       harm weights, or null; every category with incidents must have a weight (or the default)
     */
    public static List<PriorityMatrix.Input> of(Snapshot snap, String boundaries, boolean groups, Set<String> categories,
                                                Set<String> datasets, Period period, Period comparison, int topWards, HarmWeights harm) {
        IncidentTable t = snap.incidents();
        IncidentTable.Filter filter = t.filter(categories, datasets);
        int[] wardOf = snap.wardOf(boundaries);
        LoadedSet set = snap.boundarySet(boundaries);
        int wards = set.wards().size();
        TreeMap<String, long[]> counts = new TreeMap<>(); // category → {now, before, now in ward 0, ward 1, …}
        for (int i = 0; i < t.size(); i++) {
            if (wardOf[i] < 0 || !filter.test(i)) {
                continue;
            }
            boolean now = period.contains(t.month(i)), before = comparison.contains(t.month(i));
            if (now || before) {
                long[] c = counts.computeIfAbsent(t.category(i), k -> new long[2 + wards]);
                if (now) {
                    c[0]++;
                    c[2 + wardOf[i]]++;
                }
                if (before) {
                    c[1]++;
                }
            }
        }
        if (harm != null) {
            harm.requireAll(counts.keySet());
        }
        Double residents = residents(set);
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        if (groups) {
            CategoryGroups.installed().groups().forEach((name, members) -> {
                if (!name.equals(CategoryGroups.ALL_CRIME)) {
                    rows.put(name, members);
                }
            });
        } else {
            counts.keySet().forEach(c -> rows.put(c, Set.of(c)));
        }
        List<PriorityMatrix.Input> out = new ArrayList<>();
        double even = wards == 0 ? 1 : Math.min(1.0, (double) topWards / wards);
        rows.forEach((name, members) -> {
            long[] sum = new long[2 + wards];
            double harmTotal = 0;
            for (String c : new LinkedHashSet<>(members)) {
                long[] v = counts.get(c);
                if (v != null) {
                    for (int k = 0; k < sum.length; k++) {
                        sum[k] += v[k];
                    }
                    harmTotal += harm == null ? 0 : v[0] * harm.of(c);
                }
            }
            if (sum[0] == 0 && sum[1] == 0) {
                return;
            }
            out.add(new PriorityMatrix.Input(name, groups ? "group" : "category", sum[0], sum[1],
                    residents == null || residents == 0 ? null : 1000.0 * sum[0] / residents,
                    sum[0] == 0 ? null : topShare(Arrays.copyOfRange(sum, 2, sum.length), topWards, sum[0]), even,
                    harm == null || sum[0] == 0 ? null : harmTotal / sum[0]));
        });
        return out;
    }

    /** The share of {@code total} in the {@code k} wards with the most. */
    static double topShare(long[] byWard, int k, long total) {
        long[] sorted = byWard.clone();
        Arrays.sort(sorted);
        long top = 0;
        for (int i = sorted.length - 1; i >= 0 && i >= sorted.length - k; i--) {
            top += sorted[i];
        }
        return (double) top / total;
    }

    /** The set's residents, or null unless every ward has a population. */
    private static Double residents(LoadedSet set) {
        double sum = 0;
        for (var w : set.wards()) {
            Double r = set.population().get(w.code());
            if (r == null) {
                return null;
            }
            sum += r;
        }
        return sum;
    }
}
