package org.wardheat.export;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A double rounded half up (away from zero) to a number of decimal places: the value
 * {@code BigDecimal.valueOf(d).setScale(places, HALF_UP).doubleValue()} gives, computed in double arithmetic
 * where that is provably the same. {@code BigDecimal.valueOf} rounds the decimal {@link Double#toString} writes,
 * which is within half an ulp of d (about 1.1 × 10⁻¹⁶ of |d|); |d| × 10^places, for up to 9 places and below
 * 10⁹, is one correctly rounded product, as close. Together they differ by less than 3 × 10⁻⁷, so unless the
 * product's fraction lies within 10⁻⁶ of one half, rounding it gives the same whole number; that number divided
 * back by the exact power of ten is correctly rounded, as {@link BigDecimal#doubleValue()} is. Anything else
 * (near a half, more places, |d| × 10^places of 10⁹ or more) goes through {@link BigDecimal}.
 */
final class DecimalPlaces {
    private static final double[] POWERS = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private DecimalPlaces() {
    }

    static double round(double d, int places) {
        if (places < 0 || places >= POWERS.length || Double.isNaN(d)) {
            return exact(d, places);
        }
        double scaled = Math.abs(d) * POWERS[places];
        if (!(scaled < 1e9)) {
            return exact(d, places);
        }
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        if (Math.abs(fraction - 0.5) < 1e-6) {
            return exact(d, places);
        }
        double r = fraction > 0.5 ? whole + 1 : whole;
        if (r == 0) {
            return 0.0; // BigDecimal has no negative zero
        }
        double back = r / POWERS[places];
        return d < 0 ? -back : back;
    }

    static double exact(double d, int places) {
        return BigDecimal.valueOf(d).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
