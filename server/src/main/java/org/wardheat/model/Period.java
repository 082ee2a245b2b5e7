package org.wardheat.model;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of whole months, first and last included.
 *
 * @param from the first month
 * @param to   the last month, not before {@code from}
 */
public record Period(YearMonth from, YearMonth to) {
    public Period {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Parses {@code YYYY-MM} months, naming the option in the message when one is malformed. */
    public static Period of(String from, String to) {
        return new Period(month(from, "--from"), month(to, "--to"));
    }

    /** Parses {@code YYYY-MM:YYYY-MM}. */
    public static Period parse(String range) {
        String[] parts = range.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a period is YYYY-MM:YYYY-MM, not '" + range + "'");
        }
        return of(parts[0], parts[1]);
    }

    public static YearMonth month(String text, String what) {
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a month (YYYY-MM)");
        }
    }

    /** The number of months in the period. */
    public int length() {
        return (int) ChronoUnit.MONTHS.between(from, to) + 1;
    }

    /** The period of the same length that ends the month before this one starts. */
    public Period previous() {
        return new Period(from.minusMonths(length()), from.minusMonths(1));
    }

    public boolean contains(int yyyymm) {
        return yyyymm >= key(from) && yyyymm <= key(to);
    }

    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** {@code 202201}, the form months are stored in, as {@code 2022-01}. */
    public static String text(int yyyymm) {
        return String.format("%04d-%02d", yyyymm / 100, yyyymm % 100);
    }

    /** Parses a comma-separated list of {@code YYYY-MM:YYYY-MM} periods; blank gives none. */
    public static List<Period> parseList(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(list.split(",")).map(String::trim).filter(p -> !p.isEmpty()).map(Period::parse).toList();
    }

    /** {@code 2022-01} as {@code 202201}, the form months are stored in. */
    public static int key(YearMonth m) {
        return m.getYear() * 100 + m.getMonthValue();
    }

    /** The month after {@code yyyymm}, as yyyymm (202212 gives 202301). */
    public static int next(int yyyymm) {
        return yyyymm % 100 == 12 ? (yyyymm / 100 + 1) * 100 + 1 : yyyymm + 1;
    }

    /**
     * This period cut into consecutive runs of {@code monthsPerPeriod} months from its first month; the
     * last run is shorter when the months do not divide evenly.
     */
    public List<Period> split(int monthsPerPeriod) {
        if (monthsPerPeriod < 1) {
            throw new IllegalArgumentException("a period is at least one month");
        }
        List<Period> periods = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(monthsPerPeriod)) {
            YearMonth end = m.plusMonths(monthsPerPeriod - 1);
            periods.add(new Period(m, end.isAfter(to) ? to : end));
        }
        return periods;
    }

    /** The smallest period holding both. */
    public Period span(Period other) {
        return new Period(from.isBefore(other.from) ? from : other.from, to.isAfter(other.to) ? to : other.to);
    }

    @Override
    public String toString() {
        return from + ":" + to;
    }
}
