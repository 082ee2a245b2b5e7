package org.wardheat.export;

import org.wardheat.service.AreaService;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A focus-area summary as a viewer may see it or it may be shared: the same members as
 * {@link AreaService.Summary}, with the category rows and the total through {@link Disclosure} (as the
 * strategic table: counts 1 to k−1 shown as {@code "<k"}, the "All" row as the total, differences and rates
 * withheld as {@code "[c]"} where their counts are suppressed), the share of incidents withheld with a
 * suppressed total, each hot cell's count {@code "<k"} and its Gi* z withheld when it is from 1 to k−1,
 * and no repeat locations (record-level places are not shared).
 */
public final class SharedSummary {
    private SharedSummary() {
    }

    public static Map<String, Object> of(AreaService.Summary s, int k) {
        List<AreaService.CategoryRow> rows = new ArrayList<>(s.categories());
        rows.add(s.total());
        FeatureTable table = Disclosure.apply(Layers.strategic(rows, s.name(), s.period(), s.comparison(), 1000,
                s.coverage(), s.measure()), k);
        List<Map<String, Object>> shown = new ArrayList<>();
        for (List<Object> r : table.rows()) {
            shown.add(Layers.ordered("category", r.get(0), "count", r.get(1), "previous", r.get(2), "difference", r.get(3),
                    "changePct", r.get(4), "ratePer1000", r.get(5)));
        }
        Map<String, Object> total = shown.remove(shown.size() - 1);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (AreaService.HotCell c : s.hotCells()) {
            boolean small = c.n() > 0 && c.n() < k;
            cells.add(Layers.ordered("cellId", c.cellId(), "lon", c.lon(), "lat", c.lat(), "n", small ? "<" + k : (Object) c.n(),
                    "gistar", small ? Disclosure.WITHHELD : (Object) c.gistar(), "bin", c.bin()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", s.name());
        out.put("boundaries", s.boundaries());
        out.put("wardCodes", s.wardCodes());
        out.put("period", s.period());
        out.put("comparison", s.comparison());
        out.put("categories", shown);
        out.put("total", total);
        out.put("residents", s.residents());
        out.put("areaKm2", s.areaKm2());
        out.put("boroughCount", s.boroughCount());
        out.put("shareOfIncidents", total.get("count") instanceof Number ? (Object) s.shareOfIncidents() : Disclosure.WITHHELD);
        out.put("shareOfResidents", s.shareOfResidents());
        out.put("shareOfArea", s.shareOfArea());
        out.put("topPlaces", List.of());
        out.put("hotCells", cells);
        out.put("measure", s.measure());
        out.put("coverage", s.coverage());
        out.put("warnings", s.warnings());
        out.put("context", s.context()); // published area statistics (Census, IoD): no record-level counts
        out.put("disclosure", table.parameters().get("disclosure"));
        return out;
    }
}
