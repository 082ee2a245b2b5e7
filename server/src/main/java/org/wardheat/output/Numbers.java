package org.wardheat.output;

import java.math.BigDecimal;

/** The one text of a number in every output format (CSV cells, GeoJSON properties, messages). */
public final class Numbers {
    private Numbers() {
    }

    /**
     * Whole numbers without a decimal point ({@code 2}, not {@code 2.0}); others in plain decimal notation
     * without trailing zeros ({@code 0.0001}, not {@code 1.0E-4}); NaN and infinities as empty text.
     */
    public static String text(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.toString();
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String plain = shortPlain(d);
        if (plain != null) {
            return plain;
        }
        String shortest = Double.toString(d); // the digits BigDecimal.valueOf(d) takes
        if (shortest.indexOf('E') < 0) { // plain already (1e-3 <= |d| < 1e7): only trailing zeros to drop
            int end = shortest.length();
            while (shortest.charAt(end - 1) == '0') {
                end--;
            }
            return shortest.substring(0, shortest.charAt(end - 1) == '.' ? end - 1 : end);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18};

    /**
     * For a d that is no whole number, with 10⁻³ ≤ |d| < 10⁷ (where {@link Double#toString} writes plain decimals):
     * the fewest decimal places k whose rounding of |d| × 10^k reads back as d, when that takes at most 15
     * significant digits, written out; else null. A decimal of at most 15 significant digits that reads back as d
     * is what {@link Double#toString} writes for the values tables hold (rounded to 6 significant digits or a few
     * places), found here without its general conversion: the product and the quotient are each correctly
     * rounded, and the quotient equal to |d| is the proof that the decimal reads back as d.
     */
    static String shortPlain(double d) {
        double a = Math.abs(d);
        if (!(a >= 1e-3 && a < 1e7)) {
            return null;
        }
        for (int k = 1; k < POWERS.length; k++) {
            double scaled = a * POWERS[k];
            if (!(scaled < 1e15)) {
                return null;
            }
            double r = Math.rint(scaled);
            if (r / POWERS[k] == a) {
                return decimal(d < 0, (long) r, k);
            }
        }
        return null;
    }

    /** {@code digits} × 10^-places as plain text, trailing zeros dropped. */
    private static String decimal(boolean negative, long digits, int places) {
        while (places > 0 && digits % 10 == 0) {
            digits /= 10;
            places--;
        }
        String s = Long.toString(digits);
        StringBuilder b = new StringBuilder(s.length() + places + 3);
        if (negative) {
            b.append('-');
        }
        if (s.length() <= places) {
            b.append("0.");
            b.append("0".repeat(places - s.length()));
            b.append(s);
        } else {
            b.append(s, 0, s.length() - places);
            if (places > 0) {
                b.append('.').append(s, s.length() - places, s.length());
            }
        }
        return b.toString();
    }
}
