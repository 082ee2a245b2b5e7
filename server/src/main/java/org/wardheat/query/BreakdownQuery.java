package org.wardheat.query;

import org.wardheat.analysis.ChangeRules;
import org.wardheat.model.Period;

/**
 * The strategic table for every area of a boundary set, then the whole set as the total ("force") rows:
 * with a dissolved district set, "district × category, this period / last, with the force row". CLI
 * {@code strategic --each-area}; HTTP {@code /api/strategic?each_area=true}. Categories are not filtered
 * (every category is a row); {@code dataset} is.
 *
 * @param boundaries the boundary set whose areas are the rows (required)
 * @param comparison the period compared against ({@code compare}, as {@link WardsQuery})
 * @param bestAreas  {@code best}: add the comparator column "average rate per 1,000 of the N areas with the lowest
 *                   rate" per category ({@link Limits#BEST_AREAS}), or null for none
 * @param rules      how change is counted, tested and rated, as in the strategic table ({@code measure}, {@code per},
 *                   {@code alpha}, {@code allow_partial}, {@code per_population}); null for the defaults
 */
public record BreakdownQuery(String boundaries, Filter filter, Period comparison, Integer bestAreas, ChangeRules rules) {
    public BreakdownQuery(String boundaries, Filter filter, Period comparison) {
        this(boundaries, filter, comparison, null, null);
    }

    public BreakdownQuery(String boundaries, Filter filter, Period comparison, Integer bestAreas) {
        this(boundaries, filter, comparison, bestAreas, null);
    }

    public BreakdownQuery {
        boundaries = Checks.required("boundaries", boundaries);
        rules = rules == null ? ChangeRules.DEFAULT : rules;
        if (bestAreas != null) {
            Limits.BEST_AREAS.check("best", (int) bestAreas);
        }
        if (!filter.categories().isEmpty()) {
            throw new InvalidParameterException("category", "not taken: the strategic table has a row for every category; filter by dataset");
        }
    }

    public void validate(DataMonths data) {
        filter.validate(data);
        data.check("compare", comparison);
    }
}
