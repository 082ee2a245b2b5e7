package org.wardheat.service;

import org.wardheat.boundaries.LsoaApportionment;
import org.wardheat.boundaries.Ward;
import org.wardheat.imports.AreaTotalReader;
import org.wardheat.model.Period;

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
        Map<String, String> byKey = new HashMap<>();
        for (Ward a : areas) {
            byKey.put(a.code().toUpperCase(Locale.ROOT), a.code());
        }
        for (Ward a : areas) {
            byKey.putIfAbsent(a.name().trim().toUpperCase(Locale.ROOT), a.code());
        }
        Map<String, Map<String, Double>> counts = new TreeMap<>();
        Map<String, Double> unmatched = new TreeMap<>();
        double total = 0, exact = 0, apportioned = 0, split = 0;
        for (AreaTotalReader.AreaTotal r : rows) {
            if (!period.contains(Period.key(Period.month(r.month(), "month")))) {
                continue;
            }
            total += r.count();
            String code = byKey.get(r.area().trim().toUpperCase(Locale.ROOT));
            if (code != null) {
                counts.computeIfAbsent(code, k -> new TreeMap<>()).merge(r.category(), r.count(), Double::sum);
                exact += r.count();
                continue;
            }
            Map<String, Double> shares = apportionment == null ? Map.of() : apportionment.shares(r.area().trim().toUpperCase(Locale.ROOT));
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
}
