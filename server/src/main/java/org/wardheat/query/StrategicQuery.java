package org.wardheat.query;

import org.wardheat.model.Period;

/**
 * The strategic-assessment table: every category, this period against the comparison period. CLI
 * {@code strategic}; HTTP {@code /api/strategic}, {@code /api/export/strategic}. Categories are not
 * filtered (every category is a row); {@code dataset} is.
 *
 * @param comparison the period compared against ({@code compare}, as {@link WardsQuery})
 */
public record StrategicQuery(AreaQuery area, Filter filter, Period comparison) {
    public StrategicQuery {
        if (!filter.categories().isEmpty()) {
            throw new InvalidParameterException("category", "not taken: the strategic table has a row for every category; filter by dataset");
        }
    }

    public void validate(DataMonths data) {
        filter.validate(data);
        data.check("compare", comparison);
    }
}
