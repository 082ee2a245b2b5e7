package org.wardheat.export;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recovery attack on a suppressed table: an attacker with everything it shows. Each shown cell's value
 * is known; each primary cell is from 1 to k−1; each secondarily suppressed count is 0 or at least k (the
 * attacker is told which, to be on the safe side); a suppressed difference may be anything; and every equation
 * the reader can add up with ({@link Disclosure.Equation}) holds. For each suppressed cell it solves two linear
 * programmes over the reals (commons-math3 {@link SimplexSolver}) for the least and the greatest value the cell
 * can take. A cell is recovered ({@link Interval#pinned()}) when fewer than two whole numbers fit its interval.
 * {@link Disclosure} runs it on tables of up to {@link #MAX_CELLS} suppressed cells and suppresses more until
 * no cell is recovered; the tests run it on hand-made and real tables.
 */
public final class SuppressionAudit {
    /** Larger than any count: the lower bound of a difference, which may be negative. */
    private static final double FREE = 1e7;
    /** {@link Disclosure} audits tables with up to this many suppressed cells (2 linear programmes each). */
    public static final int MAX_CELLS = 200;

    /** A suppressed cell's feasible interval: what an attacker can tell of its value. */
    public record Interval(int row, int column, Disclosure.Mark mark, double min, double max) {
        /** Fewer than two whole numbers fit: the cell's value is known. */
        public boolean pinned() {
            return Math.floor(max + 1e-6) - Math.ceil(min - 1e-6) < 1;
        }
    }

    private SuppressionAudit() {
    }

    /** Every suppressed cell's interval in the result of {@link Disclosure#suppress} on {@code original}. */
    public static List<Interval> attack(FeatureTable original, DisclosureRule rule, Disclosure.Result result) {
        return attack(Disclosure.values(original), result.marks(), result.equations(), rule.k(), Disclosure.countColumns(original, rule));
    }

    /** The cells {@link #attack} pins down. */
    public static List<Interval> recovered(FeatureTable original, DisclosureRule rule, Disclosure.Result result) {
        return attack(original, rule, result).stream().filter(Interval::pinned).toList();
    }

    /** The number of suppressed cells in the equations: the size of the linear programmes. */
    static int variables(Disclosure.Mark[][] marks, List<Disclosure.Equation> equations) {
        return index(marks, equations).size();
    }

    private static Map<String, int[]> index(Disclosure.Mark[][] marks, List<Disclosure.Equation> equations) {
        Map<String, int[]> index = new LinkedHashMap<>();
        for (Disclosure.Equation e : equations) {
            for (int[] cell : e.cells()) {
                if (marks[cell[0]][cell[1]] != Disclosure.Mark.SHOWN) {
                    index.putIfAbsent(key(cell), cell);
                }
            }
        }
        return index;
    }

    /**
     * @param value  the true values, row by column
     * @param counts whether each column holds counts (bounded below by 0, or by k when secondarily suppressed)
     */
    static List<Interval> attack(double[][] value, Disclosure.Mark[][] marks, List<Disclosure.Equation> equations, int k, boolean[] counts) {
        return attack(value, marks, equations, k, counts, false);
    }

    /**
     * The cells recovered, found quickly: a cell whose values in the solutions found so far already span two
     * whole numbers is not pinned and needs no linear programme of its own (the intervals of such cells are only
     * what was seen).
     */
    static List<Interval> recovered(double[][] value, Disclosure.Mark[][] marks, List<Disclosure.Equation> equations, int k, boolean[] counts) {
        return attack(value, marks, equations, k, counts, true).stream().filter(Interval::pinned).toList();
    }

    private static List<Interval> attack(double[][] value, Disclosure.Mark[][] marks, List<Disclosure.Equation> equations, int k,
                                         boolean[] counts, boolean quick) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<int[]> variables = new ArrayList<>(index(marks, equations).values());
        for (int v = 0; v < variables.size(); v++) {
            index.put(key(variables.get(v)), v);
        }
        int n = variables.size();
        // x = lower + y with y ≥ 0
        double[] lower = new double[n];
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            int[] cell = variables.get(v);
            if (marks[cell[0]][cell[1]] == Disclosure.Mark.PRIMARY) {
                lower[v] = 1;
                constraints.add(new LinearConstraint(unit(n, v), Relationship.LEQ, k - 2));
            } else {
                lower[v] = !counts[cell[1]] ? -FREE : value[cell[0]][cell[1]] == 0 ? 0 : k;
            }
        }
        for (Disclosure.Equation e : equations) {
            double[] a = new double[n];
            double rhs = e.constant();
            boolean any = false;
            for (int i = 0; i < e.cells().size(); i++) {
                int[] cell = e.cells().get(i);
                int coefficient = e.coefficients().get(i);
                Integer v = index.get(key(cell));
                if (v == null) {
                    rhs -= coefficient * value[cell[0]][cell[1]];
                } else {
                    a[v] += coefficient;
                    rhs -= coefficient * lower[v];
                    any = true;
                }
            }
            if (any) {
                constraints.add(new LinearConstraint(a, Relationship.EQ, rhs));
            }
        }
        List<Interval> out = new ArrayList<>();
        // values seen in solutions found so far: each is feasible, so [seenMin, seenMax] lies within the interval
        double[] seenMin = new double[n], seenMax = new double[n];
        java.util.Arrays.fill(seenMin, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(seenMax, Double.NEGATIVE_INFINITY);
        for (int v = 0; v < n; v++) {
            int[] cell = variables.get(v);
            if (quick && Math.floor(seenMax[v] + 1e-6) - Math.ceil(seenMin[v] - 1e-6) >= 1) {
                out.add(new Interval(cell[0], cell[1], marks[cell[0]][cell[1]], seenMin[v], seenMax[v]));
                continue;
            }
            double min = optimum(n, v, constraints, GoalType.MINIMIZE, lower, seenMin, seenMax);
            double max = optimum(n, v, constraints, GoalType.MAXIMIZE, lower, seenMin, seenMax);
            out.add(new Interval(cell[0], cell[1], marks[cell[0]][cell[1]], min, max));
        }
        return out;
    }

    /** The least or greatest value of cell {@code v}; widens the values seen of every cell by the solution. */
    private static double optimum(int n, int v, List<LinearConstraint> constraints, GoalType goal, double[] lower, double[] seenMin,
                                  double[] seenMax) {
        try {
            PointValuePair p = new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(unit(n, v), 0),
                    new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(true));
            double[] y = p.getPoint();
            for (int i = 0; i < n; i++) {
                seenMin[i] = Math.min(seenMin[i], y[i] + lower[i]);
                seenMax[i] = Math.max(seenMax[i], y[i] + lower[i]);
            }
            return p.getValue() + lower[v];
        } catch (UnboundedSolutionException e) {
            return goal == GoalType.MINIMIZE ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
    }

    private static double[] unit(int n, int v) {
        double[] a = new double[n];
        a[v] = 1;
        return a;
    }

    private static String key(int[] cell) {
        return cell[0] + ":" + cell[1];
    }
}
