package org.wardheat.hotspot;

import org.geotools.grid.Grids;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.wardheat.boundaries.Projection;
import org.wardheat.geom.PointIndex;

import java.util.Arrays;
import java.util.Locale;

/**
 * Square or hexagonal cells over an area in a projected metric CRS (e.g. EPSG:27700), clipped to the area
 * (built by {@link GridBuilder}: squares on a {@link SquareLattice}, hexagons with GeoTools {@link Grids}).
 * Cells that do not overlap the area are left out. A square grid keeps the polygons of its clipped cells
 * only; a whole square's polygon is made when asked for.
 *
 * <p>Cell size is in metres: the side of a square, or the distance between the centres of adjacent
 * hexagons (their width across the flats). A point belongs to the cell with the nearest centre, which
 * for these regular lattices is the cell that contains it.
 */
public final class Grid {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    public enum Shape {
        SQUARE, HEX;

        public static Shape parse(String s) {
            return switch (s == null ? "square" : s.toLowerCase(Locale.ROOT)) {
                case "square", "rect" -> SQUARE;
                case "hex", "hexagon" -> HEX;
                default -> throw new IllegalArgumentException("shape must be square or hex, not '" + s + "'");
            };
        }
    }

    /** How the cell size was chosen, reported with every result. */
    public record Size(double metres, String rule) {
    }

    private final Shape shape;
    private final Size size;
    private final String crs;
    private final SquareLattice lattice;
    private final int[] latticeIndex;
    private final int[] cellAt;
    private final double[] cx;
    private final double[] cy;
    private final double[] area;
    private final Geometry[] stored;
    private final PointIndex index;
    /** What every cell id starts with: shape and size, e.g. {@code S250_}. */
    private final String idPrefix;
    /** The centres in WGS84 lon/lat, interleaved; null until projected or read. */
    private volatile double[] centresLonLat;

    private Grid(Shape shape, Size size, String crs, SquareLattice lattice, int[] latticeIndex, double[] cx, double[] cy,
                 double[] area, Geometry[] stored) {
        this.shape = shape;
        this.size = size;
        this.crs = crs;
        this.lattice = lattice;
        this.latticeIndex = latticeIndex;
        this.cx = cx;
        this.cy = cy;
        this.area = area;
        this.stored = stored;
        if (lattice != null) {
            cellAt = new int[lattice.size()];
            Arrays.fill(cellAt, -1);
            for (int c = 0; c < latticeIndex.length; c++) {
                cellAt[latticeIndex[c]] = c;
            }
        } else {
            cellAt = null;
        }
        this.index = new PointIndex(cx, cy, size.metres());
        this.idPrefix = (shape == Shape.SQUARE ? "S" : "H") + whole(size.metres()) + "_";
    }

    /**
     * A square grid on {@code lattice}: cell {@code c} is the lattice's square {@code latticeIndex[c]}
     * (ascending), its area {@code area[c]} in m², and its clipped part {@code clipped[c]}, or null where the
     * cell is whole.
     */
    static Grid onLattice(Size size, String crs, SquareLattice lattice, int[] latticeIndex, double[] area, Geometry[] clipped) {
        int n = latticeIndex.length;
        double[] x = new double[n], y = new double[n];
        for (int c = 0; c < n; c++) {
            if (c > 0 && latticeIndex[c] <= latticeIndex[c - 1]) {
                throw new IllegalArgumentException("lattice squares must be ascending");
            }
            x[c] = lattice.centreX(latticeIndex[c] % lattice.columns());
            y[c] = lattice.centreY(latticeIndex[c] / lattice.columns());
        }
        return new Grid(Shape.SQUARE, size, crs, lattice, latticeIndex, x, y, area, clipped);
    }

    /** A grid of cells given one by one: centres (metres), areas (m²) and (clipped) geometries. */
    static Grid ofCells(Shape shape, Size size, String crs, double[] x, double[] y, double[] area, Geometry[] cells) {
        return new Grid(shape, size, crs, null, null, x, y, area, cells);
    }

