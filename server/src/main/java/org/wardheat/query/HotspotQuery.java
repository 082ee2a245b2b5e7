package org.wardheat.query;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.wardheat.service.HotspotService;
import org.wardheat.hotspot.Grid;

import org.wardheat.hotspot.HarmWeights;

/**
 * What every hotspot analysis takes: the area (a boundary set's wards, or a drawn polygon within it), the
 * incidents, the grid and the weights. CLI {@code hotspots ...}; HTTP {@code /api/hotspots/{analysis}},
 * {@code /api/export/hotspots}.
 *
 * @param boundaries    the boundary set whose wards make the area
 * @param shape         {@code square} ({@value #DEFAULT_SHAPE}) or {@code hex}
 * @param cellMetres    cell size in metres ({@link Limits#CELL_METRES}, at most {@link Limits#MAX_CELLS}
 *                      over the extent), or null for sfhotspot's rule (shorter side of the extent / 50)
 * @param crs           a projected CRS in metres, default {@link Limits#DEFAULT_CRS}
 * @param recordWeights weight each incident by its record's count (needles in a find: {@code measure=count}), or not
 *                      ({@code measure=records}); null for the default of the data, as the tables
 *                      ({@link Analyses#resolve}: count when every dataset counted has a count column)
 * @param harmWeights   category to harm weight ({@link Limits#HARM_WEIGHT}) with an optional default weight for the
 *                      categories it does not name (without one, a missing category is an error), or null
 * @param area          a WGS84 polygon to analyse instead of the whole set, or null
 * @param sharing       disclosure control of the cells ({@link Sharing#OFF} by default)
 */
public record HotspotQuery(String boundaries, Filter filter, Grid.Shape shape, Double cellMetres, String crs,
                           Boolean recordWeights, HarmWeights harmWeights, Geometry area, Sharing sharing) {
    public static final String DEFAULT_SHAPE = "square";

    public HotspotQuery {
        boundaries = Checks.required("boundaries", boundaries);
        shape = shape == null ? Grid.Shape.SQUARE : shape;
        crs = crs == null || crs.isBlank() ? Limits.DEFAULT_CRS : crs.trim();
        sharing = sharing == null ? Sharing.OFF : sharing;
    }

    /** Without disclosure control. */
    public HotspotQuery(String boundaries, Filter filter, Grid.Shape shape, Double cellMetres, String crs,
                        Boolean recordWeights, HarmWeights harmWeights, Geometry area) {
        this(boundaries, filter, shape, cellMetres, crs, recordWeights, harmWeights, area, Sharing.OFF);
    }

    /** The same query with disclosure control {@code s} (e.g. forced for a viewer). */
    public HotspotQuery withSharing(Sharing s) {
        return new HotspotQuery(boundaries, filter, shape, cellMetres, crs, recordWeights, harmWeights, area, s);
    }

    /** The same query with the measure set: record weights (count) or not (records). */
    public HotspotQuery withRecordWeights(boolean weights) {
        return new HotspotQuery(boundaries, filter, shape, cellMetres, crs, weights, harmWeights, area, sharing);
    }

    /** Checks the CRS (projected, in metres), the period, the cell size and the weights. */
    public void validate(DataMonths data) {
        Values.projectedCrs("crs", crs);
        filter.validate(data);
        Limits.CELL_METRES.checkOptional("cell", cellMetres);
        sharing.validate();
        if (harmWeights != null) {
            harmWeights.weights().forEach((category, w) -> Limits.HARM_WEIGHT.check("harm_weights", w));
            Limits.HARM_WEIGHT.checkOptional("default_weight", harmWeights.defaultWeight());
        }
    }

    /**
     * Checks the cell size against the area's extent in the query's CRS: at most the longer side, and at
     * most {@link Limits#MAX_CELLS} cells over the extent.
     *
     * @return the cell size the analysis will use, in metres
     */
    public double validateExtent(Envelope projected) {
        double cell = cellMetres != null ? cellMetres : Grid.defaultSize(projected).metres();
        double longer = Math.max(projected.getWidth(), projected.getHeight());
        if (cellMetres != null) {
            double byCount = Math.sqrt(projected.getWidth() * projected.getHeight() / Limits.MAX_CELLS);
            Limits.CELL_METRES.atMost(Math.max(longer, Limits.CELL_METRES.min()), "the longer side of the area's extent")
                    .check("cell", cellMetres);
            if (cellMetres < byCount) {
                throw new InvalidParameterException("cell", org.wardheat.output.Numbers.text(cellMetres) + " m gives more than "
                        + Limits.MAX_CELLS + " cells over this area (" + Math.round(projected.getWidth() / 1000) + " × "
                        + Math.round(projected.getHeight() / 1000) + " km); expected at least " + (long) Math.ceil(byCount) + " metres");
            }
        }
        return cell;
    }

    public HotspotService.Request toRequest() {
        return new HotspotService.Request(boundaries, filter.categorySet(), filter.datasetSet(), filter.period(), shape, cellMetres, crs,
                new HotspotService.Weights(Boolean.TRUE.equals(recordWeights), harmWeights), area);
    }
}
