package org.wardheat.query;

import org.wardheat.analysis.ChangeRules;
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
 * @param rules      measure, rate base, significance level, ranking, allow partial ({@link ChangeOptions});
 *                   a null measure is resolved from the data ({@link Analyses})
 * @param sharing    disclosure control of the table and layer ({@link Sharing#OFF} by default)
 */
public record WardsQuery(String boundaries, Filter filter, Period comparison, int top, ChangeRules rules, Sharing sharing) {
    public static final String DEFAULT_COMPARE = "previous";
    public static final int DEFAULT_TOP = 5;

    public WardsQuery {
        Checks.required("boundaries", boundaries);
        sharing = sharing == null ? Sharing.OFF : sharing;
        rules = rules == null ? ChangeRules.DEFAULT.withMeasure(null) : rules;
    }

    /** The default rules, without disclosure control. */
    public WardsQuery(String boundaries, Filter filter, Period comparison, int top) {
        this(boundaries, filter, comparison, top, null, Sharing.OFF);
    }

    public WardsQuery(String boundaries, Filter filter, Period comparison, int top, ChangeRules rules) {
        this(boundaries, filter, comparison, top, rules, Sharing.OFF);
    }

    /** The same query with disclosure control {@code s} (e.g. forced for a viewer). */
    public WardsQuery withSharing(Sharing s) {
        return new WardsQuery(boundaries, filter, comparison, top, rules, s);
    }

    public void validate(DataMonths data) {
        filter.validate(data);
        data.check("compare", comparison);
        Limits.TOP_WARDS.check("top", top);
        sharing.validate();
        ChangeOptions.validate(rules);
    }

    public WardsQuery with(ChangeRules r) {
        return new WardsQuery(boundaries, filter, comparison, top, r, sharing);
    }

    public WardStatistics.Query toStatistics() {
        return new WardStatistics.Query(new LinkedHashSet<>(filter.categorySet()), new LinkedHashSet<>(filter.datasets()),
                filter.period(), comparison, top, rules);
    }
}
