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

    public static FeatureTable areas(List<AreaBreakdown.Row> rows, String boundaries, String period, String comparison) {
        FeatureTable.Builder b = FeatureTable.builder(Layers.name("strategic-by-area", boundaries, period, List.of()),
                text("area_code"), text("area_name"), text("category"), integer("this_period"), integer("last_period"),
                integer("difference"), decimal("change_pct", 1), decimal("rate_per_1000", 3), text("period"), text("comparison"));
        for (AreaBreakdown.Row a : rows) {
            var r = a.row();
            b.add(null, a.areaCode(), a.areaName(), r.category(), r.count(), r.previous(), r.difference(), r.changePct(),
                    r.ratePer1000(), period, comparison);
        }
        return b.build();
    }
}
