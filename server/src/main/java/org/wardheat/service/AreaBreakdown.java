package org.wardheat.service;

import org.wardheat.boundaries.Ward;
import org.wardheat.model.Period;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The strategic table for every area of a boundary set (e.g. district × category from a dissolved set),
 * then the whole set as the total ("force") rows; counts and rates as {@link AreaService#table}.
 */
public final class AreaBreakdown {
    /** The code of the whole-set rows. */
    public static final String WHOLE_SET = "ALL";

    private AreaBreakdown() {
    }

    /** One area's row for one category (category "All" is the area's total). */
    public record Row(String areaCode, String areaName, AreaService.CategoryRow row) {
    }

    /**
     * @param boundaries the set; each of its wards (areas) in code order, then the whole set under code {@link #WHOLE_SET}
     */
    public static List<Row> rows(Workspace workspace, String boundaries, Set<String> datasets, Period period, Period comparison) {
        Snapshot snap = workspace.snapshot();
        LoadedSet set = snap.boundarySet(boundaries);
        Map<String, Double> population = set.population();
        List<Row> rows = new ArrayList<>();
        for (Ward w : set.wards()) {
            AreaService.Area a = new AreaService.Area(boundaries, List.of(w.code()), null, w.name());
            for (AreaService.CategoryRow r : CategoryTable.rows(snap, a, population.get(w.code()), Set.of(), datasets, period, comparison)) {
                rows.add(new Row(w.code(), w.name(), r));
            }
        }
        boolean complete = population.size() == set.wards().size();
        double total = population.values().stream().mapToDouble(Double::doubleValue).sum();
        AreaService.Area whole = new AreaService.Area(boundaries, List.of(), null, "whole set");
        for (AreaService.CategoryRow r : CategoryTable.rows(snap, whole, complete ? total : null, Set.of(), datasets, period, comparison)) {
            rows.add(new Row(WHOLE_SET, "whole set (" + boundaries + ")", r));
        }
        return rows;
    }
}
