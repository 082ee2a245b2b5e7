package org.wardheat.service;

import org.wardheat.boundaries.LsoaApportionment;
import org.wardheat.boundaries.Ward;
import org.wardheat.imports.AreaTotalReader;
import org.wardheat.model.AreaTotalTable;
import org.wardheat.model.Period;
import org.wardheat.store.AreaTotalStore;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends area totals to the areas of a boundary set: a row naming an area of the set by code or name (case
 * ignored) goes to it exactly; a row naming an LSOA is split over wards by the population-weighted
 * {@link LsoaApportionment} (an estimate); anything else is unmatched and reported by name. Area totals
 * feed tables by area only: they have no coordinates, so the hotspot surfaces (KDE, Gi*) never include them.
 */
public final class AreaTotals {
    private AreaTotals() {
    }

    /**
     * @param counts          area code → category → count in the period (estimates where split)
     * @param total           the count of every row in the period
     * @param exact           of which placed on an area of the set by code or name
     * @param apportioned     of which sent through the LSOA apportionment
     * @param split           of which from LSOAs whose share spreads over more than one ward
     * @param unmatched       area code or name → count, for rows in the period that matched nothing
     */
    public record Result(Map<String, Map<String, Double>> counts, double total, double exact, double apportioned,
                         double split, Map<String, Double> unmatched) {
        /** The share of the period's counts that needed splitting between wards (0 when there are none). */
        public double splitShare() {
            return total == 0 ? 0 : split / total;
        }
    }

    /**
     * @param apportionment null when no LSOA polygons were given (LSOA rows are then unmatched)
     */
    public static Result place(List<Ward> areas, List<AreaTotalReader.AreaTotal> rows, LsoaApportionment apportionment, Period period) {
        Map<String, String> byKey = keys(areas);
        Map<String, Map<String, Double>> counts = new TreeMap<>();
        Map<String, Double> unmatched = new TreeMap<>();
        double total = 0, exact = 0, apportioned = 0, split = 0;
        for (AreaTotalReader.AreaTotal r : rows) {
            if (!period.contains(Period.key(Period.month(r.month(), "month")))) {
                continue;
            }
            total += r.count();
            Target to = target(byKey, apportionment, r.area());
            Map<String, Double> shares = to.shares();
            if (to.exact()) {
                shares.forEach((code, one) -> counts.computeIfAbsent(code, k -> new TreeMap<>()).merge(r.category(), r.count(), Double::sum));
                exact += r.count();
                continue;
            }
            if (shares.isEmpty()) {
                unmatched.merge(r.area(), r.count(), Double::sum);
                continue;
            }
            apportioned += r.count();
            if (shares.size() > 1) {
                split += r.count();
            }
            shares.forEach((ward, share) -> counts.computeIfAbsent(ward, k -> new TreeMap<>()).merge(r.category(), share * r.count(), Double::sum));
        }
        return new Result(counts, total, exact, apportioned, split, unmatched);
    }

    /** Where a row goes: its area with share 1 ({@code exact}), the LSOA's wards with their shares, or nowhere (empty). */
    private record Target(Map<String, Double> shares, boolean exact) {
    }

    private static Target target(Map<String, String> byKey, LsoaApportionment apportionment, String area) {
        String key = area.trim().toUpperCase(Locale.ROOT);
        String code = byKey.get(key);
        if (code != null) {
            return new Target(Map.of(code, 1.0), true);
        }
        return new Target(apportionment == null ? Map.of() : apportionment.shares(key), false);
    }

    /** Area code and name (upper case, trimmed) → area code: codes first, then names not already taken. */
    private static Map<String, String> keys(List<Ward> areas) {
        Map<String, String> byKey = new HashMap<>();
        for (Ward a : areas) {
            byKey.put(a.code().toUpperCase(Locale.ROOT), a.code());
        }
        for (Ward a : areas) {
            byKey.putIfAbsent(a.name().trim().toUpperCase(Locale.ROOT), a.code());
        }
        return byKey;
    }

    /**
     * Every row placed on the areas of one set, by month: the same rules as {@link #place}, summed per area, month
     * and category, each flagged as an estimate when any of it came through the LSOA apportionment; with the
     * totals of the placement over all months ({@code unmatched} is the count on no area).
     */
    public static Placed placeByMonth(String boundaries, String dataset, List<Ward> areas,
                                                        List<AreaTotalReader.AreaTotal> rows, LsoaApportionment apportionment) {
        return placeByMonth(boundaries, dataset, areas, Map.of(), rows, apportionment);
    }

    /**
     * As above, also placing exactly the rows that name an area of another set which lies wholly in one area of this
     * one: {@code within} maps such a code (e.g. a ward's) to this set's area code (e.g. its district's), so ward
     * totals add up exactly to the districts made from those wards.
     */
    public static Placed placeByMonth(String boundaries, String dataset, List<Ward> areas, Map<String, String> within,
                                      List<AreaTotalReader.AreaTotal> rows, LsoaApportionment apportionment) {
        Map<String, String> byKey = keys(areas);
        within.forEach((code, area) -> byKey.putIfAbsent(code.trim().toUpperCase(Locale.ROOT), area));
        Map<List<Object>, double[]> sums = new java.util.LinkedHashMap<>(); // (area, month, category) -> count, estimated part
        double total = 0, exact = 0, apportioned = 0, split = 0, unmatched = 0;
        Map<String, Double> unmatchedAreas = new TreeMap<>();
        int matchedRows = 0;
        for (AreaTotalReader.AreaTotal r : rows) {
            int month = Period.key(Period.month(r.month(), "month"));
            total += r.count();
            Target to = target(byKey, apportionment, r.area());
            Map<String, Double> shares = to.shares();
            if (to.exact()) {
                shares.forEach((code, one) -> sums.computeIfAbsent(List.of(code, month, r.category()), k -> new double[2])[0] += r.count());
                exact += r.count();
                matchedRows++;
                continue;
            }
            if (shares.isEmpty()) {
                unmatched += r.count();
                unmatchedAreas.merge(r.area(), r.count(), Double::sum);
                continue;
            }
            matchedRows++;
            apportioned += r.count();
            if (shares.size() > 1) {
                split += r.count();
            }
            for (Map.Entry<String, Double> e : shares.entrySet()) {
                double[] c = sums.computeIfAbsent(List.of(e.getKey(), month, r.category()), k -> new double[2]);
                c[0] += e.getValue() * r.count();
                c[1] = 1; // placed by the population-weighted apportionment: an estimate
            }
        }
        List<AreaTotalTable.Row> placed = new java.util.ArrayList<>(sums.size());
        sums.forEach((k, c) -> placed.add(new AreaTotalTable.Row(boundaries, (String) k.get(0), (Integer) k.get(1), (String) k.get(2),
                dataset, c[0], c[1] > 0)));
        return new Placed(new AreaTotalStore.Placement(boundaries, placed, total, exact, apportioned, split, unmatched), matchedRows,
                unmatchedAreas);
    }

    /**
     * @param placement      the placed counts and the summary that is stored
     * @param matchedRows    the rows that went to an area of the set (the others named no area of it)
     * @param unmatchedAreas the area codes or names that matched nothing → their count
     */
    public record Placed(AreaTotalStore.Placement placement, int matchedRows, Map<String, Double> unmatchedAreas) {
    }
}
