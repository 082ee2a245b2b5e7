package org.wardheat.service;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;
import org.wardheat.boundaries.Ward;
import org.wardheat.analysis.ChangeFigures;
import org.wardheat.analysis.ChangeRules;
import org.wardheat.analysis.WardMonthCounts;
import org.wardheat.model.CategoryGroups;
import org.wardheat.model.Coverage;
import org.wardheat.model.IncidentTable;
import org.wardheat.model.Period;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Incident counts by category in a focus area, this period against the comparison (the strategic table). */
final class CategoryTable {
    private CategoryTable() {
    }

    /**
     * Each category's counts in the area for the period and the comparison, then (with {@code groups}) each
     * group with incidents in either period, then "All"; the table and the wards come from one snapshot.
     * A group is the sum of its categories' rows. A group row is labelled with the group's name; a group
     * named as a category of the table is left out when its counts equal that category's (e.g. "Drugs",
     * "Anti-social behaviour"), and otherwise labelled "NAME (group)".
     *
     * @param groups the groups to add as rows, or null for none
     */
    static List<AreaService.CategoryRow> rows(Snapshot snap, AreaService.Area a, Double residents, Set<String> categories,
                                              Set<String> datasets, Period period, Period comparison, ChangeRules rules,
                                              CategoryGroups groups) {
        Coverage coverage = a.polygon() == null // a drawn polygon counts points only: no area totals to miss
                ? WardCounts.coverage(snap, a.boundaries(), categories, datasets, period, comparison, rules.allowPartial())
                : WardCounts.coverage(snap, categories, datasets, period, comparison, rules.allowPartial());
        boolean weighted = rules.measure() == ChangeRules.Measure.COUNT;
        TreeMap<String, double[]> counts = new TreeMap<>();
        if (a.polygon() == null) {
            WardMonthCounts byWard = WardCounts.of(snap, a.boundaries(), categories, datasets, period.span(comparison), weighted);
            List<Ward> wards = snap.boundarySet(a.boundaries()).wards();
            for (int w = 0; w < wards.size(); w++) {
                if (a.wholeSet() || a.wardCodes().contains(wards.get(w).code())) {
                    for (String category : byWard.categories()) {
                        double[] c = counts.computeIfAbsent(category, k -> new double[2]);
                        c[0] += byWard.sum(category, w, period);
                        c[1] += byWard.sum(category, w, comparison);
                    }
                }
            }
        } else {
            IncidentTable t = snap.incidents();
            if (datasets != null && !datasets.isEmpty() && datasets.stream().allMatch(snap.areaTotals()::isDataset)) {
                throw new IllegalArgumentException("dataset " + datasets + " holds area totals (counts by area and month, no points):"
                        + " a drawn polygon counts points only; choose wards instead");
            }
            IncidentTable.Filter filter = t.filterKnown(categories, datasets);
            boolean[] in = inPolygon(snap, a);
            for (int i = 0; i < t.size(); i++) {
                if (!in[i] || !filter.test(i)) {
                    continue;
                }
                boolean now = period.contains(t.month(i)), before = comparison.contains(t.month(i));
                if (now || before) {
                    double[] c = counts.computeIfAbsent(t.category(i), k -> new double[2]);
                    double v = weighted ? t.weight(i) : 1;
                    c[0] += now ? v : 0;
                    c[1] += before ? v : 0;
                }
            }
        }
        counts.values().removeIf(c -> c[0] == 0 && c[1] == 0); // a category with nothing in the area in either period has no row
        List<AreaService.CategoryRow> rows = new ArrayList<>();
        long all = 0, allBefore = 0;
        for (var e : counts.entrySet()) {
            long now = Math.round(e.getValue()[0]), before = Math.round(e.getValue()[1]);
            rows.add(row(e.getKey(), now, before, residents, period, comparison, coverage, rules));
            all += now;
            allBefore += before;
        }
        if (groups != null) {
            rows.addAll(groupRows(counts, groups, residents, period, comparison, coverage, rules));
        }
        rows.add(row("All", all, allBefore, residents, period, comparison, coverage, rules));
        return rows;
    }

    /**
     * The groups' rows: each the sum of its categories' counts (measured as the categories' rows, rounded once per
     * group); groups with no incidents in either period left out.
     */
    private static List<AreaService.CategoryRow> groupRows(Map<String, double[]> counts, CategoryGroups groups, Double residents,
                                                           Period period, Period comparison, Coverage coverage, ChangeRules rules) {
        List<AreaService.CategoryRow> rows = new ArrayList<>();
        groups.groups().forEach((name, members) -> {
            double sumNow = 0, sumBefore = 0;
            List<String> parts = new ArrayList<>();
            for (String c : new java.util.TreeSet<>(members)) {
                double[] v = counts.get(c);
                if (v != null) {
                    sumNow += v[0];
                    sumBefore += v[1];
                    parts.add(c);
                }
            }
            long now = Math.round(sumNow), before = Math.round(sumBefore);
            if (now == 0 && before == 0) {
                return;
            }
            double[] same = counts.get(name);
            if (same != null && Math.round(same[0]) == now && Math.round(same[1]) == before) {
                return;
            }
            AreaService.CategoryRow r = row(same == null ? name : name + " (group)", now, before, residents, period, comparison, coverage, rules);
            rows.add(new AreaService.CategoryRow(r.category(), r.count(), r.previous(), r.difference(), r.changePct(), r.ratePer1000(),
                    r.changeP(), r.changeSignificant(), r.changeReading(), r.rate(), r.rateCiLow(), r.rateCiHigh(), List.copyOf(parts)));
        });
        return rows;
    }

    private static AreaService.CategoryRow row(String name, long now, long before, Double residents, Period period, Period comparison,
                                               Coverage coverage, ChangeRules rules) {
        ChangeFigures f = ChangeFigures.of(now, before, residents, period, comparison, coverage, rules);
        return new AreaService.CategoryRow(name, now, before, f.change(), f.changePct(),
                residents == null || residents == 0 ? null : 1000.0 * now / residents, f.changeP(), f.changeSignificant(), f.changeReading(),
                f.rate(), f.rateCiLow(), f.rateCiHigh());
    }

    /** Which incidents of the table lie in the drawn polygon. */
    private static boolean[] inPolygon(Snapshot snap, AreaService.Area a) {
        IncidentTable t = snap.incidents();
        boolean[] in = new boolean[t.size()];
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(a.polygon());
        var env = a.polygon().getEnvelopeInternal();
        for (int i = 0; i < in.length; i++) {
            in[i] = t.hasLocation(i) && env.contains(t.lon(i), t.lat(i))
                    && locator.locate(new Coordinate(t.lon(i), t.lat(i))) != Location.EXTERIOR;
        }
        return in;
    }
}
