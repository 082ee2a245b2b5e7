package org.wardheat.query;

import org.wardheat.analysis.ChangeRules;
import org.wardheat.model.Period;

/**
 * The focus-area summary. HTTP {@code /api/area-summary}.
 *
 * @param comparison the period compared against ({@code compare}, as {@link WardsQuery})
 * @param rules      measure, rate base, significance level, allow partial ({@link ChangeOptions})
 */
public record AreaSummaryQuery(AreaQuery area, Filter filter, Period comparison, ChangeRules rules) {
    public AreaSummaryQuery {
        rules = rules == null ? ChangeRules.DEFAULT.withMeasure(null) : rules;
    }

    public AreaSummaryQuery(AreaQuery area, Filter filter, Period comparison) {
        this(area, filter, comparison, null);
    }

    public AreaSummaryQuery with(ChangeRules r) {
        return new AreaSummaryQuery(area, filter, comparison, r);
    }

    public void validate(DataMonths data) {
        filter.validate(data);
        data.check("compare", comparison);
        ChangeOptions.validate(rules);
    }
}
