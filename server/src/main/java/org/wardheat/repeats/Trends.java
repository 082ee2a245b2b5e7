package org.wardheat.repeats;

import org.wardheat.model.Period;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trends read off a {@link MonthlyTable} (the month × year table): the annual series with year-on-year
 * change, and the monthly series with rolling 12-month totals. A month is counted only when it lies in
 * the period and the store holds data for it ({@code covered}: a month never imported is not a month of 0);
 * a covered month without records counts 0. A year with fewer than 12 such months has its change withheld,
 * as has the year after it; a rolling total needs all its 12 months covered.
 */
public final class Trends {
    private Trends() {
    }

    /**
     * One year (starting in the table's first month).
     *
     * @param monthsInPeriod how many of its 12 months lie in the period and have data
     * @param change         total − the previous year's total; null when either year has fewer than 12 such
     *                       months, or for the first year
     * @param changePct      change as a percentage of the previous year's total; null as {@code change}, or
     *                       when the previous total is 0
     */
    public record Year(String label, YearMonth start, int monthsInPeriod, double total, Double change, Double changePct) {
    }

    /**
     * One month.
     *
     * @param value     its total; null when the store has no data for the month
     * @param rolling12 the total of the 12 months ending with this one; null unless all 12 lie in the period and have data
     */
    public record Month(YearMonth month, Double value, Double rolling12) {
    }

    /**
     * Every month of {@code period} with its value in {@code t} (0 when the table has no row or value for it),
     * null for a month not {@code covered}.
     */
    static Map<YearMonth, Double> monthly(MonthlyTable.Table t, Period period, Set<YearMonth> covered) {
        Map<YearMonth, double[]> rows = new LinkedHashMap<>();
        for (MonthlyTable.Row r : t.rows()) {
            rows.put(r.start(), r.months());
        }
        int firstMonth = t.firstMonth();
        Map<YearMonth, Double> out = new LinkedHashMap<>();
        for (YearMonth m : period.months()) {
            YearMonth start = MonthlyTable.yearStart(m, firstMonth);
            double[] months = rows.get(start);
            out.put(m, !covered.contains(m) ? null : months == null ? 0.0 : months[(int) start.until(m, java.time.temporal.ChronoUnit.MONTHS)]);
        }
        return out;
    }

    /** The monthly series of the period with rolling 12-month totals. */
    public static List<Month> rolling(MonthlyTable.Table t, Period period, Set<YearMonth> covered) {
        List<Month> out = new ArrayList<>();
        List<Double> values = new ArrayList<>(monthly(t, period, covered).values());
        List<YearMonth> months = period.months();
        for (int i = 0; i < values.size(); i++) {
            Double window = null;
            if (i >= 11) {
                window = 0.0;
                for (int k = i - 11; k <= i && window != null; k++) {
                    window = values.get(k) == null ? null : window + values.get(k);
                }
            }
            out.add(new Month(months.get(i), values.get(i), window));
        }
        return out;
    }

    /** The years the period touches, each with its total and the change on the year before. */
    public static List<Year> annual(MonthlyTable.Table t, Period period, Set<YearMonth> covered) {
        int firstMonth = t.firstMonth();
        Map<YearMonth, double[]> years = new LinkedHashMap<>(); // start → {total, months in period with data}
        monthly(t, period, covered).forEach((m, v) -> {
            double[] y = years.computeIfAbsent(MonthlyTable.yearStart(m, firstMonth), k -> new double[2]);
            if (v != null) {
                y[0] += v;
                y[1] += 1;
            }
        });
        List<Year> out = new ArrayList<>();
        double[] previous = null;
        for (Map.Entry<YearMonth, double[]> e : years.entrySet()) {
            double[] y = e.getValue();
            boolean comparable = previous != null && previous[1] == 12 && y[1] == 12;
            Double change = comparable ? y[0] - previous[0] : null;
            Double pct = comparable && previous[0] != 0 ? 100.0 * (y[0] - previous[0]) / previous[0] : null;
            out.add(new Year(MonthlyTable.label(e.getKey(), firstMonth), e.getKey(), (int) y[1], y[0], change, pct));
            previous = y;
        }
        return out;
    }
}
