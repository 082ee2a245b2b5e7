package org.wardheat.cli;

import org.wardheat.model.Period;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Set;

/** The selection every analysis command takes: period, categories and datasets. */
final class FilterOptions {
    @Option(names = "--category", paramLabel = "NAME", description = "A category (repeatable; default: all).")
    List<String> categories;
    @Option(names = "--dataset", paramLabel = "NAME", description = "A dataset (repeatable; default: all).")
    List<String> datasets;
    @Option(names = "--from", required = true, paramLabel = "YYYY-MM")
    String from;
    @Option(names = "--to", required = true, paramLabel = "YYYY-MM")
    String to;

    Period period() {
        return Period.of(from, to);
    }

    Set<String> categorySet() {
        return categories == null ? Set.of() : Set.copyOf(categories);
    }

    Set<String> datasetSet() {
        return datasets == null ? Set.of() : Set.copyOf(datasets);
    }
}
