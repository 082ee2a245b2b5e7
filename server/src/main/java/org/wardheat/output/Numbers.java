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
}
