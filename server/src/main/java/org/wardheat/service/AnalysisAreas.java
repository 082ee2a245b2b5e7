package org.wardheat.service;

import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.boundaries.Projection;
import org.wardheat.boundaries.Ward;
import org.wardheat.hotspot.Grid;

import java.util.ArrayList;
import java.util.List;

/**
 * The area a hotspot analysis covers, projected into the request's CRS (metres), and its grid. The
 * union of a boundary set's wards and the grids are cached, keyed by boundary set, CRS and cell spec, in
 * LRU caches bounded by approximate bytes, and a whole set's grids on disk too ({@link GridFiles}); a drawn polygon is projected again for each request and its
 * grids, keyed by the polygon itself, age out of the grid cache like any other.
 */
final class AnalysisAreas {
    /** Budgets in approximate bytes. */
    static final long UNIONS_BYTES = 64L << 20, GRIDS_BYTES = 256L << 20;

    private record UnionKey(String boundaries, String crs) {
    }

    private record GridKey(String boundaries, String crs, String drawnArea, Grid.Shape shape, Double cellMetres) {
    }

    private final Workspace workspace;
    private final BoundedCache<UnionKey, Geometry> unions =
            new BoundedCache<>("ward unions", UNIONS_BYTES, g -> 256L + 48L * g.getNumPoints());
    private final BoundedCache<GridKey, Grid> grids = new BoundedCache<>("grids", GRIDS_BYTES, Grid::approximateBytes);
    private final GridFiles files;

    AnalysisAreas(Workspace workspace) {
        this.workspace = workspace;
        this.files = new GridFiles(workspace.store().dataDir());
    }

    /**
     * The grid for the request's area and cell spec: from memory, else (a whole boundary set's) from the
     * data directory's grid files, else built.
     */
    Grid grid(HotspotService.Request r) {
        GridKey key = new GridKey(r.boundaries(), r.crs(), r.area() == null ? null : r.area().toText(), r.shape(), r.cellMetres());
        return grids.get(key, k -> r.area() != null ? build(r)
                : files.get(workspace.boundarySet(r.boundaries()).digest(), r.crs(), r.shape(), r.cellMetres(), () -> build(r)));
    }

    /** See {@link HotspotService#extent}. */
    Envelope extent(String boundaries, Geometry drawnArea, String crs) {
        if (drawnArea != null) {
            return projectedBox(drawnArea.getEnvelopeInternal(), crs);
        }
        LoadedSet set = workspace.boundarySet(boundaries);
        return files.extent(set.digest(), crs, () -> {
            Envelope lonLat = new Envelope();
            for (Ward w : set.wards()) {
                lonLat.expandToInclude(w.geometry().getEnvelopeInternal());
            }
            return projectedBox(lonLat, crs);
        });
    }

    /** A lon/lat box densified (16 steps along its longer side) and projected: its extent in {@code crs}. */
    private static Envelope projectedBox(Envelope lonLat, String crs) {
        Geometry box = Densifier.densify(GeoJsonGeometry.FACTORY.toGeometry(lonLat), Math.max(lonLat.getWidth(), lonLat.getHeight()) / 16);
        return Projection.transform(box, Projection.WGS84, crs).getEnvelopeInternal();
    }

    private Grid build(HotspotService.Request r) {
        return Grid.build(area(r), r.shape(), r.cellMetres(), r.crs());
    }

    /** The analysed area in the request's CRS: the given polygon, or the union of the set's wards. */
    Geometry area(HotspotService.Request r) {
        if (r.area() != null) {
            Geometry projected = Projection.transform(r.area(), Projection.WGS84, r.crs());
            if (!(projected.getArea() > 0)) {
                throw new IllegalArgumentException("the area must be a polygon with an area");
            }
            return projected;
        }
        return unions.get(new UnionKey(r.boundaries(), r.crs()), k -> {
            List<Geometry> wards = new ArrayList<>();
            for (Ward w : workspace.boundarySet(k.boundaries()).wards()) {
                wards.add(Projection.transform(w.geometry(), Projection.WGS84, k.crs()));
            }
            return UnaryUnionOp.union(wards, GeoJsonGeometry.FACTORY);
        });
    }
}
