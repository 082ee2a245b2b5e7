package org.wardheat.query;

/** The bandwidth limit that depends on the grid: at most {@link Limits#MAX_BANDWIDTH_CELLS} cells and the extent. */
final class Bandwidths {
    private Bandwidths() {
    }

    static void check(String parameter, Double bandwidthMetres, double cellMetres, double extentMetres) {
        if (bandwidthMetres != null) {
            Limits.BANDWIDTH_METRES.atMost(Math.min(Limits.MAX_BANDWIDTH_CELLS * cellMetres, Math.max(extentMetres, cellMetres)),
                    Limits.MAX_BANDWIDTH_CELLS + " × the " + org.wardheat.output.Numbers.text(cellMetres)
                            + " m cell size, and the longer side of the area's extent").check(parameter, bandwidthMetres);
        }
    }
}
