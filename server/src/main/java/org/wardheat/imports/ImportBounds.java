package org.wardheat.imports;

import org.wardheat.text.BoundedInput;
import org.wardheat.text.InputLimits;

import org.wardheat.store.ImportWriter;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The per-call {@link InputLimits} of one import, counted as it goes: decompressed bytes (the
 * {@link #budget()} its sources are opened with), rows read, datasets in the store, and distinct categories in
 * the dataset and in the store. Passing a limit throws {@link ImportException}, so the call's transaction
 * rolls back and nothing is stored; a stored dataset therefore never holds more categories than analysis
 * can take.
 */
final class ImportBounds {
    private final InputLimits limits;
    private final String dataset;
    private final BoundedInput.Budget budget;
    private final Set<String> datasetCategories = new HashSet<>();
    private final Set<String> allCategories = new HashSet<>();
    private long rows;
    private String lastCategory;

    private ImportBounds(InputLimits limits, String dataset) {
        this.limits = limits;
        this.dataset = dataset;
        this.budget = new BoundedInput.Budget(limits);
    }

    /**
     * Checks the dataset count and loads the categories already stored, within the import's transaction.
     *
     * @throws ImportException when {@code dataset} is new and the store already has the most datasets
     */
    static ImportBounds begin(ImportWriter writer, String dataset, InputLimits limits) {
        ImportBounds b = new ImportBounds(limits, dataset);
        Map<String, Set<String>> stored = writer.categoriesByDataset();
        if (!stored.containsKey(dataset) && stored.size() >= limits.maxDatasets()) {
            throw new ImportException("the store already holds " + stored.size() + " datasets, the most it may (limit"
                    + " InputLimits.MAX_DATASETS = " + limits.maxDatasets() + "); import into an existing dataset;"
                    + " nothing was imported");
        }
        stored.values().forEach(b.allCategories::addAll);
        b.datasetCategories.addAll(stored.getOrDefault(dataset, Set.of()));
        return b;
    }

    BoundedInput.Budget budget() {
        return budget;
    }

    /** Counts one row read. */
    void row(String source, int line) {
        if (++rows > limits.maxRowsPerCall()) {
            throw new ImportException(source + ": line " + line + ": this import reads more than " + limits.maxRowsPerCall()
                    + " rows (limit InputLimits.MAX_ROWS_PER_CALL); nothing was imported; import the files in smaller groups");
        }
    }

    /** Counts a stored row's category. */
    void category(String source, int line, String category) {
        if (category.equals(lastCategory)) {
            return; // the same category as the row before: already counted
        }
        lastCategory = category;
        if (datasetCategories.add(category) && datasetCategories.size() > limits.maxCategoriesPerDataset()) {
            throw new ImportException(source + ": line " + line + ": dataset '" + dataset + "' would have more than "
                    + limits.maxCategoriesPerDataset() + " distinct categories (limit InputLimits.MAX_CATEGORIES_PER_DATASET);"
                    + " nothing was imported; is the category column a free-text column?");
        }
        if (allCategories.add(category) && allCategories.size() > limits.maxCategories()) {
            throw new ImportException(source + ": line " + line + ": the store would have more than " + limits.maxCategories()
                    + " distinct categories over all datasets (limit InputLimits.MAX_CATEGORIES); nothing was imported");
        }
    }
}
