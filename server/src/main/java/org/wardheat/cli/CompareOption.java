package org.wardheat.cli;

import org.wardheat.model.Period;
import org.wardheat.query.Filter;
import org.wardheat.query.Values;
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

    Filter filter() {
        return filter.filter();
    }

    /** The comparison period of {@code filter}'s period. */
    Period comparison(Filter f) {
        return Values.comparison("compare", compare, f.period());
    }
}
