package org.wardheat.imports;

import org.wardheat.text.BoundedInput;
import org.wardheat.text.CsvReader;
import org.wardheat.text.Decimal;
import org.wardheat.text.Header;
import org.wardheat.text.InputLimits;
import org.wardheat.text.Text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a harm-weight CSV ({@code --harm-weights}): a header row, then {@code category,weight} rows, read
 * with the strict {@link CsvReader}. A weight is a plain decimal of 0 or more; a category appears once;
 * at most {@link InputLimits#MAX_CATEGORIES} rows.
 */
public final class HarmWeights {
    private HarmWeights() {
    }

    /**
     * @return weight by category, in file order
     * @throws IllegalArgumentException naming the file, line and what is wrong
     */
    public static Map<String, Double> read(Path file) {
        Map<String, Double> weights = new LinkedHashMap<>();
        try (CsvReader csv = new CsvReader(BoundedInput.open(file), StandardCharsets.UTF_8, InputLimits.DEFAULT)) {
            Header.read(csv);
            for (String[] row = csv.next(); row != null; row = csv.next()) {
                if (row.length == 1 && row[0].isBlank()) {
                    continue;
                }
                String where = file + ": line " + csv.line() + ": ";
                if (row.length != 2 || row[0].isBlank()) {
                    throw new IllegalArgumentException(where + "expected category,weight, found " + row.length + " fields");
                }
                double w;
                try {
                    w = Decimal.parse(row[1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + "bad weight: " + e.getMessage());
                }
                if (w < 0) {
                    throw new IllegalArgumentException(where + "a weight must be 0 or more, not " + row[1].trim());
                }
                String category = row[0].trim();
                if (weights.put(category, w) != null) {
                    throw new IllegalArgumentException(where + "category '" + Text.shorten(category) + "' is given twice");
                }
                if (weights.size() > InputLimits.MAX_CATEGORIES) {
                    throw new IllegalArgumentException(where + "more than " + InputLimits.MAX_CATEGORIES
                            + " categories (limit InputLimits.MAX_CATEGORIES)");
                }
            }
        } catch (CsvReader.BadRecord e) {
            throw new IllegalArgumentException(file + ": line " + e.line() + ": " + e.reason(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return weights;
    }
}
