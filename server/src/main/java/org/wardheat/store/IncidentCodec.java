package org.wardheat.store;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/**
 * How the compact store (schema 5) writes an incident's values and reads them back, exactly:
 * <ul>
 *   <li>WGS84 longitude and latitude as fixed-point integers of 10<sup>-7</sup> degree (about 1 cm);
 *       a value of at most 7 decimals, as police.uk's 6, reads back as the same double;</li>
 *   <li>an ISO day ({@code 2022-01-31}) as its epoch day (days since 1970-01-01), any other text as it is;</li>
 *   <li>a police.uk crime id (64 lowercase hex digits) as its 32 bytes, any other text as it is.</li>
 * </ul>
 */
final class IncidentCodec {
    /** Fixed-point units per degree of longitude or latitude. */
    static final double PER_DEGREE = 1e7;

    private IncidentCodec() {
    }

    /** Degrees as fixed-point units. */
    static long degrees(double deg) {
        return Math.round(deg * PER_DEGREE);
    }

    /** Fixed-point units as degrees. */
    static double degrees(long units) {
        return units / PER_DEGREE;
    }

    /** The stored value of degrees, as it reads back: {@code degrees(degrees(deg))}; NaN stays NaN. */
    static double quantise(double deg) {
        return Double.isNaN(deg) ? deg : degrees(degrees(deg));
    }

    /** A day as stored: its epoch day when ISO, else the text; null stays null. */
    static Object day(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(iso);
            return d.toString().equals(iso) ? (Object) d.toEpochDay() : iso;
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** A stored day as text. */
    static String day(Object stored) {
        if (stored == null) {
            return null;
        }
        return stored instanceof Number n ? LocalDate.ofEpochDay(n.longValue()).toString() : stored.toString();
    }

    /** A crime id as stored: 32 bytes for 64 lowercase hex digits, else the text; null stays null. */
    static Object crimeId(String id) {
        return id != null && isHexId(id) ? HexFormat.of().parseHex(id) : id;
    }

    /** Whether {@code id} is 64 lowercase hex digits (a loop: this runs for every imported row). */
    private static boolean isHexId(String id) {
        if (id.length() != 64) {
            return false;
        }
        for (int k = 0; k < 64; k++) {
            char ch = id.charAt(k);
            if (!(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** A stored crime id as text. */
    static String crimeId(Object stored) {
        if (stored == null) {
            return null;
        }
        return stored instanceof byte[] b ? HexFormat.of().formatHex(b) : stored.toString();
    }
}
