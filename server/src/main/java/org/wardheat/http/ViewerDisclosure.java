package org.wardheat.http;

import org.wardheat.export.FeatureTable;

/**
 * The one place disclosure control is applied to what a viewer sees: every table a route answers with passes
 * through {@link Replies#table}, which calls this for a disclosure-controlled role ({@code viewer}).
 */
@FunctionalInterface
interface ViewerDisclosure {
    /** The smallest count shown as it is: counts 1 to K−1 are shown as "&lt;K". */
    int K = 5;

    FeatureTable apply(FeatureTable table);
}
