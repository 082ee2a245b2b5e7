package org.wardheat.export;

import org.wardheat.service.AreaBreakdown;

import java.util.List;

import static org.wardheat.export.Column.decimal;
import static org.wardheat.export.Column.integer;
import static org.wardheat.export.Column.text;

/** The area × category strategic table (e.g. district × category with the force rows): no geometry. */
public final class BreakdownLayers {
    private BreakdownLayers() {
    }

    /** @param best the N of the comparator column {@code best_N_rate_per_1000}, or null for none */
    public static FeatureTable areas(List<AreaBreakdown.Row> rows, String boundaries, String period, String comparison, Integer best) {
        return areas(rows, boundaries, period, comparison, best, 1000, null, null, null);
    }

    /**
     * As above with the strategic table's change columns after the comparison ({@code change_p}, significance,
     * reading, the rate's interval, months with data, measure; see {@link Layers#strategic}) and the rate per
     * {@code per} residents; without {@code coverage} (null) the table has neither. With an age group ({@code ages}),
     * rates are per residents of that age and a last column {@code rate_population} says so, as in the strategic table.
     */
    public static FeatureTable areas(List<AreaBreakdown.Row> rows, String boundaries, String period, String comparison, Integer best,
                                     int per, org.wardheat.model.Coverage coverage, String measure, org.wardheat.model.AgeGroup ages) {
        List<Column> columns = new java.util.ArrayList<>(List.of(text("area_code"), text("area_name"), text("category"),
                integer("this_period"), integer("last_period"), integer("difference"), decimal("change_pct", 1), decimal("rate_per_1000", 3)));
        if (coverage != null && per != 1000) {
            columns.add(Layers.rate(per));
        }
        if (best != null) {
            columns.add(decimal("best_" + best + "_rate_per_1000", 3));
        }
        columns.add(text("period"));
        columns.add(text("comparison"));
        if (coverage != null) {
            columns.addAll(Layers.changeColumns());
        }
        if (ages != null) {
            columns.add(text("rate_population"));
        }
        FeatureTable.Builder b = FeatureTable.builder(Layers.name("strategic-by-area", boundaries, period, List.of()), columns);
        for (AreaBreakdown.Row a : rows) {
            var r = a.row();
            List<Object> v = new java.util.ArrayList<>(java.util.Arrays.asList(a.areaCode(), a.areaName(), r.category(), r.count(),
                    r.previous(), r.difference(), r.changePct(), r.ratePer1000()));
            if (coverage != null && per != 1000) {
                v.add(r.rate());
            }
            if (best != null) {
                v.add(a.bestRatePer1000());
            }
            v.add(period);
            v.add(comparison);
            if (coverage != null) {
                v.addAll(java.util.Arrays.asList(Layers.changeValues(r.changeP(), r.changeSignificant(), r.changeReading(), r.rateCiLow(),
                        r.rateCiHigh(), coverage, measure)));
            }
            if (ages != null) {
                v.add("residents aged " + ages);
            }
            b.add(null, v.toArray());
        }
        return b.build();
    }
}
