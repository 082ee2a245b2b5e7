package org.wardheat.imports;

import org.wardheat.boundaries.UkExtent;

/** Parsing and checking of the field types incident files share, with reasons fit for an import report. */
final class Fields {
    private Fields() {
    }

    /** Parses {@code YYYY-MM} into {@code yyyymm}. */
    static int month(String field, String value) throws RejectedRow {
        String v = value.trim();
        if (v.length() == 7 && v.charAt(4) == '-') {
            try {
                int year = Integer.parseInt(v.substring(0, 4));
                int month = Integer.parseInt(v.substring(5, 7));
                if (year >= 1900 && year <= 2999 && month >= 1 && month <= 12) {
                    return year * 100 + month;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
        }
        throw new RejectedRow(field, "bad month '" + value + "': expected YYYY-MM");
    }

    /** Parses a decimal number; blank gives NaN. */
    static double number(String field, String value) throws RejectedRow {
        String v = value.trim();
        if (v.isEmpty()) {
            return Double.NaN;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new RejectedRow(field, "bad number '" + value + "'");
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
