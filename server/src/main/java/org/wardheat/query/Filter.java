package org.wardheat.query;

import org.wardheat.model.Period;

import java.util.List;
import java.util.Set;

/**
 * Which incidents an analysis counts: categories and datasets (empty for all) and the months analysed.
 * HTTP: {@code category=}, {@code dataset=} (repeatable, or {@code a|b}), {@code from=}, {@code to=};
 * CLI: {@code --category}, {@code --dataset}, {@code --from}, {@code --to}.
 */
public record Filter(List<String> categories, List<String> datasets, Period period) {
    public Filter {
        categories = Values.names("category", categories);
        datasets = Values.names("dataset", datasets);
        if (period == null) {
            throw new InvalidParameterException("from", "missing; expected a month YYYY-MM");
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

    public Set<String> categorySet() {
        return Set.copyOf(categories);
    }

    public Set<String> datasetSet() {
        return Set.copyOf(datasets);
    }

    void validate(DataMonths data) {
        data.check("from", "to", period);
    }
}
