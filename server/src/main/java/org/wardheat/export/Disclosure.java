package org.wardheat.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statistical disclosure control of a table before a viewer sees it or it is shared outside the partnership.
 * The one entry point is {@link #apply(FeatureTable, DisclosureRule)} (with {@link DisclosureRule#forTable}
 * for any table wardheat makes, or {@link #apply(FeatureTable, int)} for short).
 *
 * <h2>Primary suppression</h2>
 * A count from 1 to k−1 is shown as {@code "<k"} (e.g. {@code "<5"}); 0 stays 0 (an absence discloses no one).
 *
 * <h2>Secondary suppression</h2>
 * The reader can add up: each column's total (a total row such as strategic "All", or a total published with
 * the table), each row's total (a ward's total over categories) and each period difference
 * ({@code current − previous = difference}) is a linear equation over the table's cells. An equation with exactly
 * one suppressed cell gives that cell away, so another of its cells is suppressed too: in a period difference the
 * difference first, otherwise the smallest non-zero cell (ties: the first), a zero only when nothing else is left.
 * This runs over all equations again and again until none has exactly one suppressed cell (a fixed point; it ends
 * because cells are only ever added). Secondarily suppressed cells are shown as {@code "[c]"}; the reader cannot
 * tell their size. In a two-way table every suppressed cell then has a partner in its row and in its column.
 *
 * <h2>Audit</h2>
 * Partners are not always enough: a secondary 5 beside a primary 4 in a row adding up to 9 is pinned, since
 * the reader knows a secondary count is at least k (the real Maidstone 2022 ward × category table has such a
 * cell). So the result is attacked: {@link SuppressionAudit} solves, for each suppressed cell, the linear
 * programmes of everything shown for the least and greatest value it can take; while any cell's interval holds a
 * single whole number, the best shown cell of one of its equations is suppressed too and the fixed point runs
 * again. Tables with more than {@link SuppressionAudit#MAX_CELLS} suppressed cells (large hotspot grids, where
 * the only equation is the layer's total) are not audited; the parameters say so.
 *
 * <h2>Derived values</h2>
 * Rates, shares, ranks, % change, intervals and p-values (and a hotspot cell's KDE density, Gi* z, p-value, bin
 * and class) are withheld as {@code "[c]"} where any count they come from is suppressed, primary or secondary,
 * since a rate times the residents gives the count back. Monthly series are withheld in every row.
 *
 * <p>The result's {@link FeatureTable#parameters()} hold {@code disclosure}: {@code applied}, {@code k}, how many
 * cells were suppressed (primary, secondary, derived withheld), the audit's outcome and what the marks mean; its name ends
 * {@code _shareable-k5}. Count, difference and derived columns become text columns (numbers stay numbers in
 * GeoJSON and CSV; a GeoPackage stores them as text).
 */
public final class Disclosure {
    /** How a secondarily suppressed cell, or a withheld derived value, is shown. */
    public static final String WITHHELD = "[c]";

    private Disclosure() {
    }

    /** {@link #apply(FeatureTable, DisclosureRule)} with the rule for wardheat's tables ({@link DisclosureRule#forTable}). */
    public static FeatureTable apply(FeatureTable table, int k) {
        return apply(table, DisclosureRule.forTable(table, k));
    }

    /**
     * The table as a viewer may see it and as it may be shared: counts of 1 to k−1 shown as {@code "<k"},
     * secondary suppression so none can be recovered from totals or period differences, derived values withheld
     * where their counts are; the parameters say so.
     */
    public static FeatureTable apply(FeatureTable table, DisclosureRule rule) {
        return suppress(table, rule).table();
    }

    /** Where {@link #suppress} put its marks. */
    public enum Mark { SHOWN, PRIMARY, SECONDARY, WITHHELD }

    /**
     * The suppressed table and, for each row and column, what was done to the cell; the equations the reader
     * can add up with.
     */
    public record Result(FeatureTable table, Mark[][] marks, List<Equation> equations) {
    }

    /**
     * {@code Σ coefficient × cell = constant}: a total, a row total or a period difference the reader knows.
     *
     * @param cells        {row, column} pairs
     * @param coefficients +1 or −1 each
     * @param constant     a published total, or 0
     */
    public record Equation(List<int[]> cells, List<Integer> coefficients, double constant) {
    }

    /** {@link #apply} with its marks and equations (for tests and audits). */
    public static Result suppress(FeatureTable table, DisclosureRule rule) {
        List<String> names = table.columnNames();
        int rows = table.rows().size();
        int columns = names.size();
        double[][] value = values(table);
        int[] countColumns = indexes(names, rule.counts());
        int totalRow = totalRow(table, rule);
        Mark[][] marks = new Mark[rows][columns];
        for (Mark[] m : marks) {
            Arrays.fill(m, Mark.SHOWN);
        }
        // primary: 1 ≤ count ≤ k − 1
        for (int r = 0; r < rows; r++) {
            for (int c : countColumns) {
                double v = value[r][c];
                if (v > 0 && v < rule.k()) {
                    marks[r][c] = Mark.PRIMARY;
                }
            }
        }
        List<Equation> equations = equations(table, rule, value, totalRow);
        boolean[][] preferred = new boolean[rows][columns];
        for (DisclosureRule.Difference d : rule.differences()) {
            int c = names.indexOf(d.difference());
            for (int r = 0; r < rows; r++) {
                preferred[r][c] = true;
            }
        }
        boolean audited = false;
        int pinned = 0;
        if (rule.secondary()) {
            boolean[] counts = countColumns(table, rule);
            while (true) {
                secondary(equations, marks, value, preferred);
                if (SuppressionAudit.variables(marks, equations) > SuppressionAudit.MAX_CELLS) {
                    break;
                }
                audited = true;
                List<SuppressionAudit.Interval> recovered = SuppressionAudit.recovered(value, marks, equations, rule.k(), counts);
                pinned = recovered.size();
                if (recovered.isEmpty() || !widen(recovered, equations, marks, value, preferred)) {
                    break;
                }
            }
        }
        int primary = 0, secondary = 0, withheld = 0;
        for (Mark[] m : marks) {
            for (Mark x : m) {
                primary += x == Mark.PRIMARY ? 1 : 0;
                secondary += x == Mark.SECONDARY ? 1 : 0;
            }
        }
        for (var e : rule.derived().entrySet()) {
            int c = names.indexOf(e.getKey());
            int[] from = indexes(names, e.getValue());
            for (int r = 0; r < rows; r++) {
                for (int f : from) {
                    if (marks[r][f] != Mark.SHOWN && marks[r][c] == Mark.SHOWN) {
                        marks[r][c] = Mark.WITHHELD;
                        withheld++;
                    }
                }
            }
        }
        return new Result(rebuild(table, rule, marks, primary, secondary, withheld, audited, pinned), marks, equations);
    }

    /** Each number cell's value, row by column; NaN for text and empty cells. */
    static double[][] values(FeatureTable table) {
        double[][] value = new double[table.rows().size()][table.columns().size()];
        for (int r = 0; r < value.length; r++) {
            Arrays.fill(value[r], Double.NaN);
            for (int c = 0; c < value[r].length; c++) {
                if (table.rows().get(r).get(c) instanceof Number n) {
                    value[r][c] = n.doubleValue();
                }
            }
        }
        return value;
    }

    /** Whether each column holds counts (the rule's counts and row totals), not differences or other values. */
    static boolean[] countColumns(FeatureTable table, DisclosureRule rule) {
        List<String> names = table.columnNames();
        boolean[] counts = new boolean[names.size()];
        for (int c = 0; c < counts.length; c++) {
            String n = names.get(c);
            counts[c] = rule.counts().contains(n) || rule.rowTotals().stream().anyMatch(t -> t.total().equals(n));
        }
        return counts;
    }

    /**
     * Suppresses one more cell for each cell the audit recovered (one whose interval holds a single whole
     * number, e.g. a secondary 5 beside a primary 4 in a row adding up to 9): the best shown cell of an equation
     * it is in. False when there is none left to suppress.
     */
    private static boolean widen(List<SuppressionAudit.Interval> recovered, List<Equation> equations, Mark[][] marks, double[][] value,
                                 boolean[][] preferred) {
        boolean added = false;
        for (SuppressionAudit.Interval i : recovered) {
            int[] best = null;
            for (Equation e : equations) {
                if (e.cells().stream().noneMatch(c -> c[0] == i.row() && c[1] == i.column())) {
                    continue;
                }
                for (int[] cell : e.cells()) {
                    if (marks[cell[0]][cell[1]] == Mark.SHOWN && (best == null || better(cell, best, value, preferred))) {
                        best = cell;
                    }
                }
            }
            if (best != null) {
                marks[best[0]][best[1]] = Mark.SECONDARY;
                added = true;
            }
        }
        return added;
    }

    /** Indexes of the named columns that the table has. */
    private static int[] indexes(List<String> names, List<String> wanted) {
        return wanted.stream().mapToInt(names::indexOf).filter(i -> i >= 0).toArray();
    }

    private static int totalRow(FeatureTable table, DisclosureRule rule) {
        if (rule.totalRow() == null) {
            return -1;
        }
        int c = table.columnNames().indexOf(rule.totalRow().column());
        for (int r = 0; r < table.rows().size(); r++) {
            if (c >= 0 && rule.totalRow().label().equals(table.rows().get(r).get(c))) {
                return r;
            }
        }
        return -1;
    }

    /** Every equation the reader can add up with: column totals, row totals, period differences, group rows, lags. */
    private static List<Equation> equations(FeatureTable table, DisclosureRule rule, double[][] value, int totalRow) {
        List<String> names = table.columnNames();
        int rows = value.length;
        List<Equation> out = new ArrayList<>();
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        int label = rule.totalRow() == null ? -1 : names.indexOf(rule.totalRow().column());
        for (int r = 0; r < rows && label >= 0; r++) {
            rowOf.put(String.valueOf(table.rows().get(r).get(label)), r);
        }
        boolean[] sumRow = new boolean[rows];
        for (DisclosureRule.SumRow s : rule.sumRows()) {
            Integer r = rowOf.get(s.label());
            if (r != null) {
                sumRow[r] = true;
            }
        }
        // columns: the counts and the differences
        List<String> summed = new ArrayList<>(rule.counts());
        rule.differences().forEach(d -> summed.add(d.difference()));
        rule.rowTotals().forEach(t -> summed.add(t.total()));
        for (int c : indexes(names, summed.stream().distinct().toList())) {
            List<int[]> cells = new ArrayList<>();
            List<Integer> coefficients = new ArrayList<>();
            double total = 0;
            for (int r = 0; r < rows; r++) {
                if (r != totalRow && !sumRow[r] && !Double.isNaN(value[r][c])) {
                    cells.add(new int[]{r, c});
                    coefficients.add(1);
                    total += value[r][c];
                }
            }
            if (totalRow >= 0 && !Double.isNaN(value[totalRow][c])) {
                cells.add(new int[]{totalRow, c});
                coefficients.add(-1);
                out.add(new Equation(cells, coefficients, 0));
            } else if (rule.columnTotalsPublished() && rule.counts().contains(names.get(c))) {
                out.add(new Equation(cells, coefficients, total));
            }
            for (DisclosureRule.SumRow s : rule.sumRows()) {
                Integer sum = rowOf.get(s.label());
                if (sum == null || Double.isNaN(value[sum][c])) {
                    continue;
                }
                List<int[]> parts = new ArrayList<>();
                List<Integer> signs = new ArrayList<>();
                for (String p : s.parts()) {
                    Integer r = rowOf.get(p);
                    if (r != null && !Double.isNaN(value[r][c])) {
                        parts.add(new int[]{r, c});
                        signs.add(1);
                    }
                }
                parts.add(new int[]{sum, c});
                signs.add(-1);
                out.add(new Equation(parts, signs, 0));
            }
        }
        for (DisclosureRule.Lag lag : rule.lags()) {
            int cur = names.indexOf(lag.current()), prev = names.indexOf(lag.previous());
            for (int r = 1; r < rows; r++) {
                if (!Double.isNaN(value[r - 1][cur]) && !Double.isNaN(value[r][prev])) {
                    out.add(new Equation(List.of(new int[]{r - 1, cur}, new int[]{r, prev}), List.of(1, -1), 0));
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            for (DisclosureRule.RowTotal t : rule.rowTotals()) {
                List<int[]> cells = new ArrayList<>();
                List<Integer> coefficients = new ArrayList<>();
                for (int c : indexes(names, t.parts())) {
                    cells.add(new int[]{r, c});
                    coefficients.add(1);
                }
                cells.add(new int[]{r, names.indexOf(t.total())});
                coefficients.add(-1);
                out.add(new Equation(cells, coefficients, 0));
            }
            for (DisclosureRule.Difference d : rule.differences()) {
                int cur = names.indexOf(d.current()), prev = names.indexOf(d.previous()), diff = names.indexOf(d.difference());
                if (!Double.isNaN(value[r][cur]) && !Double.isNaN(value[r][prev]) && !Double.isNaN(value[r][diff])) {
                    out.add(new Equation(List.of(new int[]{r, cur}, new int[]{r, prev}, new int[]{r, diff}), List.of(1, -1, -1), 0));
                }
            }
        }
        return out;
    }

    /**
     * Until no equation has exactly one suppressed cell: in each that has, suppress one more (a difference
     * first, then the smallest non-zero cell, then a zero).
     */
    private static void secondary(List<Equation> equations, Mark[][] marks, double[][] value, boolean[][] preferred) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Equation e : equations) {
                int suppressed = 0;
                for (int[] cell : e.cells()) {
                    suppressed += marks[cell[0]][cell[1]] != Mark.SHOWN ? 1 : 0;
                }
                if (suppressed != 1) {
                    continue;
                }
                int[] best = null;
                for (int[] cell : e.cells()) {
                    if (marks[cell[0]][cell[1]] == Mark.SHOWN && (best == null || better(cell, best, value, preferred))) {
                        best = cell;
                    }
                }
                if (best != null) {
                    marks[best[0]][best[1]] = Mark.SECONDARY;
                    changed = true;
                }
            }
        }
    }

    /** Whether {@code a} is a better second cell to suppress than {@code b}: a difference, then non-zero, then smaller. */
    private static boolean better(int[] a, int[] b, double[][] value, boolean[][] preferred) {
        boolean pa = preferred[a[0]][a[1]], pb = preferred[b[0]][b[1]];
        if (pa != pb) {
            return pa;
        }
        double va = Math.abs(value[a[0]][a[1]]), vb = Math.abs(value[b[0]][b[1]]);
        if ((va == 0) != (vb == 0)) {
            return vb == 0;
        }
        return va < vb;
    }

    private static FeatureTable rebuild(FeatureTable table, DisclosureRule rule, Mark[][] marks, int primary, int secondary, int withheld,
                                        boolean audited, int pinned) {
        List<String> names = table.columnNames();
        List<String> marked = new ArrayList<>(rule.counts());
        rule.differences().forEach(d -> marked.add(d.difference()));
        rule.rowTotals().forEach(t -> marked.add(t.total()));
        marked.addAll(rule.derived().keySet());
        List<Column> columns = new ArrayList<>();
        for (Column c : table.columns()) {
            columns.add(marked.contains(c.name()) ? Column.text(c.name()) : c);
        }
        int[] hidden = indexes(names, rule.hidden());
        String less = "<" + rule.k();
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < table.rows().size(); r++) {
            Object[] row = table.rows().get(r).toArray();
            for (int c = 0; c < row.length; c++) {
                row[c] = switch (marks[r][c]) {
                    case SHOWN -> row[c];
                    case PRIMARY -> less;
                    case SECONDARY, WITHHELD -> WITHHELD;
                };
            }
            for (int c : hidden) {
                row[c] = null;
            }
            rows.add(java.util.Collections.unmodifiableList(Arrays.asList(row)));
        }
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("applied", true);
        note.put("k", rule.k());
        note.put("secondary_suppression", rule.secondary());
        note.put("primary_cells", primary);
        note.put("secondary_cells", secondary);
        note.put("derived_withheld", withheld);
        note.put("recovery_audit", audited ? pinned == 0 ? "passed" : pinned + " cells recoverable"
                : rule.secondary() ? "not run (more than " + SuppressionAudit.MAX_CELLS + " suppressed cells)" : "not run (no secondary suppression)");
        note.put("marks", Layers.ordered(less, "a count from 1 to " + (rule.k() - 1),
                WITHHELD, "withheld so that no suppressed count can be worked out from totals or differences"));
        if (!rule.hidden().isEmpty()) {
            note.put("hidden_columns", rule.hidden().stream().filter(names::contains).toList());
        }
        Map<String, Object> parameters = new LinkedHashMap<>(table.parameters());
        parameters.put("disclosure", note);
        return new FeatureTable(table.name() + "_shareable-k" + rule.k(), columns, rows, table.geometries(), table.idColumn(), parameters);
    }
}
