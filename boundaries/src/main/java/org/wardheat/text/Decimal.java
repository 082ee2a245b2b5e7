package org.wardheat.text;

/**
 * Plain decimal numbers, the only numbers wardheat reads from text files: an optional minus sign, digits,
 * and optionally a point and more digits ({@code -0.5123}, {@code 51}, {@code 123456.7}). No exponent,
 * hex ({@code 0x1p-1}), type suffix ({@code 0.52d}), plus sign, thousands separator, {@code NaN} or
 * {@code Infinity}, which {@link Double#parseDouble} would accept; so every number read is finite and
 * means what it looks like. At most {@link InputLimits#MAX_NUMBER_CHARS} characters.
 */
public final class Decimal {
    private Decimal() {
    }

    /** True when {@code s} (not trimmed) is a plain decimal number. */
    public static boolean isPlain(String s) {
        int n = s.length();
        if (n == 0 || n > InputLimits.MAX_NUMBER_CHARS) {
            return false;
        }
        int i = s.charAt(0) == '-' ? 1 : 0;
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (s.charAt(i++) != '.') {
            return false;
        }
        digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        return digits > 0 && i == n;
    }

    /**
     * Parses a plain decimal number, surrounding spaces allowed.
     *
     * @throws NumberFormatException saying what a plain decimal is
     */
    public static double parse(String text) {
        String s = text.strip();
        if (!isPlain(s)) {
            throw new NumberFormatException("'" + Text.shorten(text) + "' is not a plain decimal number (such as -0.5123 or 51)");
        }
        return Double.parseDouble(s);
    }

    /**
     * Parses a whole number of at most 9 digits, no sign.
     *
     * @throws NumberFormatException saying what is expected
     */
    public static int parseWhole(String text) {
        String s = text.strip();
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException("'" + Text.shorten(text) + "' is not a whole number of 0 or more");
        }
        return Integer.parseInt(s);
    }
}
