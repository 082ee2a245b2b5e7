package org.wardheat.repeats;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.wardheat.model.Incident;

/**
 * A table of monthly totals, one row per year that starts in {@code firstMonth} (e.g. 12: December to
 * November, labelled "Dec-18 to Nov-19"; 1: calendar years, labelled "2019"), with a total per row.
 */
public final class MonthlyTable {
    /** One year's row: its label, the twelve monthly values in year order, and their total. */
    public record Row(String label, YearMonth start, double[] months, double total) {
    }

    /** @param firstMonth the month each row's year starts in, 1 to 12 */
    public record Table(List<String> monthNames, List<Row> rows, String measure, int firstMonth) {
    }

    private MonthlyTable() {
    }

    /**
     * @param measure {@code count} sums the records' counts (needles); {@code records} counts records (finds)
     */
    public static Table build(List<Incident> records, int firstMonth, String measure) {
        if (firstMonth < 1 || firstMonth > 12) {
            throw new IllegalArgumentException("the first month of the year is 1 to 12, not " + firstMonth);
        }
        boolean count = switch (measure) {
            case "count" -> true;
            case "records" -> false;
            default -> throw new IllegalArgumentException("measure must be count or records, not '" + measure + "'");
        };
        TreeMap<YearMonth, double[]> rows = new TreeMap<>();
        for (Incident r : records) {
            YearMonth m = YearMonth.of(r.month() / 100, r.month() % 100);
            YearMonth start = yearStart(m, firstMonth);
            rows.computeIfAbsent(start, s -> new double[12])[(int) start.until(m, java.time.temporal.ChronoUnit.MONTHS)] += count ? r.weight() : 1;
        }
        List<Row> out = new ArrayList<>();
        rows.forEach((start, months) -> {
            double total = 0;
            for (double v : months) {
                total += v;
            }
            out.add(new Row(label(start, firstMonth), start, months, total));
        });
        List<String> names = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            names.add(MONTHS[(firstMonth - 1 + k) % 12]);
        }
        return new Table(names, out, measure, firstMonth);
    }

    /** The first month of the year (starting in {@code firstMonth}) that holds {@code m}. */
    static YearMonth yearStart(YearMonth m, int firstMonth) {
        return m.minusMonths(Math.floorMod(m.getMonthValue() - firstMonth, 12));
    }

    static String label(YearMonth start, int firstMonth) {
        if (firstMonth == 1) {
            return Integer.toString(start.getYear());
        }
        YearMonth end = start.plusMonths(11);
        return short_(start) + " to " + short_(end);
    }

    /** Three-letter month names as partnership tables print them (the JDK's UK locale says "Sept"). */
    static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private static String short_(YearMonth m) {
        return MONTHS[m.getMonthValue() - 1] + "-" + String.format("%02d", m.getYear() % 100);
    }
}
