package org.wardheat.query;

import org.wardheat.model.Period;

/**
 * The focus-area summary. HTTP {@code /api/area-summary}.
 *
 * @param comparison the period compared against ({@code compare}, as {@link WardsQuery})
 * @param sharing    disclosure control of the summary ({@link Sharing#OFF} by default)
 */
public record AreaSummaryQuery(AreaQuery area, Filter filter, Period comparison, Sharing sharing) {
    public AreaSummaryQuery {
        sharing = sharing == null ? Sharing.OFF : sharing;
    }

    /** Without disclosure control. */
    public AreaSummaryQuery(AreaQuery area, Filter filter, Period comparison) {
        this(area, filter, comparison, Sharing.OFF);
    }

    /** The same query with disclosure control {@code s} (e.g. forced for a viewer). */
    public AreaSummaryQuery withSharing(Sharing s) {
        return new AreaSummaryQuery(area, filter, comparison, s);
    }

    public void validate(DataMonths data) {
        filter.validate(data);
        data.check("compare", comparison);
        sharing.validate();
    }
}
