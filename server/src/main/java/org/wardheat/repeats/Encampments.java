package org.wardheat.repeats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.wardheat.model.Incident;

/**
 * Unauthorised encampments per year: how many, at how many distinct locations, average days in situ
 * and total days of disruption.
 *
 * <p>Rules:
 * <ul>
 *   <li>Days in situ count both the arrival and the departure day (the 3rd to the 5th is 3 days). One
 *       with no end date is still open and is counted to {@code asOf}; an open one arriving after
 *       {@code asOf} has not begun by then: it is listed and counted as an encampment, with 0 days.</li>
 *   <li>An encampment belongs to the year in which it arrived: that year counts it, its location, and
 *       its whole stay in the average days in situ ({@link Stay#days()}).</li>
 *   <li>Total days of disruption are split across years, for open and closed stays alike: each year
 *       counts the days in situ that fall in it, up to {@code until} (the end of the analysed period). A
 *       stay from 30 December to 2 January gives 2 days to each year; a year of the period in which no
 *       encampment arrived but one stayed on has a row with 0 encampments and its days.</li>
 *   <li>Locations are distinct by normalised label, or by coordinates where there is no label.</li>
 * </ul>
 */
public final class Encampments {
    /** One encampment; {@code days} is its whole stay (to {@code asOf} when open), in whole days. */
    public record Stay(String location, String start, String end, long days, boolean open, String extra, double lon, double lat) {
    }

    /**
     * One year (from {@code firstMonth}).
     *
     * @param encampments arrivals in the year
     * @param averageDays the mean of the arrivals' whole stays; 0 when none arrived
     * @param totalDays   days in situ falling in the year, of every stay (arrived this year or earlier)
     * @param open        arrivals in the year still open
     */
    public record Year(String label, int encampments, int locations, double averageDays, long totalDays, int open,
                       List<Stay> stays) {
    }

    private Encampments() {
    }

    /**
     * @param firstMonth the month years start in (1 for calendar years)
     * @param asOf       the date open encampments are counted to
     * @param until      the last day whose days in situ count in the years' totals (the end of the
     *                   analysed period); whole stays ({@link Stay#days()}) are not cut
     */
    public static List<Year> summarise(List<Incident> records, int firstMonth, LocalDate asOf, LocalDate until) {
        TreeMap<YearMonth, List<Stay>> arrivals = new TreeMap<>();
        TreeMap<YearMonth, Set<String>> places = new TreeMap<>();
        TreeMap<YearMonth, Long> daysInYear = new TreeMap<>();
        for (Incident r : records) {
            if (r.date() == null) {
                continue; // a month-only record has no duration; the caller reports them
            }
            LocalDate s = LocalDate.parse(r.date());
            boolean isOpen = r.endDate() == null;
            LocalDate e = isOpen ? asOf : LocalDate.parse(r.endDate());
            long days = e.isBefore(s) ? 0 : ChronoUnit.DAYS.between(s, e) + 1;
            YearMonth arrival = yearOf(s, firstMonth);
            arrivals.computeIfAbsent(arrival, y -> new ArrayList<>())
                    .add(new Stay(r.location(), r.date(), r.endDate(), days, isOpen, r.extra(), r.lon(), r.lat()));
            String label = Labels.normalise(r.location());
            places.computeIfAbsent(arrival, y -> new HashSet<>()).add(label != null ? label : Places.coordinateKey(r));
            LocalDate last = e.isBefore(until) ? e : until;
            for (YearMonth y = arrival; !y.atDay(1).isAfter(last); y = y.plusMonths(12)) {
                LocalDate from = s.isAfter(y.atDay(1)) ? s : y.atDay(1);
                LocalDate yearEnd = y.plusMonths(11).atEndOfMonth();
                LocalDate to = last.isBefore(yearEnd) ? last : yearEnd;
                if (!to.isBefore(from)) {
                    daysInYear.merge(y, ChronoUnit.DAYS.between(from, to) + 1, Long::sum);
                }
            }
        }
        TreeSet<YearMonth> years = new TreeSet<>(arrivals.keySet());
        years.addAll(daysInYear.keySet());
        List<Year> out = new ArrayList<>();
        for (YearMonth y : years) {
            List<Stay> stays = arrivals.getOrDefault(y, new ArrayList<>());
            stays.sort((a, b) -> a.start().compareTo(b.start()));
            long whole = stays.stream().mapToLong(Stay::days).sum();
            out.add(new Year(MonthlyTable.label(y, firstMonth), stays.size(), places.getOrDefault(y, Set.of()).size(),
                    stays.isEmpty() ? 0 : (double) whole / stays.size(), daysInYear.getOrDefault(y, 0L),
                    (int) stays.stream().filter(Stay::open).count(), stays));
        }
        return out;
    }

    /** The start of the year (from {@code firstMonth}) holding {@code day}. */
    private static YearMonth yearOf(LocalDate day, int firstMonth) {
        return MonthlyTable.yearStart(YearMonth.from(day), firstMonth);
    }
}
