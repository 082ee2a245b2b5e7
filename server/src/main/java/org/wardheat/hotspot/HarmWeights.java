package org.wardheat.hotspot;

import org.wardheat.text.BoundedInput;
import org.wardheat.text.CsvReader;
import org.wardheat.text.Decimal;
import org.wardheat.text.InputLimits;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A harm weight per incident category (e.g. an index of sentencing days), with an optional default for
 * categories the table does not name. Without a default, a category missing from the table is an
 * error listing every missing category, never a silent weight of 0.
 *
 * <p>The CSV has two columns, category and weight (RFC 4180, so a category may be quoted and hold
 * commas). The first row is a header when its weight is not a number ({@code category,weight}); every
 * other row must have a finite weight of 0 or more, and a category may appear once.
 */
public final class HarmWeights {
    private final String source;
    private final Map<String, Double> weights;
    private final Double defaultWeight;

    /**
     * @param source        where the table came from, for messages (e.g. the file name)
     * @param weights       category → weight, each finite and at least 0
     * @param defaultWeight the weight of a category not in {@code weights}, or null to refuse such categories
     */
    public HarmWeights(String source, Map<String, Double> weights, Double defaultWeight) {
        if (defaultWeight != null && !validWeight(defaultWeight)) {
            throw new IllegalArgumentException("the default harm weight must be a finite number of 0 or more, not " + defaultWeight);
        }
        weights.forEach((c, w) -> {
            if (!validWeight(w)) {
                throw new IllegalArgumentException(source + ": the weight of '" + c + "' must be a finite number of 0 or more, not " + w);
            }
        });
        this.source = source;
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        this.defaultWeight = defaultWeight;
    }

    private static boolean validWeight(double w) {
        return w >= 0 && !Double.isInfinite(w);
    }

    /** Reads a category,weight CSV (UTF-8, decoded strictly; plain or gzipped) within the {@link InputLimits}. */
    public static HarmWeights read(Path file, Double defaultWeight) throws IOException {
        try (Reader in = CsvReader.strictText(BoundedInput.open(file), StandardCharsets.UTF_8)) {
            return parse(file.toString(), in, defaultWeight);
        }
    }

    /** Parses a category,weight CSV; errors name {@code source}, the line and the field. */
    public static HarmWeights parse(String source, Reader reader, Double defaultWeight) throws IOException {
        Map<String, Double> weights = new LinkedHashMap<>();
        CsvReader csv = new CsvReader(reader);
        boolean first = true;
        for (String[] row = csv.nextPair(source, "category", "weight"); row != null; row = csv.nextPair(source, "category", "weight"), first = false) {
            String category = row[0].trim();
            Double weight = number(row[1]);
            if (first && weight == null) {
                continue; // a header such as category,weight
            }
            if (weight == null || !validWeight(weight)) {
                throw new IllegalArgumentException(source + ": line " + csv.line() + ": field weight: expected a finite number of 0 or more, found '" + row[1] + "'");
            }
            if (category.isEmpty()) {
                throw new IllegalArgumentException(source + ": line " + csv.line() + ": field category: empty");
            }
            if (weights.putIfAbsent(category, weight) != null) {
                throw new IllegalArgumentException(source + ": line " + csv.line() + ": field category: '" + category + "' is given a weight twice");
            }
        }
        if (weights.isEmpty()) {
            throw new IllegalArgumentException(source + ": no category,weight rows");
        }
        return new HarmWeights(source, weights, defaultWeight);
    }

    /** A plain decimal ({@link Decimal}), or null. */
    private static Double number(String s) {
        try {
            return Decimal.parse(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The weight of {@code category}: its own, or the default. */
    public double of(String category) {
        Double w = weights.get(category);
        if (w != null) {
            return w;
        }
        if (defaultWeight != null) {
            return defaultWeight;
        }
        throw new IllegalArgumentException(source + " has no harm weight for '" + category + "'");
    }

    /**
     * Checks that every category has a weight (its own or the default).
     *
     * @throws IllegalArgumentException listing every missing category, in alphabetical order
     */
    public void requireAll(Collection<String> categories) {
        if (defaultWeight != null) {
            return;
        }
        TreeSet<String> missing = new TreeSet<>();
        for (String c : categories) {
            if (!weights.containsKey(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(source + " has no harm weight for " + missing.size()
                    + (missing.size() == 1 ? " category: " : " categories: ") + String.join(", ", missing)
                    + "; add them, or give a default weight");
        }
    }

    public Map<String, Double> weights() {
        return weights;
    }

    public Double defaultWeight() {
        return defaultWeight;
    }

    /** "{Burglary=10.0, Robbery=20.0}, others 1" for the echoed parameters. */
    @Override
    public String toString() {
        return weights + (defaultWeight == null ? "" : ", others " + defaultWeight);
    }
}
