package org.wardheat.query;

import org.wardheat.hotspot.PAdjust;

/**
 * Getis-Ord Gi* per cell. CLI {@code hotspots gistar}; HTTP {@code /api/hotspots/gistar}.
 *
 * @param pAdjust                 {@code fdr} (default), {@code holm} or {@code none}
 * @param neighbourDistanceMetres neighbours within this distance ({@link Limits#NEIGHBOUR_METRES}, at most
 *                                {@link Limits#MAX_NEIGHBOUR_CELLS} cells), or null for cell × √2 (squares) or cell (hexagons)
 * @param weighted                sum of weights per cell instead of the count
 */
public record GiStarQuery(HotspotQuery on, PAdjust pAdjust, Double neighbourDistanceMetres, boolean weighted) implements HotspotAnalysis {
    public static final PAdjust DEFAULT_P_ADJUST = PAdjust.FDR;

    public GiStarQuery {
        pAdjust = pAdjust == null ? DEFAULT_P_ADJUST : pAdjust;
    }

    @Override
    public void validate(DataMonths data) {
        on.validate(data);
        Limits.NEIGHBOUR_METRES.checkOptional("neighbour_distance", neighbourDistanceMetres);
    }

    @Override
    public void validateCell(double cellMetres, double extentMetres) {
        if (neighbourDistanceMetres != null) {
            Limits.NEIGHBOUR_METRES.atMost(Limits.MAX_NEIGHBOUR_CELLS * cellMetres, Limits.MAX_NEIGHBOUR_CELLS + " × the "
                    + org.wardheat.output.Numbers.text(cellMetres) + " m cell size").check("neighbour_distance", neighbourDistanceMetres);
        }
    }
}
