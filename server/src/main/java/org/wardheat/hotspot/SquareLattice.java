package org.wardheat.hotspot;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The regular lattice a square grid lies on, in a projected CRS (metres): {@code columns} × {@code rows}
 * squares of side {@code side} from the corner ({@code minX}, {@code minY}), numbered row by row from the
 * bottom, each row from the left ({@code row × columns + column}), as GeoTools' square grids are.
 *
 * @param minX    easting of the lattice's lower left corner, in metres
 * @param minY    northing of the lattice's lower left corner, in metres
 * @param side    the side of a square, in metres
 * @param columns squares per row
 * @param rows    rows of squares
 */
public record SquareLattice(double minX, double minY, double side, int columns, int rows) {
    public SquareLattice {
        if (!(side > 0) || columns < 1 || rows < 1) {
            throw new IllegalArgumentException("a lattice needs a positive side and at least one square");
        }
    }

    /** The number of squares. */
    public int size() {
        return columns * rows;
    }

    /** Easting of the left side of column {@code column} (0 to {@code columns}), in metres. */
    public double left(int column) {
        return minX + column * side;
    }

    /** Northing of the bottom of row {@code row} (0 to {@code rows}), in metres. */
    public double bottom(int row) {
        return minY + row * side;
    }

    /** Easting of the centre of column {@code column}, in metres. */
    public double centreX(int column) {
        return (left(column) + left(column + 1)) / 2;
    }

    /** Northing of the centre of row {@code row}, in metres. */
    public double centreY(int row) {
        return (bottom(row) + bottom(row + 1)) / 2;
    }

    /** The whole square {@code index} as a polygon, its corners in GeoTools' order (clockwise from the lower left). */
    public Polygon square(int index, GeometryFactory factory) {
        int column = index % columns, row = index / columns;
        double x0 = left(column), x1 = left(column + 1), y0 = bottom(row), y1 = bottom(row + 1);
        return factory.createPolygon(new Coordinate[]{new Coordinate(x0, y0), new Coordinate(x0, y1), new Coordinate(x1, y1),
                new Coordinate(x1, y0), new Coordinate(x0, y0)});
    }
}
