package org.wardheat.cli;

import org.wardheat.hotspot.PAdjust;
import org.wardheat.query.ChangeQuery;
import org.wardheat.query.Values;
import picocli.CommandLine.Option;

/** {@code --p-adjust} and {@code --hot-bin}, which the Gi*-based analyses share (HTTP {@code p_adjust}, {@code hot_bin}). */
final class GiStarOptions {
    @Option(names = "--p-adjust", paramLabel = "fdr|holm|none", description = "fdr (Benjamini-Hochberg, default), holm or none.")
    String adjust;
    @Option(names = "--hot-bin", defaultValue = "" + ChangeQuery.DEFAULT_HOT_BIN,
            description = "A cell is hot at this Gi* bin or above (default: ${DEFAULT-VALUE}, 95%).")
    int hotBin;

    /** The adjustment, or null for the query's default. */
    PAdjust pAdjust() {
        return pAdjust(adjust);
    }

    /** {@code fdr}, {@code holm} or {@code none}; null stays null (the query's default). */
    static PAdjust pAdjust(String word) {
        return word == null ? null : Values.choice("p_adjust", word, Values.words(PAdjust.values()));
    }
}
