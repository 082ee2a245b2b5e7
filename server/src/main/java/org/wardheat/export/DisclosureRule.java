package org.wardheat.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link Disclosure} protects in a table, and how: the threshold {@code k}, which columns are counts,
 * which are derived from counts (rates, shares, ranks, % change, intervals, p-values, hotspot statistics),
 * which hold a difference of two periods, and which totals the reader can add up against.
 *
 * <p>Use {@link #forTable(FeatureTable, int)} for every table wardheat makes (it reads the column names);
 * build one by hand for other shapes (e.g. a ward × category table with a total column and a total row).
 *
 * @param k                     counts from 1 to k−1 are suppressed; {@link #MIN_K} to {@link #MAX_K}, default {@link #DEFAULT_K}
 * @param counts                columns of counts (primary suppression: 1 ≤ value ≤ k−1; 0 stays 0)
 * @param derived               column → the counts of its row it is computed from; withheld where any of them is suppressed
 * @param differences           this period, last period and their difference, in one row
 * @param rowTotals             a column that is the sum of other columns of its row (a ward's total over categories)
 * @param totalRow              the row holding each column's total (e.g. category "All"), or null
 * @param columnTotalsPublished each count column's total over the rows is published elsewhere (the ward table's
 *                              totals, a hotspot layer's incident count), so the reader may add up against it
 * @param hidden                columns withheld in every row (monthly series: each month is a small count)
 * @param secondary             apply secondary suppression; {@code false} only to show what primary suppression
 *                              alone leaves open (tests)
 * @param sumRows               rows that add up other rows (category groups in the strategic table): kept out of the
 *                              total row's equation, each an equation of its own
 * @param lags                  a column that repeats another column of the row before (a series of years)
 */
public record DisclosureRule(int k, List<String> counts, Map<String, List<String>> derived, List<Difference> differences,
                             List<RowTotal> rowTotals, TotalRow totalRow, boolean columnTotalsPublished, List<String> hidden,
                             boolean secondary, List<SumRow> sumRows, List<Lag> lags) {
    public static final int DEFAULT_K = 5;
    /** k = 2 suppresses only ones. */
    public static final int MIN_K = 2;
    public static final int MAX_K = 100;

    /** {@code current − previous = difference}, all in one row. */
    public record Difference(String current, String previous, String difference) {
    }

    /** {@code total = Σ parts}, in one row. */
    public record RowTotal(String total, List<String> parts) {
        public RowTotal {
            parts = List.copyOf(parts);
        }
    }

    /** The row whose {@code column} equals {@code label} holds the other rows' totals. */
    public record TotalRow(String column, String label) {
    }

    /** In every count column, the row labelled {@code label} (in the total row's column) is the sum of the rows labelled {@code parts}. */
    public record SumRow(String label, List<String> parts) {
        public SumRow {
            parts = List.copyOf(parts);
        }
    }

    /** {@code previous} in each row equals {@code current} in the row before it (consecutive periods, one a row). */
    public record Lag(String current, String previous) {
    }

    public DisclosureRule {
        if (k < MIN_K || k > MAX_K) {
            throw new IllegalArgumentException("k must be from " + MIN_K + " to " + MAX_K + ", not " + k);
        }
        counts = List.copyOf(counts);
        derived = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(derived));
        differences = List.copyOf(differences);
        rowTotals = List.copyOf(rowTotals);
        hidden = List.copyOf(hidden);
        sumRows = sumRows == null ? List.of() : List.copyOf(sumRows);
        lags = lags == null ? List.of() : List.copyOf(lags);
    }

    /** A rule without sum rows or lags. */
    public DisclosureRule(int k, List<String> counts, Map<String, List<String>> derived, List<Difference> differences,
                          List<RowTotal> rowTotals, TotalRow totalRow, boolean columnTotalsPublished, List<String> hidden,
                          boolean secondary) {
        this(k, counts, derived, differences, rowTotals, totalRow, columnTotalsPublished, hidden, secondary, List.of(), List.of());
    }

    /** The same rule without secondary suppression (to show in a test that primary suppression alone is not enough). */
    public DisclosureRule primaryOnly() {
        return new DisclosureRule(k, counts, derived, differences, rowTotals, totalRow, columnTotalsPublished, hidden, false, sumRows, lags);
    }

    /** Columns that say which row or place it is; never withheld. */
    private static final Set<String> IDENTIFIERS = Set.of("ward_code", "ward_name", "district", "residents", "cell_id", "lon", "lat",
            "easting", "northing", "category", "period", "comparison", "kind", "group_categories", "year", "start");
    /** The count columns of wardheat's tables. */
    private static final List<String> COUNTS = List.of("count", "previous_count", "this_period", "last_period", "n", "n_before", "n_after",
            "n_train", "n_test", "previous_year_count");
    private static final List<Difference> DIFFERENCES = List.of(new Difference("count", "previous_count", "change"),
            new Difference("count", "previous_year_count", "change"),
            new Difference("this_period", "last_period", "difference"), new Difference("n_after", "n_before", "change"));

    /**
     * The rule for a table wardheat makes, read from its column names:
     * <ul>
     *   <li>counts: {@code count, previous_count} (ward tables), {@code this_period, last_period} (strategic),
     *       {@code n, n_before, n_after, n_train, n_test} (hotspot cells);</li>
     *   <li>differences: {@code change = count − previous_count}, {@code difference = this_period − last_period},
     *       {@code change = n_after − n_before};</li>
     *   <li>derived: {@code rate_per_1000}, {@code share} and {@code rank} from this period's count; {@code change_pct}
     *       from both periods; every other column (KDE density, Gi* z, p-values, bins, classes, CIs) from all the
     *       row's counts;</li>
     *   <li>totals: a {@code category} column with an {@code All} row is a total row (strategic table); otherwise
     *       each count column's total is taken as published (ward totals, a layer's incident count); a row whose
     *       {@code group_categories} is not empty is the sum of the rows of those categories ('|'-separated);</li>
     *   <li>{@code previous_year_count} repeats the row before's {@code count} (the annual trend table);</li>
     *   <li>series and JSON columns are withheld in every row.</li>
     * </ul>
     */
    public static DisclosureRule forTable(FeatureTable t, int k) {
        List<String> names = t.columnNames();
        List<String> counts = COUNTS.stream().filter(names::contains).toList();
        List<Difference> differences = DIFFERENCES.stream()
                .filter(d -> names.contains(d.current()) && names.contains(d.previous()) && names.contains(d.difference())).toList();
        List<String> hidden = new ArrayList<>();
        Map<String, List<String>> derived = new LinkedHashMap<>();
        String current = names.contains("this_period") ? "this_period" : "count";
        String previous = names.contains("last_period") ? "last_period" : "previous_count";
        for (Column c : t.columns()) {
            String n = c.name();
            if (IDENTIFIERS.contains(n) || counts.contains(n) || differences.stream().anyMatch(d -> d.difference().equals(n))) {
                continue;
            }
            if (c.type() == Column.Type.SERIES || c.type() == Column.Type.JSON) {
                hidden.add(n);
            } else if (counts.contains(current) && Set.of("rate_per_1000", "share", "rank").contains(n)) {
                derived.put(n, List.of(current));
            } else if (n.equals("change_pct") && counts.contains(current) && counts.contains(previous)) {
                derived.put(n, List.of(current, previous));
            } else if (!counts.isEmpty()) {
                derived.put(n, counts);
            }
        }
        boolean strategic = names.contains("category") && t.rows().stream()
                .anyMatch(r -> "All".equals(r.get(names.indexOf("category"))));
        List<SumRow> sums = new ArrayList<>();
        int members = names.indexOf("group_categories");
        if (strategic && members >= 0) {
            for (List<Object> r : t.rows()) {
                if (r.get(members) instanceof String m && !m.isEmpty()) {
                    sums.add(new SumRow(String.valueOf(r.get(names.indexOf("category"))), List.of(m.split("\\|"))));
                }
            }
        }
        List<Lag> lags = names.contains("previous_year_count") && names.contains("count") ? List.of(new Lag("count", "previous_year_count"))
                : List.of();
        return new DisclosureRule(k, counts, derived, differences, List.of(), strategic ? new TotalRow("category", "All") : null,
                !strategic, hidden, true, sums, lags);
    }
}
