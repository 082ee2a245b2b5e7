package org.wardheat.query;

import org.wardheat.analysis.ChangeRules;
import org.wardheat.model.Period;

/**
 * The focus-area summary. HTTP {@code /api/area-summary}.
 *
 * @param comparison the period compared against ({@code compare}, as {@link WardsQuery})
 * @param rules      measure, rate base, significance level, allow partial ({@link ChangeOptions})
 * @param sharing    disclosure control of the summary ({@link Sharing#OFF} by default)
 */
public record AreaSummaryQuery(AreaQuery area, Filter filter, Period comparison, ChangeRules rules, Sharing sharing) {
    public AreaSummaryQuery {
        rules = rules == null ? ChangeRules.DEFAULT.withMeasure(null) : rules;
        sharing = sharing == null ? Sharing.OFF : sharing;
    }

    /** The default rules, without disclosure control. */
    public AreaSummaryQuery(AreaQuery area, Filter filter, Period comparison) {
        this(area, filter, comparison, null, Sharing.OFF);
    }

    public AreaSummaryQuery(AreaQuery area, Filter filter, Period comparison, ChangeRules rules) {
        this(area, filter, comparison, rules, Sharing.OFF);
    }

    public AreaSummaryQuery with(ChangeRules r) {
        return new AreaSummaryQuery(area, filter, comparison, r, sharing);
    }

    /** The same query with disclosure control {@code s} (e.g. forced for a viewer). */
    public AreaSummaryQuery withSharing(Sharing s) {
        return new AreaSummaryQuery(area, filter, comparison, rules, s);
    }

    public void validate(DataMonths data) {
        filter.validate(data);
        data.check("compare", comparison);
        sharing.validate();
        ChangeOptions.validate(rules);
    }
}
