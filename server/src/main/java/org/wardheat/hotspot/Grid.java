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
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.wardheat.boundaries.Projection;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wardheat.geom.PointIndex;

/**
 * Square or hexagonal cells over an area, built with GeoTools {@link Grids} in a projected metric CRS
 * (e.g. EPSG:27700) and clipped to the area. Cells that do not overlap the area are left out.
 *
 * <p>Cell size is in metres: the side of a square, or the distance between the centres of adjacent
 * hexagons (their width across the flats). A point belongs to the cell with the nearest centre, which
 * for these regular lattices is the cell that contains it.
 */
public final class Grid {
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
    private final double[] cx;
    private final double[] cy;
    private final Geometry[] cells;
    private final double[] area;
    private final PointIndex index;

    private Grid(Shape shape, Size size, String crs, List<double[]> centres, List<Geometry> cells) {
        this.shape = shape;
        this.size = size;
        this.crs = crs;
        int n = centres.size();
        this.cx = new double[n];
        this.cy = new double[n];
        this.cells = cells.toArray(new Geometry[0]);
        this.area = new double[n];
        for (int i = 0; i < n; i++) {
            cx[i] = centres.get(i)[0];
            cy[i] = centres.get(i)[1];
            area[i] = this.cells[i].getArea();
        }
        this.index = new PointIndex(cx, cy, size.metres());
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
        Size size;
        if (cellMetres == null) {
            size = defaultSize(extent);
        } else {
            if (!(cellMetres > 0)) {
                throw new IllegalArgumentException("cell size must be more than 0 metres, not " + cellMetres);
            }
            size = new Size(cellMetres, "given");
        }
        double s = size.metres();
        long estimate = (long) ((extent.getWidth() / s + 2) * (extent.getHeight() / s + 2));
        if (estimate > 2_000_000) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a %.0f m grid over this area would have about %,d cells; choose a larger cell size", s, estimate));
        }
        // origin on a multiple of the cell size, so cells (and their ids) line up across areas and runs
        Envelope bounds = new Envelope(Math.floor(extent.getMinX() / s) * s - s, Math.ceil(extent.getMaxX() / s) * s + s,
                Math.floor(extent.getMinY() / s) * s - s, Math.ceil(extent.getMaxY() / s) * s + s);
        SimpleFeatureSource source;
        try {
            ReferencedEnvelope envelope = new ReferencedEnvelope(bounds, CRS.decode(crs, true));
            source = shape == Shape.SQUARE ? Grids.createSquareGrid(envelope, s)
                    : Grids.createHexagonalGrid(envelope, s / Math.sqrt(3)); // side length from the width across flats
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot build a grid in " + crs + ": " + e.getMessage(), e);
        }
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(areaProjected);
        AreaTiles tiles = new AreaTiles(areaProjected, 32 * s);
        List<double[]> centres = new ArrayList<>();
        List<Geometry> kept = new ArrayList<>();
        try (SimpleFeatureIterator it = source.getFeatures().features()) {
            while (it.hasNext()) {
                org.wardheat.Cancellation.check();
                SimpleFeature f = it.next();
                Geometry cell = (Geometry) f.getDefaultGeometry();
                if (!prepared.intersects(cell)) {
                    continue;
                }
                Geometry clipped = prepared.covers(cell) ? cell : polygonal(tiles.clip(cell));
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
        return new Grid(shape, size, crs, centres, kept);
    }

    /**
     * The area cut once into square tiles, so that a cell on the area's edge is clipped against the
     * piece of its tile rather than the whole area (a county coastline has tens of thousands of vertices).
     */
    private static final class AreaTiles {
        private final Geometry area;
        private final double side;
        private final java.util.Map<Long, Geometry> pieces = new java.util.HashMap<>();

        AreaTiles(Geometry area, double side) {
            this.area = area;
            this.side = side;
        }

        Geometry clip(Geometry cell) {
            Envelope e = cell.getEnvelopeInternal();
            List<Geometry> parts = new ArrayList<>();
            for (long tx = (long) Math.floor(e.getMinX() / side); tx <= (long) Math.floor(e.getMaxX() / side); tx++) {
                for (long ty = (long) Math.floor(e.getMinY() / side); ty <= (long) Math.floor(e.getMaxY() / side); ty++) {
                    Geometry piece = piece(tx, ty);
                    if (!piece.isEmpty() && piece.getEnvelopeInternal().intersects(e)) {
                        parts.add(piece.intersection(cell));
                    }
                }
            }
            return parts.size() == 1 ? parts.get(0) : org.locationtech.jts.operation.union.UnaryUnionOp.union(parts, cell.getFactory());
        }

        private Geometry piece(long tx, long ty) {
            return pieces.computeIfAbsent(tx * 4_000_003L + ty, k -> area.intersection(
                    area.getFactory().toGeometry(new Envelope(tx * side, (tx + 1) * side, ty * side, (ty + 1) * side))));
        }
    }

    private static Geometry polygonal(Geometry g) {
        if (g instanceof Polygonal) {
            return g;
        }
        List<Geometry> parts = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygonal) {
                parts.add(g.getGeometryN(i));
            }
        }
        return g.getFactory().buildGeometry(parts);
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

    /** The cell's clipped geometry in the projected CRS. */
    public Geometry geometry(int cell) {
        return cells[cell];
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

    /** A stable id from the shape, size and centre, e.g. {@code S250_574125_157125}. */
    public String id(int cell) {
        return String.format(Locale.ROOT, "%s%.0f_%.0f_%.0f", shape == Shape.SQUARE ? "S" : "H", size.metres(), cx[cell], cy[cell]);
    }

    /** The cell whose centre is nearest to (x, y) in metres, or -1 when no cell centre is within one cell size. */
    public int cellOf(double x, double y) {
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

    /** Cell centres in WGS84 longitude/latitude, interleaved (lon0, lat0, lon1, ...). */
    public double[] centresLonLat() {
        double[] xy = new double[2 * size()];
        for (int i = 0; i < size(); i++) {
            xy[2 * i] = cx[i];
            xy[2 * i + 1] = cy[i];
        }
        Projection.transformInPlace(xy, crs, Projection.WGS84);
        return xy;
    }
}
