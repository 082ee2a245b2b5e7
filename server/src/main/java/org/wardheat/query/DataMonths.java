package org.wardheat.query;

import org.wardheat.model.Period;

import java.time.YearMonth;
import java.util.Collection;

/**
 * The months the stored data covers, against which query periods are checked: a period may reach
 * {@link Limits#PERIOD_MARGIN_MONTHS} before the first and after the last month, is at most
 * {@link Limits#MAX_PERIOD_YEARS} long, and never before {@link Limits#EARLIEST_MONTH}. With no data,
 * periods may run to {@link Limits#PERIOD_MARGIN_MONTHS} after the current month.
 *
 * @param first the first month with data, or null when there is none
 * @param last  the last month with data, or null when there is none
 */
public record DataMonths(YearMonth first, YearMonth last) {
    /** No data: periods are checked against the current month. */
    public static final DataMonths NONE = new DataMonths(null, null);

    /** From month texts {@code YYYY-MM} (e.g. the keys of the store's month counts). */
    public static DataMonths of(Collection<String> months) {
        YearMonth first = null, last = null;
        for (String m : months) {
            YearMonth ym = YearMonth.parse(m);
            first = first == null || ym.isBefore(first) ? ym : first;
            last = last == null || ym.isAfter(last) ? ym : last;
        }
        return new DataMonths(first, last);
    }

    public YearMonth earliestAllowed() {
        YearMonth e = first == null ? Limits.EARLIEST_MONTH : first.minusMonths(Limits.PERIOD_MARGIN_MONTHS);
        return e.isBefore(Limits.EARLIEST_MONTH) ? Limits.EARLIEST_MONTH : e;
    }

    public YearMonth latestAllowed() {
        return (last == null ? YearMonth.now() : last).plusMonths(Limits.PERIOD_MARGIN_MONTHS);
    }

    /**
     * Checks a period.
     *
     * @param fromParameter the parameter named when the start is out of range (e.g. {@code from})
     * @param toParameter   the parameter named when the end is out of range or the period too long
     */
    public Period check(String fromParameter, String toParameter, Period p) {
        String allowed = "months from " + earliestAllowed() + " to " + latestAllowed()
                + (first == null ? "" : " (the data covers " + first + " to " + last + ", with " + Limits.PERIOD_MARGIN_MONTHS + " months either side)");
        if (p.from().isBefore(earliestAllowed()) || p.from().isAfter(latestAllowed())) {
            throw new InvalidParameterException(fromParameter, p.from() + " is out of range; expected " + allowed);
        }
        if (p.to().isBefore(earliestAllowed()) || p.to().isAfter(latestAllowed())) {
            throw new InvalidParameterException(toParameter, p.to() + " is out of range; expected " + allowed);
        }
        if (p.length() > 12 * Limits.MAX_PERIOD_YEARS) {
            throw new InvalidParameterException(toParameter, "the period " + p + " is " + p.length() + " months long; expected at most "
                    + Limits.MAX_PERIOD_YEARS + " years");
        }
        return p;
    }

    /** Checks a period given as one parameter ({@code YYYY-MM:YYYY-MM}). */
    public Period check(String parameter, Period p) {
        return check(parameter, parameter, p);
    }
}
