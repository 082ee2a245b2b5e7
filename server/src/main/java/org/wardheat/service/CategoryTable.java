package org.wardheat.service;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;
import org.wardheat.boundaries.Ward;
import org.wardheat.model.CategoryGroups;
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
                                              Set<String> datasets, Period period, Period comparison, CategoryGroups groups) {
        IncidentTable t = snap.incidents();
        IncidentTable.Filter filter = t.filter(categories, datasets);
        boolean[] in = members(snap, a);
        TreeMap<String, long[]> counts = new TreeMap<>();
        for (int i = 0; i < t.size(); i++) {
            if (!in[i] || !filter.test(i)) {
                continue;
            }
            boolean now = period.contains(t.month(i)), before = comparison.contains(t.month(i));
            if (now || before) {
                long[] c = counts.computeIfAbsent(t.category(i), k -> new long[2]);
                c[0] += now ? 1 : 0;
                c[1] += before ? 1 : 0;
            }
        }
        List<AreaService.CategoryRow> rows = new ArrayList<>();
        long all = 0, allBefore = 0;
        for (var e : counts.entrySet()) {
            rows.add(row(e.getKey(), e.getValue()[0], e.getValue()[1], residents));
            all += e.getValue()[0];
            allBefore += e.getValue()[1];
        }
        if (groups != null) {
            rows.addAll(groupRows(counts, groups, residents));
        }
        rows.add(row("All", all, allBefore, residents));
        return rows;
    }

    /** The groups' rows: each the sum of its categories' counts; groups with no incidents in either period left out. */
    static List<AreaService.CategoryRow> groupRows(Map<String, long[]> counts, CategoryGroups groups, Double residents) {
        List<AreaService.CategoryRow> rows = new ArrayList<>();
        groups.groups().forEach((name, members) -> {
            long now = 0, before = 0;
            for (String c : members) {
                long[] v = counts.get(c);
                if (v != null) {
                    now += v[0];
                    before += v[1];
                }
            }
            if (now == 0 && before == 0) {
                return;
            }
            long[] same = counts.get(name);
            if (same != null && same[0] == now && same[1] == before) {
                return;
            }
            rows.add(row(same == null ? name : name + " (group)", now, before, residents));
        });
        return rows;
    }

    private static AreaService.CategoryRow row(String name, long now, long before, Double residents) {
        return new AreaService.CategoryRow(name, now, before, now - before, before == 0 ? null : 100.0 * (now - before) / before,
                residents == null || residents == 0 ? null : 1000.0 * now / residents);
    }

    /** Which incidents of the table lie in the area: by ward for ward areas (as the ward counts), else by polygon. */
    private static boolean[] members(Snapshot snap, AreaService.Area a) {
        IncidentTable t = snap.incidents();
        int[] wardOf = snap.wardOf(a.boundaries());
        boolean[] in = new boolean[t.size()];
        if (a.polygon() == null) {
            List<Ward> wards = snap.boundarySet(a.boundaries()).wards();
            boolean[] chosen = new boolean[wards.size()];
            for (int w = 0; w < wards.size(); w++) {
                chosen[w] = a.wholeSet() || a.wardCodes().contains(wards.get(w).code());
            }
            for (int i = 0; i < in.length; i++) {
                in[i] = wardOf[i] >= 0 && chosen[wardOf[i]];
            }
            return in;
        }
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(a.polygon());
        var env = a.polygon().getEnvelopeInternal();
        for (int i = 0; i < in.length; i++) {
            in[i] = t.hasLocation(i) && env.contains(t.lon(i), t.lat(i))
                    && locator.locate(new Coordinate(t.lon(i), t.lat(i))) != Location.EXTERIOR;
        }
        return in;
    }
}