    /**
     * The default cell size: the shorter side of the area's extent divided by 50, rounded down to a
     * multiple of 100 m when that leaves more than 0 (sfhotspot's rule).
     */
    public static Size defaultSize(Envelope projectedExtent) {
        double raw = Math.min(projectedExtent.getWidth(), projectedExtent.getHeight()) / 50;
        double rounded = Math.floor(raw / 100) * 100;
        double metres = rounded > 0 ? rounded : Math.max(1, Math.round(raw));
        return new Size(metres, String.format(Locale.ROOT,
                "default: shorter side of the extent (%.0f m) / 50 = %.1f m, rounded down to a multiple of 100 m where positive",
                Math.min(projectedExtent.getWidth(), projectedExtent.getHeight()), raw));
    }

    /**
     * @param areaProjected the area to cover, in {@code crs} coordinates (metres)
     * @param shape         square or hexagonal cells
     * @param cellMetres    the cell size in metres, or {@code null} for {@link #defaultSize}
     * @param crs           the projected CRS code, e.g. {@link Projection#BNG}
     */
    public static Grid build(Geometry areaProjected, Shape shape, Double cellMetres, String crs) {
        Envelope extent = areaProjected.getEnvelopeInternal();
        Size size = size(extent, cellMetres);
        double s = size.metres();
        long estimate = (long) ((extent.getWidth() / s + 2) * (extent.getHeight() / s + 2));
        if (estimate > 2_000_000) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a %.0f m grid over this area would have about %,d cells; choose a larger cell size", s, estimate));
        }
        // origin on a multiple of the cell size, so cells (and their ids) line up across areas and runs
        Envelope bounds = new Envelope(Math.floor(extent.getMinX() / s) * s - s, Math.ceil(extent.getMaxX() / s) * s + s,
                Math.floor(extent.getMinY() / s) * s - s, Math.ceil(extent.getMaxY() / s) * s + s);
        try {
            Projection.crs(crs);
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot build a grid in " + crs + ": " + e.getMessage(), e);
        }
        return shape == Shape.SQUARE ? GridBuilder.squares(areaProjected, size, crs, bounds) : GridBuilder.hexagons(areaProjected, size, crs, bounds);
    }

    /** The cell size given, or the default rule's over {@code extent}. */
    static Size size(Envelope extent, Double cellMetres) {
        if (cellMetres == null) {
            return defaultSize(extent);
        }
        if (!(cellMetres > 0)) {
            throw new IllegalArgumentException("cell size must be more than 0 metres, not " + cellMetres);
        }
        return new Size(cellMetres, "given");
    }

    public int size() {
        return cx.length;
    }

    public Shape shape() {
        return shape;
    }

    public Size cellSize() {
        return size;
    }

    public String crs() {
        return crs;
    }

    /** Cell centre easting in metres (of the whole cell, before clipping). */
    public double x(int cell) {
        return cx[cell];
    }

    /** Cell centre northing in metres. */
    public double y(int cell) {
        return cy[cell];
    }

    /** The cell's clipped geometry in the projected CRS (a whole square is made when asked for). */
    public Geometry geometry(int cell) {
        Geometry g = stored[cell];
        return g != null ? g : lattice.square(latticeIndex[cell], FACTORY);
    }

    /** The cell's clipped geometry as kept (null for a whole square on the lattice), for {@link GridFile}. */
    Geometry stored(int cell) {
        return stored[cell];
    }

    /** The lattice a square grid lies on, or null for hexagons. */
    public SquareLattice lattice() {
        return lattice;
    }

    /** The lattice square of square cell {@code cell}. */
    public int latticeIndex(int cell) {
        return latticeIndex[cell];
    }

    /** The cell on lattice square {@code square}, or -1 where the grid has none (squares only). */
    public int cellAt(int square) {
        return cellAt[square];
    }

    /** The approximate bytes this grid holds: arrays per cell, the lattice map, and the clipped cells' polygons. */
    public long approximateBytes() {
        long coordinates = 0;
        for (Geometry g : stored) {
            coordinates += g == null ? 0 : g.getNumPoints();
        }
        return 1024L + 64L * size() + (cellAt == null ? 0 : 4L * cellAt.length) + 48L * coordinates;
    }

    /** The clipped cell's area in m². */
    public double area(int cell) {
        return area[cell];
    }

    public double totalArea() {
        double sum = 0;
        for (double a : area) {
            sum += a;
        }
        return sum;
    }

    /** A stable id from the shape, size and centre, e.g. {@code S250_574125_157125} (whole metres, halves rounded up). */
    public String id(int cell) {
        return idPrefix + whole(cx[cell]) + "_" + whole(cy[cell]);
    }

    /** {@code v} to a whole number as {@code %.0f} writes it. */
    private static String whole(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.0f", v);
    }

    /** How near a square's edge, as a share of its side, a point is looked up by distance rather than by column and row. */
    private static final double EDGE = 1e-9;

    /** The cell whose centre is nearest to (x, y) in metres, or -1 when no cell centre is within one cell size. */
    public int cellOf(double x, double y) {
        if (lattice != null) {
            // inside a lattice square, away from its edges, the square's own centre is the nearest of all: when that
            // square is a cell, it is the answer, found by column and row; near an edge (ties go to the lower index)
            // or in a square that is no cell, the index decides
            double fx = (x - lattice.minX()) / lattice.side(), fy = (y - lattice.minY()) / lattice.side();
            double col = Math.floor(fx), row = Math.floor(fy);
            double ex = fx - col, ey = fy - row;
            if (col >= 0 && row >= 0 && col < lattice.columns() && row < lattice.rows()
                    && ex > EDGE && ex < 1 - EDGE && ey > EDGE && ey < 1 - EDGE) {
                int c = cellAt[(int) row * lattice.columns() + (int) col];
                if (c >= 0) {
                    return c;
                }
            }
        }
        return index.nearest(x, y, size.metres());
    }

    /** The index of cell centres, for searches within a radius. */
    public PointIndex index() {
        return index;
    }

    /**
     * Each cell's neighbours for Gi*: the cells whose centres lie within {@code distance} metres,
     * the cell itself included.
     */
    public int[][] neighbours(double distance) {
        int[][] result = new int[size()][];
        for (int i = 0; i < size(); i++) {
            result[i] = index.within(cx[i], cy[i], distance);
        }
        return result;
    }

    /**
     * The neighbour distance Gi* uses by default: cell size × √2 for squares (the eight surrounding
     * cells) and the cell size for hexagons (the six adjacent cells), each with a 10⁻⁶ tolerance.
     */
    public double defaultNeighbourDistance() {
        double d = shape == Shape.SQUARE ? size.metres() * Math.sqrt(2) : size.metres();
        return d * (1 + 1e-6);
    }

    /**
     * Cell centres in WGS84 longitude/latitude, interleaved (lon0, lat0, lon1, ...): projected on first use, or
     * as a {@link GridFile} kept them. A copy: the caller may change it.
     */
    public double[] centresLonLat() {
        double[] xy = centresLonLat;
        if (xy == null) {
            xy = new double[2 * size()];
            for (int i = 0; i < size(); i++) {
                xy[2 * i] = cx[i];
                xy[2 * i + 1] = cy[i];
            }
            Projection.transformInPlace(xy, crs, Projection.WGS84);
            centresLonLat = xy;
        }
        return xy.clone();
    }

    /** Sets the centres' lon/lat as {@link GridFile} read them (the same doubles {@link #centresLonLat} projected when the file was written). */
    void keepCentresLonLat(double[] lonLat) {
        if (lonLat.length != 2 * size()) {
            throw new IllegalArgumentException(lonLat.length + " lon/lat values for " + size() + " cells");
        }
        centresLonLat = lonLat;
    }
}
