package org.wardheat.service;

import org.wardheat.analysis.WardMonthCounts;
import org.wardheat.boundaries.Ward;
import org.wardheat.model.AreaTotalTable;
import org.wardheat.model.CategoryGroups;
import org.wardheat.model.Coverage;
import org.wardheat.model.IncidentTable;
import org.wardheat.model.Period;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * THE seam where ward counts come from: every table by ward (the ward table, the strategic table and focus
 * areas made of wards, the district breakdown, change) takes its counts from {@link #of}. Two sources are added
 * here: the incidents, by the ward their point lies in (records, or summed weights with the {@code count}
 * measure), as the store keeps them counted ({@link Snapshot#counts}: ward × month × category × dataset); and the stored area totals placed on the set's areas at import ({@link AreaTotalTable}: a count of
 * N is N records under either measure; LSOA totals split by population are estimates). The point analyses
 * (hotspot surfaces, repeats, near repeat) never read area totals.
 */
public final class WardCounts {
    private WardCounts() {
    }

    /**
     * The counts of one boundary set's wards for the selected categories and datasets (empty: all; case ignored)
     * in the months of {@code span}, from one snapshot.
     *
     * @param weighted sum each record's weight (the {@code count} measure) instead of counting records
     * @throws IllegalArgumentException naming a category or dataset that neither the incidents nor the area totals hold
     */
    public static WardMonthCounts of(Snapshot snap, String setId, Set<String> categories, Set<String> datasets, Period span,
                                     boolean weighted) {
        CountTable stored = snap.counts(setId, span); // the incidents counted by ward in the store: no incident is read
        IncidentTable t = stored.rows();
        AreaTotalTable totals = snap.areaTotals();
        check("category", categories, t.categories(), totals.categories(), CategoryGroups.installed());
        check("dataset", datasets, t.datasets(), totals.datasets(), null);
        List<Ward> wards = snap.boundarySet(setId).wards();
        WardMonthCounts counts = new WardMonthCounts(wards.size(), span);
        counts.addIncidents(t, stored.wardOf(), t.filterKnown(categories, datasets), weighted);
        List<AreaTotalTable.Row> rows = totals.rows(setId);
        if (!rows.isEmpty()) {
            Map<String, Integer> index = new HashMap<>();
            for (int w = 0; w < wards.size(); w++) {
                index.put(wards.get(w).code(), w);
            }
            for (AreaTotalTable.Row r : rows) {
                Integer w = index.get(r.area());
                if (w != null && AreaTotalTable.selected(r, categories, datasets)) {
                    counts.add(w, r.month(), r.category(), r.count());
                }
            }
        }
        return counts;
    }

    /**
     * As {@link #coverage(Snapshot, Set, Set, Period, Period, boolean)} for a table of boundary set {@code setId}: a
     * selected area-totals dataset that was imported before the set was added has no counts placed on the set's
     * wards, and a warning says so (its months still count as covered: the data exist, this set lacks them).
     */
    public static Coverage coverage(Snapshot snap, String setId, Set<String> categories, Set<String> datasets, Period period,
                                    Period comparison, boolean allowPartial) {
        Coverage c = coverage(snap, categories, datasets, period, comparison, allowPartial);
        AreaTotalTable totals = snap.areaTotals();
        Set<String> placed = new TreeSet<>();
        totals.rows(setId).forEach(r -> placed.add(r.dataset()));
        List<String> missing = new java.util.ArrayList<>();
        for (String d : new TreeSet<>(totals.datasets())) {
            boolean chosen = datasets == null || datasets.isEmpty() || datasets.stream().anyMatch(d::equalsIgnoreCase);
            if (chosen && !placed.contains(d)) {
                missing.add("the area totals of dataset '" + d + "' are not placed on boundary set '" + setId
                        + "' (it was added after their import) and are not counted here; import the file again into a new dataset to count them");
            }
        }
        if (missing.isEmpty()) {
            return c;
        }
        List<String> warnings = new java.util.ArrayList<>(c.warnings());
        warnings.addAll(missing);
        return new Coverage(c.datasets(), c.period(), c.comparison(), c.comparable(), c.allowPartial(), List.copyOf(warnings));
    }

    /** The months with data in the period and the comparison, incidents and area totals together (see {@link Coverage}). */
    public static Coverage coverage(Snapshot snap, Set<String> categories, Set<String> datasets, Period period, Period comparison,
                                    boolean allowPartial) {
        IncidentTable t = snap.monthly();
        AreaTotalTable totals = snap.areaTotals();
        check("category", categories, t.categories(), totals.categories(), CategoryGroups.installed());
        check("dataset", datasets, t.datasets(), totals.datasets(), null);
        return Coverage.of(t, totals, categories, datasets, period, comparison, allowPartial);
    }

    /** An unknown name fails, naming the known ones; a category a group holds but the data lacks matches nothing (as in {@link IncidentTable#filter}). */
    private static void check(String what, Set<String> wanted, List<String> points, Set<String> areaTotals, CategoryGroups groups) {
        if (wanted == null) {
            return;
        }
        for (String w : wanted) {
            String name = w.trim();
            if (points.stream().noneMatch(name::equalsIgnoreCase) && areaTotals.stream().noneMatch(name::equalsIgnoreCase)
                    && (groups == null || !groups.isMember(name))) {
                Set<String> known = new TreeSet<>(points);
                known.addAll(areaTotals);
                throw new IllegalArgumentException("unknown " + what + " '" + w + "'; known: " + known);
            }
        }
    }
}
