package org.wardheat.query;

import org.wardheat.model.CategoryGroups;
import org.wardheat.model.Period;

import java.util.List;
import java.util.Set;

/**
 * Which incidents an analysis counts: categories and datasets (empty for all) and the months analysed.
 * HTTP: {@code category=}, {@code dataset=} (repeatable, or {@code a|b}), {@code from=}, {@code to=};
 * CLI: {@code --category}, {@code --dataset}, {@code --from}, {@code --to}. A category may be a group,
 * {@code group:NAME} ({@link CategoryGroups}: "All crime", "Anti-social behaviour", the Home Office groups and
 * the data directory's user groups), which stands for its categories.
 */
public record Filter(List<String> categories, List<String> datasets, Period period) {
    public Filter {
        categories = Values.names("category", categories);
        datasets = Values.names("dataset", datasets);
        if (period == null) {
            throw new InvalidParameterException("from", "missing; expected a month YYYY-MM");
        }
    }

    private static Set<String> expand(List<String> names) {
        try {
            return CategoryGroups.installed().expand(names);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("category", e.getMessage());
        }
    }

    /** The same categories and datasets over another period. */
    public Filter over(Period p) {
        return new Filter(categories, datasets, p);
    }

    /** This filter with {@code dataset} when no dataset is given (e.g. needle finds for the needle table). */
    public Filter withDefaultDataset(String dataset) {
        return datasets.isEmpty() && dataset != null ? new Filter(categories, List.of(dataset), period) : this;
    }

    /** The categories counted: the named ones, each group replaced by its categories (in order). */
    public Set<String> categorySet() {
        return expand(categories);
    }

    public Set<String> datasetSet() {
        return Set.copyOf(datasets);
    }

    void validate(DataMonths data) {
        expand(categories);
        data.check("from", "to", period);
    }
}
