package org.wardheat.hotspot;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An area (projected CRS, metres) cut once into square tiles, so that a cell on the area's edge is clipped
 * against the piece of its tile rather than the whole area (a county coastline has tens of thousands of
 * vertices). Tiles are aligned on multiples of their side. Not thread-safe: one per grid being built.
 */
final class AreaTiles {
    private final Geometry area;
    private final double side;
    private final Map<Long, Geometry> pieces = new HashMap<>();

    /**
     * @param area the area, in metres
     * @param side the tile side in metres
     */
    AreaTiles(Geometry area, double side) {
        this.area = area;
        this.side = side;
    }

    /** The part of {@code cell} inside the area: polygons only (lines and points where it only touches dropped). */
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
        return polygonal(parts.size() == 1 ? parts.get(0) : UnaryUnionOp.union(parts, cell.getFactory()));
    }

    private Geometry piece(long tx, long ty) {
        return pieces.computeIfAbsent(tx * 4_000_003L + ty, k -> area.intersection(
                area.getFactory().toGeometry(new Envelope(tx * side, (tx + 1) * side, ty * side, (ty + 1) * side))));
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
}
