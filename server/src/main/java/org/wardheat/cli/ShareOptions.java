package org.wardheat.cli;

import org.wardheat.export.DisclosureRule;
import org.wardheat.query.InvalidParameterException;
import org.wardheat.query.Sharing;
import picocli.CommandLine.Option;

/**
 * {@code --shareable [--k N]} (HTTP {@code shareable=true&k=N}): disclosure control of the table, for sharing
 * outside the partnership (see the README, "Disclosure control").
 */
final class ShareOptions {
    @Option(names = "--shareable", description = {"Apply disclosure control: counts from 1 to k-1 shown as \"<k\", and whatever would give",
            "them back (totals, differences, rates) withheld as \"[c]\". Not with --format json."})
    boolean shareable;
    @Option(names = "--k", paramLabel = "N", defaultValue = "" + DisclosureRule.DEFAULT_K,
            description = "With --shareable: the threshold k, " + DisclosureRule.MIN_K + " to " + DisclosureRule.MAX_K + " (default: ${DEFAULT-VALUE}).")
    int k;

    /** The sharing of the query; checks that the format writes the suppressed table. */
    Sharing sharing(String format) {
        if (shareable && "json".equals(format)) {
            throw new InvalidParameterException("format", "json writes the unsuppressed result; with --shareable use csv, geojson or gpkg");
        }
        return new Sharing(shareable, k);
    }
}
