package org.wardheat.model;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which months of a period and of its comparison period hold data, and whether the two can be compared.
 *
 * <p>Rules (the README states the same):
 * <ul>
 *   <li>A dataset <em>covers</em> a month when it holds at least one stored record dated in that month,
 *       and every month from the first to the last record month of each file imported into it (a council
 *       file of 2019-12 to 2020-11 covers those 12 months even where a month had no finds; a police.uk
 *       monthly file covers its month). Records without a location count; rows rejected or outside the
 *       boundaries at import are not stored, so a file none of whose rows was kept covers nothing.</li>
 *   <li>The datasets that matter are the selected ones (all when none is selected) that hold at least
 *       one record of the selected categories in either period. A month is covered when every one of them covers it: a month with
 *       police.uk data but no needle finds is not covered for a query over both.</li>
 *   <li>The two periods are <em>comparable</em> when they are equally long and every month of both is
 *       covered. Otherwise change is withheld unless the user asks for it ({@code allowPartial}); the
 *       warnings name the months without data and the lengths.</li>
 * </ul>
 *
 * @param datasets     the datasets that matter, in name order
 * @param period       the months of the period analysed
 * @param comparison   the months of the comparison period
 * @param comparable   equal lengths and every month of both periods covered
 * @param allowPartial the user asked for change even when the periods are not comparable
 * @param warnings     plain sentences, empty when comparable
 */
public record Coverage(List<String> datasets, Side period, Side comparison, boolean comparable, boolean allowPartial,
                       List<String> warnings) {

    /**
     * One period's months.
     *
     * @param period  {@code YYYY-MM:YYYY-MM}
     * @param months  its length in months
     * @param covered the months with data ({@code YYYY-MM}), in order
     * @param missing the months without data, in order
     */
    public record Side(String period, int months, List<String> covered, List<String> missing) {
    }

    /** Whether change, % change and its test are shown: the periods are comparable, or the user asked. */
    public boolean changeShown() {
        return comparable || allowPartial;
    }

    /**
     * @param table        the incidents
     * @param categories   the selected categories (a dataset matters when it has records of them in either period); empty for all
     * @param datasets     the selected datasets (case-insensitive, as the filter); empty for all
     * @param period       the period analysed
     * @param comparison   the comparison period, or null when there is none (then only the period is described)
     * @param allowPartial show change even when the periods are not comparable
     */
    public static Coverage of(IncidentTable table, Set<String> categories, Set<String> datasets, Period period, Period comparison,
                              boolean allowPartial) {
        table.filter(categories, datasets); // names the unknown category or dataset
        return of(table, AreaTotalTable.EMPTY, categories, datasets, period, comparison, allowPartial);
    }

    /**
     * As {@link #of(IncidentTable, Set, Set, Period, Period, boolean)} over the incidents and the area totals: an
     * area-total dataset matters when it has a count of the selected categories in either period, and covers the
     * months of its rows and each of its files' first to last month. Names neither table holds are passed over.
     */
    public static Coverage of(IncidentTable table, AreaTotalTable totals, Set<String> categories, Set<String> datasets, Period period,
                              Period comparison, boolean allowPartial) {
        IncidentTable.Filter filter = table.filterKnown(categories, datasets);
        Map<String, Set<Integer>> months = new HashMap<>();
        for (int i = 0; i < table.size(); i++) {
            int m = table.month(i);
            if (filter.test(i) && (period.contains(m) || comparison != null && comparison.contains(m))) {
                months.computeIfAbsent(table.dataset(i), table::coveredMonths);
            }
        }
        for (AreaTotalTable.Row r : totals.allRows()) {
            if (AreaTotalTable.selected(r, categories, datasets) && (period.contains(r.month()) || comparison != null && comparison.contains(r.month()))) {
                months.computeIfAbsent(r.dataset(), totals::coveredMonths);
            }
        }
        List<String> names = new ArrayList<>(new TreeSet<>(months.keySet()));
        Side now = side(period, names, months);
        List<String> warnings = new ArrayList<>();
        if (names.isEmpty()) {
            warnings.add("no data in " + describe(period) + (comparison == null ? "" : " or in " + describe(comparison))
                    + " for the selected datasets");
        }
        if (!now.missing().isEmpty() && !names.isEmpty()) {
            warnings.add("the period " + describe(period) + " has no data for " + list(now.missing()) + " (" + now.missing().size()
                    + " of " + now.months() + " months)");
        }
        if (comparison == null) {
            return new Coverage(names, now, null, false, allowPartial, List.copyOf(warnings));
        }
        Side before = side(comparison, names, months);
        if (!before.missing().isEmpty() && !names.isEmpty()) {
            warnings.add("the comparison period " + describe(comparison) + " has no data for " + list(before.missing()) + " ("
                    + before.missing().size() + " of " + before.months() + " months)");
        }
        if (period.length() != comparison.length()) {
            warnings.add("the periods differ in length: " + period.length() + " months against " + comparison.length());
        }
        boolean comparable = warnings.isEmpty();
        if (!comparable) {
            warnings.add(allowPartial ? "change is shown although the periods are not comparable (allow partial)"
                    : "change is withheld (no comparable data); ask for it with --allow-partial (allow_partial=true)");
        }
        return new Coverage(names, now, before, comparable, allowPartial, List.copyOf(warnings));
    }

    private static Side side(Period p, List<String> datasets, Map<String, Set<Integer>> months) {
        List<String> covered = new ArrayList<>(), missing = new ArrayList<>();
        for (YearMonth m : p.months()) {
            int key = Period.key(m);
            boolean all = !datasets.isEmpty();
            for (String d : datasets) {
                all &= months.get(d).contains(key);
            }
            (all ? covered : missing).add(m.toString());
        }
        return new Side(p.toString(), p.length(), List.copyOf(covered), List.copyOf(missing));
    }

    private static String describe(Period p) {
        return p.from().equals(p.to()) ? p.from().toString() : p.from() + " to " + p.to();
    }

    private static String list(List<String> months) {
        return String.join(", ", months);
    }
}
