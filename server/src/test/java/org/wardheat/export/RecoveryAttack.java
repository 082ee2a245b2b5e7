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
 * An attacker with everything a suppressed table shows: each shown cell's value, each primary cell is from 1 to
 * k−1, each secondary count is 0 or at least k (the attacker is told which, to be on the safe side), a difference
 * may be anything, and every equation the reader can add up with ({@link Disclosure.Equation}). For each
 * suppressed cell it solves two linear programmes (commons-math3 {@link SimplexSolver}) for the least and the
 * greatest value the cell can take. A cell is recovered when fewer than two whole numbers fit its interval.
 */
final class RecoveryAttack {
    /** Larger than any count in a test table: the lower bound of a difference, which may be negative. */
    private static final double FREE = 1e7;

    /** A suppressed cell's feasible interval. */
    record Interval(int row, int column, Disclosure.Mark mark, double min, double max) {
        /** Fewer than two whole numbers fit: the cell's value is known. */
        boolean pinned() {
            return Math.floor(max + 1e-6) - Math.ceil(min - 1e-6) < 1;
        }
    }

    private RecoveryAttack() {
    }

    /**
     * Every suppressed count or difference cell's interval.
     *
     * @param original the table before suppression (the true values, for the attacker's side knowledge of
     *                 whether a secondary count is 0)
     */
    static List<Interval> attack(FeatureTable original, DisclosureRule rule, Disclosure.Result result) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<int[]> variables = new ArrayList<>();
        for (Disclosure.Equation e : result.equations()) {
            for (int[] cell : e.cells()) {
                if (result.marks()[cell[0]][cell[1]] != Disclosure.Mark.SHOWN && !index.containsKey(key(cell))) {
                    index.put(key(cell), variables.size());
                    variables.add(cell);
                }
            }
        }
        int n = variables.size();
        List<String> counts = new ArrayList<>(rule.counts());
        rule.rowTotals().forEach(t -> counts.add(t.total()));
        List<String> names = original.columnNames();
        // x = lower + y with y ≥ 0
        double[] lower = new double[n];
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            int[] cell = variables.get(v);
            Disclosure.Mark mark = result.marks()[cell[0]][cell[1]];
            boolean count = counts.contains(names.get(cell[1]));
            double value = value(original, cell);
            if (mark == Disclosure.Mark.PRIMARY) {
                lower[v] = 1;
                constraints.add(new LinearConstraint(unit(n, v), Relationship.LEQ, rule.k() - 1 - lower[v]));
            } else {
                lower[v] = !count ? -FREE : value == 0 ? 0 : rule.k();
            }
        }
        for (Disclosure.Equation e : result.equations()) {
            double[] a = new double[n];
            double rhs = e.constant();
            boolean any = false;
            for (int i = 0; i < e.cells().size(); i++) {
                int[] cell = e.cells().get(i);
                int coefficient = e.coefficients().get(i);
                Integer v = index.get(key(cell));
                if (v == null) {
                    rhs -= coefficient * value(original, cell);
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
        for (int v = 0; v < n; v++) {
            int[] cell = variables.get(v);
            double min = optimum(n, v, constraints, GoalType.MINIMIZE) + lower[v];
            double max = optimum(n, v, constraints, GoalType.MAXIMIZE) + lower[v];
            out.add(new Interval(cell[0], cell[1], result.marks()[cell[0]][cell[1]], min, max));
        }
        return out;
    }

    /** The cells the attack pins down. */
    static List<Interval> recovered(FeatureTable original, DisclosureRule rule, Disclosure.Result result) {
        return attack(original, rule, result).stream().filter(Interval::pinned).toList();
    }

    private static double optimum(int n, int v, List<LinearConstraint> constraints, GoalType goal) {
        try {
            PointValuePair p = new SimplexSolver().optimize(new MaxIter(100_000), new LinearObjectiveFunction(unit(n, v), 0),
                    new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(true));
            return p.getValue();
        } catch (UnboundedSolutionException e) {
            return goal == GoalType.MINIMIZE ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
    }

    private static double[] unit(int n, int v) {
        double[] a = new double[n];
        a[v] = 1;
        return a;
    }

    private static double value(FeatureTable t, int[] cell) {
        return ((Number) t.rows().get(cell[0]).get(cell[1])).doubleValue();
    }

    private static String key(int[] cell) {
        return cell[0] + ":" + cell[1];
    }
}
