package org.wardheat.query;

import org.wardheat.repeats.Outliers;

/** The ranges of the outlier rule's parameters. */
final class Outlier {
    private Outlier() {
    }

    static void check(Outliers.Rules r) {
        Limits.OUTLIER_FACTOR.check("outlier_record_factor", r.recordFactor());
        Limits.OUTLIER_FACTOR.check("outlier_place_factor", r.placeFactor());
        Limits.OUTLIER_MINIMUM.check("outlier_minimum", r.minimum());
    }
}
