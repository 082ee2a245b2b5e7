package org.wardheat.hotspot;

import org.geotools.api.data.SimpleFeatureSource;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.grid.Grids;
import org.geotools.referencing.CRS;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.wardheat.geom.PointIndex;

import java.util.ArrayList;
import java.util.List;

/**
 * The dense computation as it was before grids were built block by block and KDE walked the lattice: every
 * square of GeoTools' square grid over the bounds tested and clipped one by one, and every incident's
 * kernel added through the index of cell centres. Kept as the reference the fast path must equal.
 */
final class DenseReference {
    private DenseReference() {
    }

    /** The cells as the old {@code Grid.build} made them: (clipped) polygons and the whole cells' centres, in grid order. */
    record Cells(double[] x, double[] y, Geometry[] polygons) {
    }

    static Cells squares(Geometry area, double s) throws Exception {
        Envelope extent = area.getEnvelopeInternal();
        Envelope bounds = new Envelope(Math.floor(extent.getMinX() / s) * s - s, Math.ceil(extent.getMaxX() / s) * s + s,
                Math.floor(extent.getMinY() / s) * s - s, Math.ceil(extent.getMaxY() / s) * s + s);
        SimpleFeatureSource source = Grids.createSquareGrid(new ReferencedEnvelope(bounds, CRS.decode("EPSG:27700", true)), s);
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
        AreaTiles tiles = new AreaTiles(area, 32 * s);
        List<double[]> centres = new ArrayList<>();
        List<Geometry> kept = new ArrayList<>();
        try (SimpleFeatureIterator it = source.getFeatures().features()) {
            while (it.hasNext()) {
                SimpleFeature f = it.next();
                Geometry cell = (Geometry) f.getDefaultGeometry();
                if (!prepared.intersects(cell)) {
                    continue;
                }
                Geometry clipped = prepared.covers(cell) ? cell : tiles.clip(cell);
                if (clipped.isEmpty() || clipped.getArea() <= 0) {
                    continue;
                }
                Point c = cell.getCentroid();
                centres.add(new double[]{c.getX(), c.getY()});
                kept.add(clipped);
            }
        }
        double[] x = new double[kept.size()], y = new double[kept.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = centres.get(i)[0];
            y[i] = centres.get(i)[1];
        }
        return new Cells(x, y, kept.toArray(new Geometry[0]));
    }

    /** KDE as the old {@code KernelDensity.compute}: each incident's kernel added through the centre index, chunk by chunk. */
    static double[] kde(double[] cx, double[] cy, double cellMetres, Points points, double bandwidth) {
        PointIndex index = new PointIndex(cx, cy, cellMetres);
        int n = points.size();
        int chunks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() * 2, n / 10_000 + 1));
        double[] density = new double[cx.length];
        double h2 = bandwidth * bandwidth;
        double norm = 3 / (Math.PI * h2);
        double[][] partial = new double[chunks][];
        for (int k = 0; k < chunks; k++) {
            double[] acc = new double[cx.length];
            int from = (int) ((long) n * k / chunks), to = (int) ((long) n * (k + 1) / chunks);
            for (int i = from; i < to; i++) {
                double w = points.weight()[i] * norm;
                index.forEachWithin(points.x()[i], points.y()[i], bandwidth, (cell, d2) -> {
                    double u = 1 - d2 / h2;
                    acc[cell] += w * u * u;
                });
            }
            partial[k] = acc;
        }
        for (double[] p : partial) {
            for (int c = 0; c < density.length; c++) {
                density[c] += p[c];
            }
        }
        for (int c = 0; c < density.length; c++) {
            density[c] *= 1e6;
        }
        return density;
    }

    /** Counts per cell as before: the nearest centre within one cell size, ties to the lower cell. */
    static double[] counts(double[] cx, double[] cy, double cellMetres, Points points) {
        PointIndex index = new PointIndex(cx, cy, cellMetres);
        double[] counts = new double[cx.length];
        for (int i = 0; i < points.size(); i++) {
            int c = index.nearest(points.x()[i], points.y()[i], cellMetres);
            if (c >= 0) {
                counts[c]++;
            }
        }
        return counts;
    }
}
