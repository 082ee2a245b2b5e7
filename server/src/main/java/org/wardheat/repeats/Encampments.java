package org.wardheat.repeats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.wardheat.model.Incident;

/**
 * Unauthorised encampments per year: how many, at how many distinct locations, average days in situ
 * and total days of disruption.
 *
 * <p>Rule: days in situ count both the arrival and the departure day (the 3rd to the 5th is 3 days).
 * An encampment belongs to the year in which it arrived. One with no end date is still open: its days
 * are counted to the end of its year or to {@code asOf}, whichever is earlier, and it is flagged open.
 * Locations are distinct by normalised label, or by coordinates where there is no label.
 */
public final class Encampments {
    public record Stay(String location, String start, String end, long days, boolean open, String extra, double lon, double lat) {
    }

    public record Year(String label, int encampments, int locations, double averageDays, long totalDays, int open,
                       List<Stay> stays) {
    }

    private Encampments() {
    }

    /**
     * @param firstMonth the month years start in (1 for calendar years)
     * @param asOf       the date open encampments are counted to at the latest
     */
    public static List<Year> summarise(List<Incident> records, int firstMonth, LocalDate asOf) {
        TreeMap<YearMonth, List<Incident>> byYear = new TreeMap<>();
        for (Incident r : records) {
            if (r.date() == null) {
                continue; // a month-only record has no duration; the caller reports them
            }
            YearMonth start = MonthlyTable.yearStart(YearMonth.of(r.month() / 100, r.month() % 100), firstMonth);
            byYear.computeIfAbsent(start, s -> new ArrayList<>()).add(r);
        }
        List<Year> years = new ArrayList<>();
        byYear.forEach((start, list) -> {
            LocalDate yearEnd = start.plusMonths(11).atEndOfMonth();
            LocalDate cap = asOf.isBefore(yearEnd) ? asOf : yearEnd;
            List<Stay> stays = new ArrayList<>();
            Set<String> places = new HashSet<>();
            long total = 0;
            int open = 0;
            for (Incident r : list) {
                LocalDate s = LocalDate.parse(r.date());
                boolean isOpen = r.endDate() == null;
                LocalDate e = isOpen ? cap : LocalDate.parse(r.endDate());
                long days = Math.max(1, ChronoUnit.DAYS.between(s, e) + 1);
                total += days;
                open += isOpen ? 1 : 0;
                String label = Labels.normalise(r.location());
                places.add(label != null ? label : Places.coordinateKey(r));
                stays.add(new Stay(r.location(), r.date(), r.endDate(), days, isOpen, r.extra(), r.lon(), r.lat()));
            }
            stays.sort((a, b) -> a.start().compareTo(b.start()));
            years.add(new Year(MonthlyTable.label(start, firstMonth), list.size(), places.size(),
                    (double) total / list.size(), total, open, stays));
        });
        return years;
    }
}
