package org.wardheat.cli;

import org.wardheat.repeats.Outliers;
import picocli.CommandLine.Option;

/**
 * The outlier rule and whether to leave flagged records out (HTTP {@code outlier_record_factor},
 * {@code outlier_place_factor}, {@code outlier_minimum}, {@code exclude_outliers}); defaults {@link Outliers.Rules#DEFAULT}.
 */
final class OutlierOptions {
    @Option(names = "--exclude-outliers", description = "Leave records flagged as outliers out of every figure.")
    boolean exclude;
    @Option(names = "--outlier-record-factor", description = "A record of at least this many times the median record (default: 10).")
    Double recordFactor;
    @Option(names = "--outlier-place-factor", description = "A place-month of at least this many times the place's median month (default: 5).")
    Double placeFactor;
    @Option(names = "--outlier-minimum", description = "... and at least this count (default: 20).")
    Double minimum;

    Outliers.Rules rules() {
        Outliers.Rules d = Outliers.Rules.DEFAULT;
        return new Outliers.Rules(recordFactor == null ? d.recordFactor() : recordFactor, placeFactor == null ? d.placeFactor() : placeFactor,
                minimum == null ? d.minimum() : minimum);
    }
}
