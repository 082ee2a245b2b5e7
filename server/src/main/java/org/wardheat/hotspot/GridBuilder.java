package org.wardheat.hotspot;

import org.wardheat.boundaries.Projection;
import org.geotools.api.data.SimpleFeatureSource;
import org.geotools.api.feature.simple.SimpleFeature;
import org.geotools.data.simple.SimpleFeatureIterator;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.grid.Grids;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.wardheat.Cancellation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the cells of a {@link Grid} over an area (projected CRS, metres): each cell that overlaps the area,
 * clipped to it. A cell the area covers is kept whole; a cell on the area's edge is clipped through
 * {@link AreaTiles}; a cell that does not overlap the area, or whose clipped part has no area, is left out.
 *
 * <p>Squares are laid on a {@link SquareLattice} and tested block by block: a block of squares the area
 * covers is kept whole and a block it does not touch is skipped without testing its squares one by one, so
 * the work grows with the cells along the area's edge rather than with the lattice. Hexagons come from
 * GeoTools {@link Grids} and are tested one by one.
 */
final class GridBuilder {
    /** The side, in squares, of the first blocks tested. */
    private static final int BLOCK = 32;

    private GridBuilder() {
    }

    /**
     * @param bounds the lattice's extent, in metres, on multiples of the cell size
     */
    static Grid squares(Geometry area, Grid.Size size, String crs, Envelope bounds) {
        double s = size.metres();
        SquareLattice lattice = new SquareLattice(bounds.getMinX(), bounds.getMinY(), s,
                (int) Math.round(bounds.getWidth() / s), (int) Math.round(bounds.getHeight() / s));
        Squares squares = new Squares(area, lattice);
        for (int r = 0; r < lattice.rows(); r += BLOCK) {
            for (int c = 0; c < lattice.columns(); c += BLOCK) {
                squares.block(c, r, Math.min(BLOCK, lattice.columns() - c), Math.min(BLOCK, lattice.rows() - r));
            }
        }
        return squares.grid(size, crs);
    }

    /** The squares of one lattice being classified: outside, whole or clipped. */
    private static final class Squares {
        private static final byte WHOLE = 1, CLIPPED = 2;
        private final SquareLattice lattice;
        private final GeometryFactory factory;
        private final PreparedGeometry prepared;
        private final AreaTiles tiles;
        private final byte[] state;
        private final Map<Integer, Geometry> clipped = new HashMap<>();

        Squares(Geometry area, SquareLattice lattice) {
            this.lattice = lattice;
            this.factory = area.getFactory();
            this.prepared = PreparedGeometryFactory.prepare(area);
            this.tiles = new AreaTiles(area, 32 * lattice.side());
            this.state = new byte[lattice.size()];
        }

        /** Classifies the block of {@code w} × {@code h} squares from column {@code c}, row {@code r}. */
        void block(int c, int r, int w, int h) {
            Cancellation.check();
            if (w == 1 && h == 1) {
                square(r * lattice.columns() + c);
                return;
            }
            Geometry box = factory.toGeometry(new Envelope(lattice.left(c), lattice.left(c + w), lattice.bottom(r), lattice.bottom(r + h)));
            if (!prepared.intersects(box)) {
                return; // no square of the block touches the area
            }
            if (prepared.covers(box)) { // the area covers every square of the block
                for (int row = r; row < r + h; row++) {
                    for (int col = c; col < c + w; col++) {
                        state[row * lattice.columns() + col] = WHOLE;
                    }
                }
                return;
            }
            int w1 = (w + 1) / 2, h1 = (h + 1) / 2;
            block(c, r, w1, h1);
            if (w > w1) {
                block(c + w1, r, w - w1, h1);
            }
            if (h > h1) {
                block(c, r + h1, w1, h - h1);
                if (w > w1) {
                    block(c + w1, r + h1, w - w1, h - h1);
                }
            }
        }

        private void square(int index) {
            Geometry cell = lattice.square(index, factory);
            if (!prepared.intersects(cell)) {
                return;
            }
            if (prepared.covers(cell)) {
                state[index] = WHOLE;
                return;
            }
            Geometry part = tiles.clip(cell);
            if (!part.isEmpty() && part.getArea() > 0) {
                state[index] = CLIPPED;
                clipped.put(index, part);
            }
        }

        Grid grid(Grid.Size size, String crs) {
            int n = 0;
            for (byte b : state) {
                n += b != 0 ? 1 : 0;
            }
            if (n == 0) {
                throw new IllegalArgumentException("no grid cell overlaps the area");
            }
            int[] at = new int[n];
            double[] area = new double[n];
            Geometry[] parts = new Geometry[n];
            int k = 0;
            double whole = Double.NaN;
            for (int i = 0; i < state.length; i++) {
                if (state[i] == 0) {
                    continue;
                }
                at[k] = i;
                if (state[i] == CLIPPED) {
                    parts[k] = clipped.get(i);
                    area[k] = parts[k].getArea();
                } else {
                    area[k] = lattice.square(i, factory).getArea();
                }
                k++;
            }
            return Grid.onLattice(size, crs, lattice, at, area, parts);
        }
    }

    /**
     * Hexagons (GeoTools {@link Grids}, the cell size being the width across the flats) over {@code bounds},
     * each tested and clipped on its own.
     */
    static Grid hexagons(Geometry area, Grid.Size size, String crs, Envelope bounds) {
        double s = size.metres();
        SimpleFeatureSource source;
        try {
            ReferencedEnvelope envelope = new ReferencedEnvelope(bounds, Projection.crs(crs));
            source = Grids.createHexagonalGrid(envelope, s / Math.sqrt(3)); // side length from the width across flats
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot build a grid in " + crs + ": " + e.getMessage(), e);
        }
        return oneByOne(area, source, Grid.Shape.HEX, size, crs);
    }

    /**
     * The cells of a GeoTools grid {@code source} that overlap the area, each tested and clipped on its own,
     * in the source's order; centres are the whole cells' centroids.
     */
    static Grid oneByOne(Geometry area, SimpleFeatureSource source, Grid.Shape shape, Grid.Size size, String crs) {
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
        AreaTiles tiles = new AreaTiles(area, 32 * size.metres());
        List<double[]> centres = new ArrayList<>();
        List<Geometry> kept = new ArrayList<>();
        try (SimpleFeatureIterator it = source.getFeatures().features()) {
            while (it.hasNext()) {
                Cancellation.check();
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
        } catch (IOException e) {
            throw new IllegalStateException("grid features could not be read", e);
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no grid cell overlaps the area");
        }
        int n = kept.size();
        double[] x = new double[n], y = new double[n], areas = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = centres.get(i)[0];
            y[i] = centres.get(i)[1];
            areas[i] = kept.get(i).getArea();
        }
        return Grid.ofCells(shape, size, crs, x, y, areas, kept.toArray(new Geometry[0]));
    }
}
