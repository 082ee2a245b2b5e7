package org.wardheat.query;

import org.wardheat.model.Period;
import org.wardheat.analysis.WardStatistics;

import java.util.LinkedHashSet;

/**
 * The ward table: counts, rates, shares, ranks and change against a comparison period.
 * CLI {@code wards}; HTTP {@code /api/wards}, {@code /api/wards/summary}, {@code /api/export/wards}.
 *
 * @param boundaries the boundary set whose wards are counted
 * @param comparison the period compared against ({@code compare}: {@value #DEFAULT_COMPARE}, {@code year-ago}
 *                   or {@code YYYY-MM:YYYY-MM}, resolved)
 * @param top        how many wards the top-N share sentence covers, {@link Limits#TOP_WARDS}
 */
public record WardsQuery(String boundaries, Filter filter, Period comparison, int top) {
    public static final String DEFAULT_COMPARE = "previous";
    public static final int DEFAULT_TOP = 5;

    public WardsQuery {
        Checks.required("boundaries", boundaries);
    }

    public void validate(DataMonths data) {
        filter.validate(data);
        data.check("compare", comparison);
        Limits.TOP_WARDS.check("top", top);
    }

    public WardStatistics.Query toStatistics() {
        return new WardStatistics.Query(new LinkedHashSet<>(filter.categorySet()), new LinkedHashSet<>(filter.datasets()),
                filter.period(), comparison, top);
    }
}
