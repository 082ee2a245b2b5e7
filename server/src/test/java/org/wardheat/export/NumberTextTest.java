package org.wardheat.export;

import org.junit.jupiter.api.Test;
import org.wardheat.output.Numbers;

import java.math.BigDecimal;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The double-arithmetic paths of significant-digit and decimal-place rounding and of number text give exactly
 * what {@link BigDecimal} gives: on random doubles over 40 orders of magnitude, on values a hair either side of
 * a rounding half, on Gi*-like z-scores and p-values, and on coordinates.
 */
class NumberTextTest {
    private static void check(double d) {
        for (int digits : new int[]{1, 3, 6, 9}) {
            assertEquals(SignificantDigits.exact(d, digits), SignificantDigits.round(d, digits), () -> d + " to " + digits + " digits");
        }
        for (int places : new int[]{0, 1, 2, 6, 9}) {
            assertEquals(DecimalPlaces.exact(d, places), DecimalPlaces.round(d, places), () -> d + " to " + places + " places");
        }
        double six = SignificantDigits.round(d, 6);
        String expected = BigDecimal.valueOf(six).stripTrailingZeros().toPlainString();
        assertEquals(six == Math.rint(six) && Math.abs(six) < 1e15 ? Long.toString((long) six) : expected, Numbers.text(six), () -> "text of " + six);
        expected = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        assertEquals(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : expected, Numbers.text(d), () -> "text of " + d);
    }

    @Test
    void sameAsBigDecimal() {
        Random r = new Random(5);
        for (int i = 0; i < 30_000; i++) {
            double d = Math.pow(10, -20 + 40 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
            check(d);
            check(r.nextGaussian() * 3);           // z-scores
            check(Math.pow(r.nextDouble(), 8));    // p-values
        }
        for (int k = -8; k <= 8; k++) {
            for (long n = 100_000; n < 100_400; n++) {
                double half = (n + 0.5) * Math.pow(10, k);
                check(half);
                check(Math.nextUp(half));
                check(Math.nextDown(half));
                check(-half);
            }
        }
        for (int i = 0; i < 30_000; i++) {
            check(-10 + 12 * r.nextDouble());     // longitudes
            check(49 + 12 * r.nextDouble());      // latitudes
            check(Math.rint(r.nextDouble() * 1e7) / 1e7 + 5e-7); // a seventh decimal of 5, give or take a rounding
        }
        check(-0.0000004);                        // rounds to zero, not to minus zero
        check(-0.4);
        check(0.0000005);
        check(2.675);                             // 2.67499999... in binary: BigDecimal.valueOf rounds "2.675"
        check(999_999.5);
        check(9.999995);
        check(0.1234565);
        check(1e-300);
        check(Double.MIN_VALUE);
        check(Double.MAX_VALUE);
    }
}
