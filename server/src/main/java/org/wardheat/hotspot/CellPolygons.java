package org.wardheat.hotspot;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.wardheat.boundaries.Projection;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * Some cells of a grid as WGS84 longitude/latitude polygons, made when read: a read-only list whose
 * element {@code i} is cell {@code cells[i]}'s (clipped) polygon transformed from the grid's CRS. Cells are
 * transformed {@value #BLOCK} at a time in one batch and only the last block is kept, so writing a layer
 * holds a block of polygons rather than one per cell, and a table written without geometry (CSV) makes none.
 */
public final class CellPolygons extends AbstractList<Geometry> implements RandomAccess {
    static final int BLOCK = 1024;
    private final Grid grid;
    private final int[] cells;
    private int cachedBlock = -1;
    private Geometry[] cached;

    /** @param cells the grid's cells, in the list's order */
    public CellPolygons(Grid grid, int[] cells) {
        this.grid = grid;
        this.cells = cells;
    }

    @Override
    public int size() {
        return cells.length;
    }

    @Override
    public synchronized Geometry get(int i) {
        if (i < 0 || i >= cells.length) {
            throw new IndexOutOfBoundsException(i);
        }
        int block = i / BLOCK;
        if (block != cachedBlock) {
            cached = block(block * BLOCK, Math.min(cells.length, (block + 1) * BLOCK));
            cachedBlock = block;
        }
        return cached[i - block * BLOCK];
    }

    /** Cells {@code from} (inclusive) to {@code to} of the list in WGS84, their coordinates transformed in one batch. */
    private Geometry[] block(int from, int to) {
        Geometry[] out = new Geometry[to - from];
        int coordinates = 0;
        for (int i = from; i < to; i++) {
            out[i - from] = grid.geometry(cells[i]).copy();
            coordinates += out[i - from].getNumPoints();
        }
        double[] xy = new double[2 * coordinates];
        Visit read = new Visit(xy, false);
        for (Geometry g : out) {
            g.apply(read);
        }
        Projection.transformInPlace(xy, grid.crs(), Projection.WGS84);
        Visit write = new Visit(xy, true);
        for (Geometry g : out) {
            g.apply(write);
            g.geometryChanged();
        }
        return out;
    }

    /** Copies every coordinate of the geometries visited into {@code xy}, or ({@code write}) back from it, in order. */
    private static final class Visit implements CoordinateSequenceFilter {
        private final double[] xy;
        private final boolean write;
        private int k;

        Visit(double[] xy, boolean write) {
            this.xy = xy;
            this.write = write;
        }

        @Override
        public void filter(CoordinateSequence seq, int i) {
            if (write) {
                seq.setOrdinate(i, 0, xy[k++]);
                seq.setOrdinate(i, 1, xy[k++]);
            } else {
                xy[k++] = seq.getX(i);
                xy[k++] = seq.getY(i);
            }
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return write;
        }
    }
}
