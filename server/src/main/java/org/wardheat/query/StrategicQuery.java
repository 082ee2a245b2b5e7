package org.wardheat.query;

import org.wardheat.analysis.ChangeRules;
import org.wardheat.model.Period;

/**
 * The strategic-assessment table: every category, this period against the comparison period. CLI
 * {@code strategic}; HTTP {@code /api/strategic}, {@code /api/export/strategic}. Categories are not
 * filtered (every category is a row); {@code dataset} is.
 *
 * @param comparison the period compared against ({@code compare}, as {@link WardsQuery})
 * @param rules      measure, rate base, significance level, allow partial ({@link ChangeOptions}); ranking is not used
 * @param sharing    disclosure control of the table ({@link Sharing#OFF} by default)
 */
public record StrategicQuery(AreaQuery area, Filter filter, Period comparison, ChangeRules rules, Sharing sharing) {
    public StrategicQuery {
        sharing = sharing == null ? Sharing.OFF : sharing;
        if (!filter.categories().isEmpty()) {
            throw new InvalidParameterException("category", "not taken: the strategic table has a row for every category; filter by dataset");
        }
        rules = rules == null ? ChangeRules.DEFAULT.withMeasure(null) : rules;
    }

    /** The default rules, without disclosure control. */
    public StrategicQuery(AreaQuery area, Filter filter, Period comparison) {
        this(area, filter, comparison, null, Sharing.OFF);
    }

    public StrategicQuery(AreaQuery area, Filter filter, Period comparison, ChangeRules rules) {
        this(area, filter, comparison, rules, Sharing.OFF);
    }

    public StrategicQuery with(ChangeRules r) {
        return new StrategicQuery(area, filter, comparison, r, sharing);
    }

    /** The same query with disclosure control {@code s} (e.g. forced for a viewer). */
    public StrategicQuery withSharing(Sharing s) {
        return new StrategicQuery(area, filter, comparison, rules, s);
    }

    public void validate(DataMonths data) {
        filter.validate(data);
        data.check("compare", comparison);
        sharing.validate();
        ChangeOptions.validate(rules);
    }
}
