package org.wardheat.hotspot;

import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.grid.Grids;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.wardheat.boundaries.Projection;
import org.wardheat.geom.PointIndex;

/**
 * The dense computation as it was before square grids were built block by block and KDE walked the lattice:
 * every square of GeoTools' square grid over the bounds tested and clipped one by one
 * ({@link GridBuilder#oneByOne}, as hexagons still are), giving a grid without a lattice, on which KDE adds
 * each incident through the index of cell centres. Kept as the reference the fast path must equal.
 */
final class DenseReference {
    private DenseReference() {
    }

    /** The squares of {@code s} metres over the area, as the old {@code Grid.build} made them. */
    static Grid squares(Geometry area, double s) throws Exception {
        Envelope extent = area.getEnvelopeInternal();
        Envelope bounds = new Envelope(Math.floor(extent.getMinX() / s) * s - s, Math.ceil(extent.getMaxX() / s) * s + s,
                Math.floor(extent.getMinY() / s) * s - s, Math.ceil(extent.getMaxY() / s) * s + s);
        return GridBuilder.oneByOne(area, Grids.createSquareGrid(new ReferencedEnvelope(bounds, CRS.decode(Projection.BNG, true)), s),
                Grid.Shape.SQUARE, new Grid.Size(s, "given"), Projection.BNG);
    }

    /** Counts per cell as before: the nearest centre within one cell size, ties to the lower cell. */
    static double[] counts(Grid dense, Points points) {
        double[] x = new double[dense.size()], y = new double[dense.size()];
        for (int c = 0; c < x.length; c++) {
            x[c] = dense.x(c);
            y[c] = dense.y(c);
        }
        PointIndex index = new PointIndex(x, y, dense.cellSize().metres());
        double[] counts = new double[x.length];
        for (int i = 0; i < points.size(); i++) {
            int c = index.nearest(points.x()[i], points.y()[i], dense.cellSize().metres());
            if (c >= 0) {
                counts[c]++;
            }
        }
        return counts;
    }
}
