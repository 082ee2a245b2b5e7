package org.wardheat.export;

import org.wardheat.boundaries.Ward;
import org.wardheat.service.AreaTotals;

import java.util.List;
import java.util.Map;

import static org.wardheat.export.Column.decimal;
import static org.wardheat.export.Column.text;

/** Area totals placed on the areas of a set: one row per area and category, with its geometry. */
public final class AreaTotalLayers {
    private AreaTotalLayers() {
    }

    /** {@code count} is an estimate (3 decimals) where LSOA totals were split; {@code exact_count} the part placed exactly is not kept apart. */
    public static FeatureTable areas(AreaTotals.Result r, List<Ward> areas, String boundaries, String period) {
        FeatureTable.Builder b = FeatureTable.builder(Layers.name("area-totals", boundaries, period, List.of()),
                text("area_code"), text("area_name"), text("category"), decimal("count", 3), text("period"));
        for (Ward a : areas) {
            for (Map.Entry<String, Double> e : r.counts().getOrDefault(a.code(), Map.of()).entrySet()) {
                b.add(a.geometry(), a.code(), a.name(), e.getKey(), e.getValue(), period);
            }
        }
        return b.build();
    }
}
