package org.wardheat.imports;

import org.wardheat.boundaries.UkExtent;
import org.wardheat.text.Decimal;
import org.wardheat.text.InputLimits;
import org.wardheat.text.Text;

import java.time.YearMonth;

/** Parsing and checking of the field types incident files share, with reasons fit for an import report. */
final class Fields {
    private Fields() {
    }

    /** The earliest month accepted, as {@code yyyymm}: {@link InputLimits#EARLIEST_MONTH}. */
    static final int EARLIEST = yyyymm(InputLimits.EARLIEST_MONTH);

    static int yyyymm(YearMonth m) {
        return m.getYear() * 100 + m.getMonthValue();
    }

    /** The latest month accepted now, as {@code yyyymm}: {@link InputLimits#latestMonth()}. */
    static int latest() {
        return yyyymm(InputLimits.latestMonth());
    }

    /**
     * Parses {@code YYYY-MM} (four digits, a hyphen, two digits) into {@code yyyymm}, between
     * {@link InputLimits#EARLIEST_MONTH} and {@code latest}.
     */
    static int month(String field, String value, int latest) throws RejectedRow {
        String v = value.strip();
        if (v.length() == 7 && v.charAt(4) == '-' && digits(v, 0, 4) && digits(v, 5, 7)) {
            int m = Integer.parseInt(v.substring(0, 4)) * 100 + Integer.parseInt(v.substring(5, 7));
            if (m % 100 >= 1 && m % 100 <= 12) {
                return inRange(field, value, m, latest);
            }
        }
        throw new RejectedRow(field, "bad month '" + Text.shorten(value) + "': expected YYYY-MM");
    }

    /** Checks that a month {@code yyyymm} lies between {@link InputLimits#EARLIEST_MONTH} and {@code latest}. */
    static int inRange(String field, String value, int yyyymm, int latest) throws RejectedRow {
        if (yyyymm < EARLIEST || yyyymm > latest) {
            throw new RejectedRow(field, "'" + Text.shorten(value) + "' is outside " + InputLimits.EARLIEST_MONTH + " to "
                    + (latest / 100) + "-" + String.format("%02d", latest % 100) + " (next month)");
        }
        return yyyymm;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Parses a plain decimal number ({@link Decimal}); blank gives NaN. */
    static double number(String field, String value) throws RejectedRow {
        if (value.isBlank()) {
            return Double.NaN;
        }
        try {
            return Decimal.parse(value);
        } catch (NumberFormatException e) {
            throw new RejectedRow(field, "bad number '" + Text.shorten(value) + "': not a plain decimal number (such as -0.5123 or 51)");
        }
    }

    /**
     * Checks a WGS84 position: both blank means no location (returns false); one blank, swapped axes or a
     * point outside the UK is rejected.
     */
    static boolean lonLat(String lonField, double lon, String latField, double lat) throws RejectedRow {
        if (Double.isNaN(lon) && Double.isNaN(lat)) {
            return false;
        }
        if (Double.isNaN(lon)) {
            throw new RejectedRow(lonField, "longitude is blank but latitude is " + lat);
        }
        if (Double.isNaN(lat)) {
            throw new RejectedRow(latField, "latitude is blank but longitude is " + lon);
        }
        if (UkExtent.isSwappedLonLat(lon, lat)) {
            throw new RejectedRow(lonField, "longitude " + lon + " and latitude " + lat + " look swapped");
        }
        if (!UkExtent.isLonLat(lon, lat)) {
            throw new RejectedRow(lonField, "position (" + lon + ", " + lat + ") is outside the UK");
        }
        return true;
    }

    static String blankToNull(String value) {
        String v = value.trim();
        return v.isEmpty() ? null : v;
    }
}
