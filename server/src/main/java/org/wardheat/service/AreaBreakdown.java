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

    /**
     * One area's row for one category (category "All" is the area's total).
     *
     * @param bestRatePer1000 the comparator: the mean rate per 1,000 residents of the {@code best} areas with the
     *                        lowest rate for this category (an area with no record of it has rate 0); null when not
     *                        asked for or when fewer areas have a population
     */
    public record Row(String areaCode, String areaName, AreaService.CategoryRow row, Double bestRatePer1000) {
        public Row(String areaCode, String areaName, AreaService.CategoryRow row) {
            this(areaCode, areaName, row, null);
        }
    }

    /** The rows with the comparator column: the mean rate of the {@code best} lowest-rate areas, per category. */
    public static List<Row> withBest(List<Row> rows, Map<String, Double> population, int best) {
        java.util.Set<String> areas = new java.util.TreeSet<>();
        Map<String, Map<String, Double>> rates = new java.util.HashMap<>();
        for (Row r : rows) {
            if (!r.areaCode().equals(WHOLE_SET)) {
                areas.add(r.areaCode());
                if (r.row().ratePer1000() != null) {
                    rates.computeIfAbsent(r.row().category(), k -> new java.util.HashMap<>()).put(r.areaCode(), r.row().ratePer1000());
                }
            }
        }
        List<String> withPopulation = areas.stream().filter(a -> population.get(a) != null && population.get(a) > 0).toList();
        Map<String, Double> mean = new java.util.HashMap<>();
        if (withPopulation.size() >= best) {
            for (String category : rates.keySet()) {
                Map<String, Double> r = rates.get(category);
                mean.put(category, withPopulation.stream().mapToDouble(a -> r.getOrDefault(a, 0.0)).sorted().limit(best).sum() / best);
            }
        }
        List<Row> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new Row(r.areaCode(), r.areaName(), r.row(), mean.get(r.row().category())));
        }
        return out;
    }

    /**
     * @param boundaries the set; each of its wards (areas) in code order, then the whole set under code {@link #WHOLE_SET}
     */
    public static List<Row> rows(Workspace workspace, String boundaries, Set<String> datasets, Period period, Period comparison,
                                 Integer best) {
        return rows(workspace, boundaries, datasets, period, comparison, best, org.wardheat.analysis.ChangeRules.DEFAULT);
    }

    /** As above, counted, tested and rated by {@code rules} (with {@code per_population}, rates per residents of that age group). */
    public static List<Row> rows(Workspace workspace, String boundaries, Set<String> datasets, Period period, Period comparison,
                                 Integer best, org.wardheat.analysis.ChangeRules rules) {
        List<Row> rows = rows(workspace, boundaries, datasets, period, comparison, rules);
        return best == null ? rows : withBest(rows, population(workspace, boundaries, rules), best);
    }

    private static Map<String, Double> population(Workspace workspace, String boundaries, org.wardheat.analysis.ChangeRules rules) {
        return rules.perPopulation() == null ? workspace.boundarySet(boundaries).population()
                : WardContexts.population(workspace, boundaries, rules.perPopulation());
    }

    public static List<Row> rows(Workspace workspace, String boundaries, Set<String> datasets, Period period, Period comparison) {
        return rows(workspace, boundaries, datasets, period, comparison, org.wardheat.analysis.ChangeRules.DEFAULT);
    }

    private static List<Row> rows(Workspace workspace, String boundaries, Set<String> datasets, Period period, Period comparison,
                                  org.wardheat.analysis.ChangeRules rules) {
        Snapshot snap = workspace.snapshot();
        LoadedSet set = snap.boundarySet(boundaries);
        Map<String, Double> population = population(workspace, boundaries, rules);
        List<Row> rows = new ArrayList<>();
        for (Ward w : set.wards()) {
            AreaService.Area a = new AreaService.Area(boundaries, List.of(w.code()), null, w.name());
            for (AreaService.CategoryRow r : CategoryTable.rows(snap, a, population.get(w.code()), Set.<String>of(), datasets, period, comparison,
                    rules, null)) {
                rows.add(new Row(w.code(), w.name(), r));
            }
        }
        boolean complete = population.size() == set.wards().size();
        double total = population.values().stream().mapToDouble(Double::doubleValue).sum();
        AreaService.Area whole = new AreaService.Area(boundaries, List.of(), null, "whole set");
        for (AreaService.CategoryRow r : CategoryTable.rows(snap, whole, complete ? total : null, Set.<String>of(), datasets, period, comparison,
                    rules, null)) {
            rows.add(new Row(WHOLE_SET, "whole set (" + boundaries + ")", r));
        }
        return rows;
    }
}
