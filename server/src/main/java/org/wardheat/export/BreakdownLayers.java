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
        List<Column> columns = new java.util.ArrayList<>(List.of(text("area_code"), text("area_name"), text("category"),
                integer("this_period"), integer("last_period"), integer("difference"), decimal("change_pct", 1), decimal("rate_per_1000", 3)));
        if (best != null) {
            columns.add(decimal("best_" + best + "_rate_per_1000", 3));
        }
        columns.add(text("period"));
        columns.add(text("comparison"));
        FeatureTable.Builder b = FeatureTable.builder(Layers.name("strategic-by-area", boundaries, period, List.of()), columns);
        for (AreaBreakdown.Row a : rows) {
            var r = a.row();
            List<Object> v = new java.util.ArrayList<>(java.util.Arrays.asList(a.areaCode(), a.areaName(), r.category(), r.count(),
                    r.previous(), r.difference(), r.changePct(), r.ratePer1000()));
            if (best != null) {
                v.add(a.bestRatePer1000());
            }
            v.add(period);
            v.add(comparison);
            b.add(null, v.toArray());
        }
        return b.build();
    }
}
