package org.wardheat.stats;

import org.apache.commons.math3.distribution.GammaDistribution;

/**
 * Exact (Garwood) confidence intervals for a Poisson count, as R's {@code poisson.test(x)$conf.int}:
 * lower = qchisq(α/2, 2x) / 2 (0 when x = 0), upper = qchisq(1 − α/2, 2(x + 1)) / 2, where
 * α = 1 − confidence. qchisq(q, 2k) / 2 is the q-quantile of a gamma distribution of shape k and
 * scale 1, which is how it is computed here (relative accuracy about 1e-14).
 */
public final class PoissonInterval {
    /** The inverse-cdf accuracy asked of commons-math (its solver also works to 1e-14 relative). */
    private static final double QUANTILE_ACCURACY = 1e-14;

    /** An interval [low, high] in the unit of what it bounds. */
    public record Interval(double low, double high) {
    }

    private PoissonInterval() {
    }

    /**
     * @param count      an observed count, at least 0
     * @param confidence the confidence level, strictly between 0 and 1 (0.95 for 95%)
     * @return the interval for the expected count
     */
    public static Interval forCount(long count, double confidence) {
        if (count < 0) {
            throw new IllegalArgumentException("a count must be 0 or more, not " + count);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("the confidence level must be strictly between 0 and 1, not " + confidence);
        }
        double alpha = 1 - confidence;
        double low = count == 0 ? 0 : gammaQuantile(count, alpha / 2);
        double high = gammaQuantile(count + 1, 1 - alpha / 2);
        return new Interval(low, high);
    }

    /**
     * The interval for a rate per {@code per} residents (e.g. per 1,000).
     *
     * @param count      incidents, at least 0
     * @param population residents, finite and above 0
     * @param per        the rate's base, e.g. 1000 or 10000, finite and above 0
     * @param confidence the confidence level, strictly between 0 and 1
     */
    public static Interval forRate(long count, double population, double per, double confidence) {
        if (!(population > 0) || Double.isInfinite(population) || !(per > 0) || Double.isInfinite(per)) {
            throw new IllegalArgumentException("a rate needs a population and a base above 0, not " + population + " and " + per);
        }
        Interval c = forCount(count, confidence);
        return new Interval(c.low() / population * per, c.high() / population * per);
    }

    private static double gammaQuantile(double shape, double probability) {
        return new GammaDistribution(null, shape, 1, QUANTILE_ACCURACY).inverseCumulativeProbability(probability);
    }
}
