package org.wardheat.query;

import org.wardheat.model.Period;

/**
 * The focus-area summary. HTTP {@code /api/area-summary}.
 *
 * @param comparison the period compared against ({@code compare}, as {@link WardsQuery})
 */
public record AreaSummaryQuery(AreaQuery area, Filter filter, Period comparison) {
    public void validate(DataMonths data) {
        filter.validate(data);
        data.check("compare", comparison);
    }
}
