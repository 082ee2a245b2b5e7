package org.wardheat.query;

import org.wardheat.export.Disclosure;
import org.wardheat.export.DisclosureRule;
import org.wardheat.export.FeatureTable;

/**
 * Whether a table is made for sharing outside the partnership (or for a viewer): CLI {@code --shareable [--k N]},
 * HTTP {@code shareable=true[&k=N]}. When it is, {@link Disclosure} suppresses counts from 1 to k−1 and what
 * would give them back (see the README, "Disclosure control").
 *
 * @param shareable apply disclosure control (default false)
 * @param k         counts from 1 to k−1 are suppressed; {@link Limits#DISCLOSURE_K}, default {@value DisclosureRule#DEFAULT_K}
 */
public record Sharing(boolean shareable, int k) {
    /** No disclosure control: the analysts' own view. */
    public static final Sharing OFF = new Sharing(false, DisclosureRule.DEFAULT_K);

    /** Disclosure control with threshold {@code k}. */
    public static Sharing shareable(int k) {
        return new Sharing(true, k);
    }

    public void validate() {
        Limits.DISCLOSURE_K.check("k", k);
    }

    /** The table as it may be shared ({@link Disclosure#apply(FeatureTable, int)}), or as it is when not shareable. */
    public FeatureTable apply(FeatureTable table) {
        return shareable ? Disclosure.apply(table, k) : table;
    }
}
