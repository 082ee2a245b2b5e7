package org.wardheat.analysis;

import java.util.Locale;

/**
 * How a count is measured and how two periods' counts are compared, for the ward table, the strategic
 * table and focus-area summaries.
 *
 * @param measure      null until resolved (the default for the data, counted as records); {@link Measure#RECORDS} counts records; {@link Measure#COUNT} sums each record's count
 *                     column (e.g. needles per find), rounded to a whole number per ward or category
 * @param per          the base of rates: residents per {@code per} (1,000 or 10,000)
 * @param alpha        the significance level of the change test (change is significant when p &lt; alpha)
 * @param rankBy       what ranks the ward table: count, rate or change (highest first)
 * @param allowPartial show change even when the periods are not comparable (see {@link org.wardheat.model.Coverage})
 * @param perPopulation rates per {@code per} residents of this age group ({@code --per-population 16-24}, Census 2021
 *                     residents by age stored for the set), or null for all residents
 * @param comparatorSet another boundary set whose whole-set rate (same period, categories, datasets, measure and rate
 *                     base) is added to the ward and strategic tables as a comparator column (e.g. Kent for a
 *                     Maidstone table), or null
 */
public record ChangeRules(Measure measure, int per, double alpha, RankBy rankBy, boolean allowPartial,
                          org.wardheat.model.AgeGroup perPopulation, String comparatorSet) {
    /** Records, per 1,000, alpha 0.05, ranked by count, change withheld without comparable data. */
    public static final ChangeRules DEFAULT = new ChangeRules(Measure.RECORDS, 1000, 0.05, RankBy.COUNT, false);
    /** The confidence level of rate intervals. */
    public static final double RATE_CONFIDENCE = 0.95;

    public enum Measure {
        RECORDS, COUNT;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum RankBy { COUNT, RATE, CHANGE }

    public ChangeRules {
        rankBy = rankBy == null ? RankBy.COUNT : rankBy;
    }

    /** Rates per all residents. */
    public ChangeRules(Measure measure, int per, double alpha, RankBy rankBy, boolean allowPartial) {
        this(measure, per, alpha, rankBy, allowPartial, null, null);
    }

    /** Rates per residents of an age group, without a comparator set. */
    public ChangeRules(Measure measure, int per, double alpha, RankBy rankBy, boolean allowPartial, org.wardheat.model.AgeGroup perPopulation) {
        this(measure, per, alpha, rankBy, allowPartial, perPopulation, null);
    }

    /** "records" or "count"; records when the measure is not set. */
    public String measureWord() {
        return measure == null ? Measure.RECORDS.word() : measure.word();
    }

    public ChangeRules withMeasure(Measure m) {
        return new ChangeRules(m, per, alpha, rankBy, allowPartial, perPopulation, comparatorSet);
    }
}
