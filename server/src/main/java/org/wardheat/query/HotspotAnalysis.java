package org.wardheat.query;

/** A hotspot analysis query: its common part and the checks that depend on the grid. */
public interface HotspotAnalysis {
    /** The area, incidents, grid and weights. */
    HotspotQuery on();

    /** Checks every parameter that does not depend on the area's extent. */
    void validate(DataMonths data);

    /**
     * Checks the parameters bounded by the grid (bandwidth, neighbour distance), once the cell size and
     * the extent's longer side (metres) are known. Nothing to check by default.
     */
    default void validateCell(double cellMetres, double extentMetres) {
    }
}
