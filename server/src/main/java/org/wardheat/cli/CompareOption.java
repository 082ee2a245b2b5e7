package org.wardheat.cli;

import org.wardheat.model.Period;
import org.wardheat.query.Filter;
import org.wardheat.query.Values;
import org.wardheat.query.ChangeOptions;
import org.wardheat.query.Limits;
import org.wardheat.analysis.ChangeRules;
import org.wardheat.query.WardsQuery;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The filter (period, categories, datasets) and {@code --compare previous|year-ago|YYYY-MM:YYYY-MM} (HTTP
 * {@code compare=}): what the ward table and the strategic table count, and against which period.
 */
final class CompareOption {
    @Mixin
    FilterOptions filter;
    @Option(names = "--compare", defaultValue = WardsQuery.DEFAULT_COMPARE, paramLabel = "previous|year-ago|YYYY-MM:YYYY-MM",
            description = "The comparison period (default: the previous period of the same length).")
    String compare;

    @Option(names = "--measure", paramLabel = "records|count",
            description = "Count records, or sum each record's count column (e.g. needles). Default: count for needle finds, else records.")
    String measure;
    @Option(names = "--per", defaultValue = "" + ChangeOptions.DEFAULT_PER, paramLabel = "1000|10000|100000",
            description = "Rates per this many residents (default: ${DEFAULT-VALUE}).")
    String per;
    @Option(names = "--alpha", defaultValue = "" + ChangeOptions.DEFAULT_ALPHA, paramLabel = "P",
            description = "Significance level of the change test, above 0 and at most 0.5 (default: ${DEFAULT-VALUE}).")
    String alpha;
    @Option(names = "--rank-by", defaultValue = ChangeOptions.DEFAULT_RANK_BY, paramLabel = "count|rate|change",
            description = "What ranks the ward table (default: ${DEFAULT-VALUE}).")
    String rankBy;
    @Option(names = "--per-population", paramLabel = "AGES", description = {"Rates per residents of this age group (e.g. 16-24 or 65+,",
            "whole Census 2021 bands; residents by age stored with 'context --store')."})
    String perPopulation;
    @Option(names = "--comparator-set", paramLabel = "ID", description = {"Add a comparator column: the rate of the whole of this",
            "other boundary set (e.g. Kent for a Maidstone table), same period and filter."})
    String comparatorSet;
    @Option(names = "--allow-partial", description = "Show change even when a period lacks data or the periods differ in length.")
    boolean allowPartial;

    /** The measure, rate base, significance level, ranking and allow-partial flag, as HTTP binds them. */
    ChangeRules rules() {
        return new ChangeRules(measure == null ? null : Values.choice("measure", measure, ChangeOptions.measures()),
                Values.choice("per", per, ChangeOptions.bases()), Values.number("alpha", alpha, Limits.ALPHA),
                Values.choice("rank_by", rankBy, ChangeOptions.rankings()), allowPartial, Values.ageGroup("per_population", perPopulation),
                comparatorSet);
    }

    Filter filter() {
        return filter.filter();
    }

    /** The comparison period of {@code filter}'s period. */
    Period comparison(Filter f) {
        return Values.comparison("compare", compare, f.period());
    }
}
