package org.wardheat.export;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A double rounded half away from zero to a number of significant digits: the value
 * {@code new BigDecimal(d).round(new MathContext(digits)).doubleValue()} gives, computed in double arithmetic
 * where that is provably the same. |d| is scaled by an exact power of ten to below 10^digits in one correctly
 * rounded operation (for up to 9 digits, less than 6 × 10⁻⁸ off the exact product); unless its fraction lies
 * within 10⁻⁶ of one half, rounding it gives the same whole number as rounding the exact product, and that
 * whole number divided (or multiplied) back by the exact power of ten is correctly rounded, as
 * {@link BigDecimal#doubleValue()} is. Anything else (near a half, more than 9 digits, powers of ten beyond
 * 10²²) goes through {@link BigDecimal}.
 */
final class SignificantDigits {
    private static final double[] POWERS = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p; // 10^0 .. 10^22 are exact doubles
            p *= 10;
        }
    }

    private SignificantDigits() {
    }

    static double round(double d, int digits) {
        double a = Math.abs(d);
        if (digits < 1 || digits > 9 || !(a >= 1e-300) || Double.isInfinite(a)) {
            return exact(d, digits);
        }
        int e = (int) Math.floor(Math.log10(a)); // may be one off near powers of ten: checked below
        for (int attempt = 0; attempt < 2; attempt++) {
            int k = digits - 1 - e;
            if (k > 22 || k < -22) {
                return exact(d, digits);
            }
            double scaled = k >= 0 ? a * POWERS[k] : a / POWERS[-k];
            if (scaled >= POWERS[digits]) {
                e++;
                continue;
            }
            if (scaled < POWERS[digits - 1]) {
                e--;
                continue;
            }
            double whole = Math.floor(scaled);
            double fraction = scaled - whole;
            if (Math.abs(fraction - 0.5) < 1e-6) {
                return exact(d, digits);
            }
            double r = fraction > 0.5 ? whole + 1 : whole;
            double back = k >= 0 ? r / POWERS[k] : r * POWERS[-k];
            return d < 0 ? -back : back;
        }
        return exact(d, digits);
    }

    static double exact(double d, int digits) {
        return new BigDecimal(d).round(new MathContext(digits)).doubleValue();
    }
}
