package org.wardheat.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * The exact binomial test, two-sided, with the rule of R's {@code binom.test}: the p-value is the
 * probability of every outcome no more likely than the observed one, where "no more likely" allows a
 * relative tolerance of 1e-7 ({@code dbinom(i) <= dbinom(x) * (1 + 1e-7)}), and it is 1 when the
 * observed count equals its expectation n·p. SciPy's {@code binomtest(..., alternative="two-sided")}
 * applies the same rule.
 *
 * <p>Tails are regularized incomplete beta functions (not 1 − cdf), so small p-values keep their
 * relative precision.
 */
public final class BinomialTest {
    /** R's tolerance for outcomes as likely as the observed one. */
    static final double RELATIVE_ERROR = 1 + 1e-7;

    private BinomialTest() {
    }

    /**
     * @param x successes, 0 ≤ x ≤ n
     * @param n trials, at least 1
     * @param p the probability of success under the null hypothesis, strictly between 0 and 1
     * @return the two-sided p-value, in (0, 1]
     */
    public static double twoSidedP(long x, long n, double p) {
        if (n < 1 || n > Integer.MAX_VALUE || x < 0 || x > n) {
            throw new IllegalArgumentException("the binomial test needs 1 <= n <= " + Integer.MAX_VALUE + " trials and 0 <= x <= n successes, not x = " + x + ", n = " + n);
        }
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("the binomial test needs a probability strictly between 0 and 1, not " + p);
        }
        BinomialDistribution b = new BinomialDistribution(null, (int) n, p);
        double m = n * p;
        if (x == m) {
            return 1;
        }
        double limit = b.probability((int) x) * RELATIVE_ERROR;
        double pValue;
        if (x < m) {
            // the probabilities are non-increasing from ceil(m) to n: find the first at or below the limit
            long lo = (long) Math.ceil(m), hi = n + 1; // answer in [lo, n + 1]; n + 1 = none
            while (lo < hi) {
                long mid = (lo + hi) >>> 1;
                if (b.probability((int) mid) <= limit) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            pValue = atMost(x, n, p) + atLeast(lo, n, p);
        } else {
            // the probabilities are non-decreasing from 0 to floor(m): find the last at or below the limit
            long lo = -1, hi = (long) Math.floor(m); // answer in [-1, floor(m)]; -1 = none
            while (lo < hi) {
                long mid = (lo + hi + 1) >>> 1;
                if (b.probability((int) mid) <= limit) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            pValue = atMost(lo, n, p) + atLeast(x, n, p);
        }
        return Math.min(1, pValue);
    }

    /** P(X ≤ k) for X ~ Binomial(n, p). */
    static double atMost(long k, long n, double p) {
        if (k < 0) {
            return 0;
        }
        if (k >= n) {
            return 1;
        }
        return Beta.regularizedBeta(1 - p, n - k, k + 1.0);
    }

    /** P(X ≥ k) for X ~ Binomial(n, p). */
    static double atLeast(long k, long n, double p) {
        if (k <= 0) {
            return 1;
        }
        if (k > n) {
            return 0;
        }
        return Beta.regularizedBeta(p, k, n - k + 1.0);
    }
}
