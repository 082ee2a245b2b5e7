package org.wardheat.ogc;

import org.wardheat.model.Period;
import org.wardheat.query.DataMonths;
import org.wardheat.query.InvalidParameterException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * The OGC {@code datetime} parameter as a wardheat period of whole months. wardheat counts by month, so an
 * instant or interval selects <b>every month it touches</b>, both ends included:
 * <ul>
 *   <li>{@code 2022-01-01/2022-12-31} → 2022-01 to 2022-12; {@code 2022-01-15/2022-02-10} → 2022-01 to 2022-02
 *       (a partial month counts whole);</li>
 *   <li>{@code ../2022-12-31} → from the first month of the stored data; {@code 2022-01-01/..} → to the last;</li>
 *   <li>{@code 2022-03-14} (one instant) → 2022-03;</li>
 *   <li>each end is an RFC 3339 date or date-time ({@code 2022-01-01T00:00:00Z}); its calendar date as written
 *       (ignoring the offset) picks the month. {@code YYYY-MM} is taken too.</li>
 * </ul>
 * Without {@code datetime}: the last {@value #DEFAULT_MONTHS} months of the stored data (the current month's
 * year when there is none). The period's range is then checked by the query record, as for the map.
 */
final class DateTimeInterval {
    /** The months of the default period. */
    static final int DEFAULT_MONTHS = 12;
    static final String PARAMETER = "datetime";

    private DateTimeInterval() {
    }

    static Period period(String text, DataMonths data) {
        YearMonth last = data.last() == null ? YearMonth.now() : data.last();
        YearMonth first = data.first() == null ? last : data.first();
        if (text == null || text.isBlank()) {
            YearMonth from = last.minusMonths(DEFAULT_MONTHS - 1);
            return new Period(from.isBefore(first) ? first : from, last);
        }
        String[] ends = text.split("/", -1);
        if (ends.length > 2) {
            throw bad(text);
        }
        YearMonth from = open(ends[0]) ? first : month(ends[0], text);
        YearMonth to = ends.length == 1 ? from : open(ends[1]) ? last : month(ends[1], text);
        if (ends.length == 1 && open(ends[0])) {
            throw bad(text);
        }
        if (to.isBefore(from)) {
            throw new InvalidParameterException(PARAMETER, "the interval '" + text + "' ends (" + to + ") before it starts (" + from + ")");
        }
        return new Period(from, to);
    }

    private static boolean open(String end) {
        return end.isEmpty() || end.equals("..");
    }

    private static YearMonth month(String end, String text) {
        try {
            if (end.length() == 7) {
                return YearMonth.parse(end);
            }
            if (end.length() == 10) {
                return YearMonth.from(LocalDate.parse(end));
            }
            return YearMonth.from(OffsetDateTime.parse(end).toLocalDate());
        } catch (DateTimeParseException e) {
            throw bad(text);
        }
    }

    private static InvalidParameterException bad(String text) {
        return new InvalidParameterException(PARAMETER, "'" + text + "' is not an RFC 3339 instant or interval "
                + "(e.g. 2022-01-01/2022-12-31, ../2022-12-31, 2022-01-01/.., 2022-03-14)");
    }
}
