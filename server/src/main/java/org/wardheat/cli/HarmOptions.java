package org.wardheat.cli;

import org.wardheat.hotspot.HarmWeights;
import org.wardheat.query.InvalidParameterException;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --harm-weights CSV} and {@code --default-weight W} (HTTP {@code harm_weights=}, {@code default_weight=}). */
final class HarmOptions {
    @Option(names = "--harm-weights", paramLabel = "CSV", description = {"A CSV of category,weight (a header row is optional): each incident weighs its category's weight.",
            "A category analysed but missing from the file is an error listing them, unless --default-weight is given."})
    Path harmWeights;
    @Option(names = "--default-weight", paramLabel = "W", description = "With --harm-weights: the weight of categories the file does not name.")
    Double defaultWeight;

    /** The harm weights file (category,weight), with the default weight of categories it does not name; null without a file. */
    HarmWeights harm() throws Exception {
        if (harmWeights == null) {
            if (defaultWeight != null) {
                throw new InvalidParameterException("default_weight", "needs harm weights (--harm-weights)");
            }
            return null;
        }
        return HarmWeights.read(harmWeights, defaultWeight);
    }
}
