package org.wardheat.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stored area totals as analyses read them: counts already placed on the areas of each boundary set
 * (exactly, by code or name, or split from LSOAs by population: an estimate), by month, category and
 * dataset. Area totals have no coordinates: they feed tables by area only, never the point analyses.
 * Immutable once built.
 */
public final class AreaTotalTable {
    /** An empty table (no area-total datasets). */
    public static final AreaTotalTable EMPTY = new Builder().build();

    /**
     * One placed count.
     *
     * @param boundaries the boundary set
     * @param area       the area (ward) code in that set
     * @param month      {@code yyyymm}
     * @param count      the count placed on the area (fractional where split)
     * @param estimate   true when some of it came from splitting an LSOA between areas by population
     */
    public record Row(String boundaries, String area, int month, String category, String dataset, double count, boolean estimate) {
    }

    private final Map<String, List<Row>> bySet;
    private final Map<String, Set<Integer>> covered;
    private final Set<String> categories;
    private final Set<String> datasets;

    private AreaTotalTable(Map<String, List<Row>> bySet, Map<String, Set<Integer>> covered, Set<String> categories, Set<String> datasets) {
        this.bySet = bySet;
        this.covered = covered;
        this.categories = categories;
        this.datasets = datasets;
    }

    /** Builds the table; the store loads it with this, tests build their own. */
    public static final class Builder {
        private final Map<String, List<Row>> bySet = new HashMap<>();
        private final Map<String, Set<Integer>> covered = new HashMap<>();
        private final Set<String> categories = new HashSet<>();
        private final Set<String> datasets = new HashSet<>();

        public Builder add(Row r) {
            bySet.computeIfAbsent(r.boundaries(), k -> new ArrayList<>()).add(r);
            categories.add(r.category());
            datasets.add(r.dataset());
            covered.computeIfAbsent(r.dataset(), k -> new HashSet<>()).add(r.month());
            return this;
        }

        /** Records that {@code dataset} covers every month from {@code fromYyyymm} to {@code toYyyymm} (an imported file's first and last month). */
        public Builder covers(String dataset, int fromYyyymm, int toYyyymm) {
            Set<Integer> months = covered.computeIfAbsent(dataset, k -> new HashSet<>());
            datasets.add(dataset);
            for (int m = fromYyyymm; m <= toYyyymm; m = Period.next(m)) {
                months.add(m);
            }
            return this;
        }

        public AreaTotalTable build() {
            Map<String, List<Row>> rows = new HashMap<>();
            bySet.forEach((k, v) -> rows.put(k, List.copyOf(v)));
            Map<String, Set<Integer>> months = new HashMap<>();
            covered.forEach((k, v) -> months.put(k, Set.copyOf(v)));
            return new AreaTotalTable(Map.copyOf(rows), Map.copyOf(months), Set.copyOf(categories), Set.copyOf(datasets));
        }
    }

    /** The counts placed on the areas of {@code boundaries} (empty when none were). */
    public List<Row> rows(String boundaries) {
        return bySet.getOrDefault(boundaries, List.of());
    }

    /** Every row of every set. */
    public List<Row> allRows() {
        List<Row> all = new ArrayList<>();
        bySet.values().forEach(all::addAll);
        return all;
    }

    /** The months ({@code yyyymm}) an area-total dataset covers: those its rows fall in and each file's first to last month. */
    public Set<Integer> coveredMonths(String dataset) {
        return covered.getOrDefault(dataset, Set.of());
    }

    /** The area-total datasets. */
    public Set<String> datasets() {
        return datasets;
    }

    public Set<String> categories() {
        return categories;
    }

    /** Whether {@code name} is an area-total dataset (case ignored, as the filters). */
    public boolean isDataset(String name) {
        return datasets.stream().anyMatch(d -> d.equalsIgnoreCase(name.trim()));
    }

    public boolean isCategory(String name) {
        return categories.stream().anyMatch(d -> d.equalsIgnoreCase(name.trim()));
    }

    /** Whether a row passes a category and dataset selection (empty: all; case ignored). */
    public static boolean selected(Row r, Set<String> categoryNames, Set<String> datasetNames) {
        return matches(r.category(), categoryNames) && matches(r.dataset(), datasetNames);
    }

    private static boolean matches(String name, Set<String> wanted) {
        if (wanted == null || wanted.isEmpty()) {
            return true;
        }
        for (String w : wanted) {
            if (w.trim().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** The first and last month ({@code yyyymm}) of any row, or null when there is none. */
    public int[] monthRange() {
        int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
        for (List<Row> rows : bySet.values()) {
            for (Row r : rows) {
                first = Math.min(first, r.month());
                last = Math.max(last, r.month());
            }
        }
        return first == Integer.MAX_VALUE ? null : new int[]{first, last};
    }
}
