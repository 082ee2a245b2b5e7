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
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
