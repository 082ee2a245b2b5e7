package org.wardheat.hotspot;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A {@link Grid} in a compact binary form, for the grid cache on disk: a header (format, shape, cell size
 * and rule, CRS), then for squares the lattice, each cell's lattice square and area, and the clipped cells'
 * polygons as WKB; for hexagons each cell's centre, area and polygon (WKB); then (format 2) every centre in
 * WGS84 lon/lat, so a grid read back lists its cells without starting GeoTools' referencing. Coordinates are in
 * the grid's projected CRS (metres), areas in m², all doubles as written (a grid read back is the grid written).
 */
public final class GridFile {
    /** Changes whenever the form changes, so older files are not read. */
    public static final int FORMAT = 2;
    private static final int MAGIC = 0x57484744; // "WHGD"

    private GridFile() {
    }

    public static void write(Grid grid, OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(FORMAT);
        d.writeUTF(grid.shape().name());
        d.writeDouble(grid.cellSize().metres());
        d.writeUTF(grid.cellSize().rule());
        d.writeUTF(grid.crs());
        int n = grid.size();
        d.writeInt(n);
        WKBWriter wkb = new WKBWriter(2);
        SquareLattice lattice = grid.lattice();
        if (lattice != null) {
            d.writeDouble(lattice.minX());
            d.writeDouble(lattice.minY());
            d.writeDouble(lattice.side());
            d.writeInt(lattice.columns());
            d.writeInt(lattice.rows());
            for (int c = 0; c < n; c++) {
                d.writeInt(grid.latticeIndex(c));
                d.writeDouble(grid.area(c));
                Geometry g = grid.stored(c);
                writeGeometry(d, wkb, g);
            }
        } else {
            for (int c = 0; c < n; c++) {
                d.writeDouble(grid.x(c));
                d.writeDouble(grid.y(c));
                d.writeDouble(grid.area(c));
                writeGeometry(d, wkb, grid.stored(c));
            }
        }
        for (double v : grid.centresLonLat()) {
            d.writeDouble(v);
        }
        d.flush();
    }

    private static void writeGeometry(DataOutputStream d, WKBWriter wkb, Geometry g) throws IOException {
        if (g == null) {
            d.writeInt(-1);
        } else {
            byte[] bytes = wkb.write(g);
            d.writeInt(bytes.length);
            d.write(bytes);
        }
    }

    /**
     * @param factory the factory of the polygons read
     * @throws IOException when the input is not a grid of this form (truncated, another format)
     */
    public static Grid read(InputStream in, GeometryFactory factory) throws IOException {
        DataInputStream d = new DataInputStream(in);
        if (d.readInt() != MAGIC || d.readInt() != FORMAT) {
            throw new IOException("not a grid file of format " + FORMAT);
        }
        Grid.Shape shape = Grid.Shape.valueOf(d.readUTF());
        Grid.Size size = new Grid.Size(d.readDouble(), d.readUTF());
        String crs = d.readUTF();
        int n = d.readInt();
        if (n < 1) {
            throw new IOException("a grid file with " + n + " cells");
        }
        WKBReader wkb = new WKBReader(factory);
        double[] area = new double[n];
        Geometry[] stored = new Geometry[n];
        if (shape == Grid.Shape.SQUARE) {
            SquareLattice lattice = new SquareLattice(d.readDouble(), d.readDouble(), d.readDouble(), d.readInt(), d.readInt());
            int[] at = new int[n];
            for (int c = 0; c < n; c++) {
                at[c] = d.readInt();
                if (at[c] < 0 || at[c] >= lattice.size()) {
                    throw new IOException("a cell outside the lattice");
                }
                area[c] = d.readDouble();
                stored[c] = readGeometry(d, wkb);
            }
            return withLonLat(Grid.onLattice(size, crs, lattice, at, area, stored), d);
        }
        double[] x = new double[n], y = new double[n];
        for (int c = 0; c < n; c++) {
            x[c] = d.readDouble();
            y[c] = d.readDouble();
            area[c] = d.readDouble();
            stored[c] = readGeometry(d, wkb);
        }
        return withLonLat(Grid.ofCells(shape, size, crs, x, y, area, stored), d);
    }

    private static Grid withLonLat(Grid grid, DataInputStream d) throws IOException {
        double[] lonLat = new double[2 * grid.size()];
        for (int i = 0; i < lonLat.length; i++) {
            lonLat[i] = d.readDouble();
        }
        grid.keepCentresLonLat(lonLat);
        return grid;
    }

    private static Geometry readGeometry(DataInputStream d, WKBReader wkb) throws IOException {
        int length = d.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        d.readFully(bytes);
        try {
            return wkb.read(bytes);
        } catch (ParseException e) {
            throw new IOException("a cell polygon that is not WKB: " + e.getMessage(), e);
        }
    }
}
