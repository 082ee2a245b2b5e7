package org.wardheat.cli;

import org.wardheat.query.Filter;
import org.wardheat.query.Values;
import picocli.CommandLine.Option;

import java.util.List;

/** The selection every analysis command takes: period, categories and datasets (HTTP: from, to, category, dataset). */
final class FilterOptions {
    @Option(names = "--category", paramLabel = "NAME", description = "A category (repeatable; default: all).")
    List<String> categories;
    @Option(names = "--dataset", paramLabel = "NAME", description = "A dataset (repeatable; default: all).")
    List<String> datasets;
    @Option(names = "--from", required = true, paramLabel = "YYYY-MM")
    String from;
    @Option(names = "--to", required = true, paramLabel = "YYYY-MM")
    String to;

    Filter filter() {
        return new Filter(categories, datasets, Values.period("from", from, "to", to));
    }
}
