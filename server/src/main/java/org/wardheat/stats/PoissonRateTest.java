package org.wardheat.stats;

/**
 * The exact test comparing two Poisson counts observed over unequal exposures (months, days or
 * person-time), as R's {@code poisson.test(c(x1, x2), c(t1, t2))}, two-sided: given the total
 * x1 + x2, the first count is binomial with probability t1 / (t1 + t2) when the two rates are equal,
 * and the p-value is that of {@link BinomialTest#twoSidedP}.
 */
public final class PoissonRateTest {
    private PoissonRateTest() {
    }

    /**
     * The comparison of a count with an earlier one.
     *
     * @param current          the count in the period of interest
     * @param currentExposure  its exposure (e.g. months), above 0
     * @param previous         the count it is compared with
     * @param previousExposure its exposure, in the same unit
     * @param rateRatio        (current / currentExposure) / (previous / previousExposure); null when
     *                         {@code previous} is 0 (undefined, never Infinity); 0 when {@code current} is 0
     * @param pValue           the two-sided exact p-value; 1 when both counts are 0
     */
    public record Comparison(long current, double currentExposure, long previous, double previousExposure,
                             Double rateRatio, double pValue) {
        /** The change in rate as a percentage (rate ratio − 1) × 100; null when {@code previous} is 0. */
        public Double percentChange() {
            return rateRatio == null ? null : (rateRatio - 1) * 100;
        }

        /** Whether the p-value is below {@code alpha} (e.g. 0.05). */
        public boolean significant(double alpha) {
            return pValue < alpha;
        }
    }

    /**
     * @param current          count in the period of interest, at least 0
     * @param currentExposure  exposure of that period (e.g. its length in months), finite and above 0
     * @param previous         count in the comparison period, at least 0
     * @param previousExposure exposure of the comparison period, in the same unit, finite and above 0
     */
    public static Comparison compare(long current, double currentExposure, long previous, double previousExposure) {
        if (current < 0 || previous < 0) {
            throw new IllegalArgumentException("counts must be 0 or more, not " + current + " and " + previous);
        }
        if (!(currentExposure > 0 && previousExposure > 0) || Double.isInfinite(currentExposure) || Double.isInfinite(previousExposure)) {
            throw new IllegalArgumentException("exposures must be finite and above 0, not " + currentExposure + " and " + previousExposure);
        }
        long n = current + previous;
        double p = n == 0 ? 1 : BinomialTest.twoSidedP(current, n, currentExposure / (currentExposure + previousExposure));
        Double ratio = previous == 0 ? null : (current / currentExposure) / (previous / previousExposure);
        return new Comparison(current, currentExposure, previous, previousExposure, ratio, p);
    }
}
