package org.wardheat.analysis;

import org.wardheat.model.Coverage;
import org.wardheat.model.Period;
import org.wardheat.stats.ChangeReading;
import org.wardheat.stats.PoissonInterval;
import org.wardheat.stats.PoissonRateTest;

/**
 * The figures of one count compared between two periods, as every table shows them: the difference,
 * % change, the exact two-sample Poisson test (exposure = each period's length in months), its flag at
 * {@link ChangeRules#alpha()} and a plain reading; and the rate per {@link ChangeRules#per()} residents
 * with its 95% exact Poisson interval. Change, % change, p, flag and reading are all null when the
 * coverage withholds change ({@link Coverage#changeShown()} false).
 *
 * @param change            count − previous count
 * @param changePct         100 × (count − previous) / previous when the periods are equally long, else the
 *                          change in monthly rate; null when previous is 0
 * @param changeP           the two-sided exact p-value
 * @param changeSignificant p &lt; alpha
 * @param changeReading     e.g. "up 32%, not significant (p = 0.36)"
 * @param rate              count per {@code per} residents; null without residents
 * @param rateCiLow         the 95% exact interval's lower end, in the rate's unit
 * @param rateCiHigh        its upper end
 */
public record ChangeFigures(Long change, Double changePct, Double changeP, Boolean changeSignificant, String changeReading,
                            Double rate, Double rateCiLow, Double rateCiHigh) {

    public static ChangeFigures of(long count, long previous, Double residents, Period period, Period comparison, Coverage coverage,
                                   ChangeRules rules) {
        Double rate = null, low = null, high = null;
        if (residents != null && residents > 0) {
            rate = (double) rules.per() * count / residents;
            PoissonInterval.Interval ci = PoissonInterval.forRate(count, residents, rules.per(), ChangeRules.RATE_CONFIDENCE);
            low = ci.low();
            high = ci.high();
        }
        if (!coverage.changeShown()) {
            return new ChangeFigures(null, null, null, null, null, rate, low, high);
        }
        PoissonRateTest.Comparison c = PoissonRateTest.compare(count, period.length(), previous, comparison.length());
        Double pct = previous == 0 ? null : period.length() == comparison.length() ? 100.0 * (count - previous) / previous : c.percentChange();
        return new ChangeFigures(count - previous, pct, c.pValue(), c.significant(rules.alpha()), ChangeReading.of(c, rules.alpha()),
                rate, low, high);
    }
}
