package org.wardheat.stats;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A plain reading of a {@link PoissonRateTest.Comparison}: "up 32%, not significant (p = 0.36)",
 * "down 12%, significant (p = 0.004)".
 *
 * <p>The percentage is the change in rate (the rate ratio − 1; the change in count when the two
 * periods are equally long), rounded to a whole percent ("up less than 1%" when it rounds to 0).
 * Significant means p &lt; {@code alpha}. The p-value is shown to two significant figures, cut off
 * (not rounded) so the figure shown is never on the other side of a level such as 0.05 than the
 * p-value itself; below 0.001 it is shown as "p &lt; 0.001".
 */
public final class ChangeReading {
    private ChangeReading() {
    }

    /**
     * @param c     the comparison
     * @param alpha the significance level, strictly between 0 and 1 (e.g. 0.05)
     */
    public static String of(PoissonRateTest.Comparison c, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("the significance level must be strictly between 0 and 1, not " + alpha);
        }
        if (c.current() == 0 && c.previous() == 0) {
            return "none in either period";
        }
        String change;
        if (c.rateRatio() == null) {
            change = "up from none";
        } else {
            double pct = c.percentChange();
            long whole = Math.round(Math.abs(pct));
            if (pct == 0) {
                change = "no change";
            } else {
                change = (pct > 0 ? "up " : "down ") + (whole == 0 ? "less than 1" : Long.toString(whole)) + "%";
            }
        }
        return change + ", " + (c.significant(alpha) ? "significant" : "not significant") + " (" + pText(c.pValue()) + ")";
    }

    /**
     * "p = 0.36", "p = 0.0041", "p < 0.001": two significant digits, cut (not rounded) so that a p below a
     * significance level never reads as at or above it; a p that the {@code change_p} column shows as 1 (to its six
     * significant digits: 1 less a rounding error in the last bits) reads "p = 1" too.
     */
    public static String pText(double p) {
        if (p < 0.001) {
            return "p < 0.001";
        }
        if (p >= 0.9999995) {
            return "p = 1";
        }
        BigDecimal cut = new BigDecimal(p).round(new MathContext(2, RoundingMode.DOWN)).stripTrailingZeros();
        return "p = " + cut.toPlainString();
    }
}
