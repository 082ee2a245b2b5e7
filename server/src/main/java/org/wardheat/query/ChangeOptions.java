package org.wardheat.query;

import org.wardheat.analysis.ChangeRules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of every table that compares two periods (ward table, strategic table, focus-area summary),
 * with their defaults and checks. CLI {@code --measure records|count}, {@code --per 1000|10000},
 * {@code --alpha}, {@code --rank-by count|rate|change}, {@code --allow-partial}; HTTP {@code measure=},
 * {@code per=}, {@code alpha=}, {@code rank_by=}, {@code allow_partial=}.
 */
public final class ChangeOptions {
    public static final int DEFAULT_PER = 1000;
    public static final double DEFAULT_ALPHA = 0.05;
    public static final String DEFAULT_RANK_BY = "count";
    /** The measure when none is given: {@code count} for needle finds (a council preset with a count column), else {@code records}. */
    public static final String DATASET_KINDS_COUNTED = "needle-finds";

    private ChangeOptions() {
    }

    public static Map<String, ChangeRules.Measure> measures() {
        return Values.words(ChangeRules.Measure.values());
    }

    public static Map<String, ChangeRules.RankBy> rankings() {
        return Values.words(ChangeRules.RankBy.values());
    }

    /** {@code 1000} and {@code 10000}. */
    public static Map<String, Integer> bases() {
        Map<String, Integer> m = new LinkedHashMap<>();
        Limits.RATE_BASES.forEach(b -> m.put(Integer.toString(b), b));
        return m;
    }

    /** Checks the rules against {@link Limits#ALPHA} and {@link Limits#RATE_BASES}. */
    public static void validate(ChangeRules r) {
        Limits.ALPHA.check("alpha", r.alpha());
        if (!Limits.RATE_BASES.contains(r.per())) {
            throw new InvalidParameterException("per", r.per() + " is not allowed; expected one of " + Limits.RATE_BASES);
        }
        if (r.comparatorSet() != null && !r.comparatorSet().matches(Limits.DATASET_NAME)) {
            throw new InvalidParameterException("comparator_set", "'" + org.wardheat.text.Text.shorten(r.comparatorSet())
                    + "' is not a boundary set id; expected 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }
}
