package org.wardheat.cli;

import org.wardheat.model.Coverage;

/** Prints what a comparison counted and the months with data in each period to standard error. */
final class Coverages {
    private Coverages() {
    }

    static void print(String measure, Coverage c) {
        System.err.println("measure: " + measure);
        System.err.println("months with data: " + c.period().covered().size() + " of " + c.period().months() + " in " + c.period().period()
                + (c.comparison() == null ? "" : ", " + c.comparison().covered().size() + " of " + c.comparison().months() + " in "
                + c.comparison().period()));
        c.warnings().forEach(w -> System.err.println("warning: " + w));
    }
}
