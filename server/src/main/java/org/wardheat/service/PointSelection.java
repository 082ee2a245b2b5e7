package org.wardheat.service;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.wardheat.boundaries.Projection;
import org.wardheat.hotspot.Points;
import org.wardheat.model.IncidentTable;
import org.wardheat.model.Period;

/**
 * Picks a hotspot request's incidents: those of its categories and datasets inside its area (a ward of
 * its boundary set, or the drawn polygon), projected into its CRS (metres) and weighted. Projected
 * coordinates of the whole incident table are cached per snapshot and CRS, bounded by bytes; those of
 * older snapshots are dropped when a newer one is seen. A snapshot that reads by months (one command that
 * then stops) takes a set's points from {@link PointFiles} on disk instead, written by the first command over
 * those months.
 */
final class PointSelection {
    static final long PROJECTED_BYTES = 128L << 20;

    private record Key(long snapshot, String table, String crs) {
    }

    private final BoundedCache<Key, double[][]> projected =
            new BoundedCache<>("projected coordinates", PROJECTED_BYTES, xy -> 64L + 16L * xy[0].length);
    private final PointFiles files;
    private volatile long newest;

    /** @param dataDir the data directory whose {@link PointFiles} a snapshot that reads by months uses, or null for none */
    PointSelection(java.nio.file.Path dataDir) {
        this.files = new PointFiles(dataDir);
    }

    /**
     * The request's incidents of the months in {@code months} (at least: a snapshot may hold all months), ready
     * to be cut by period.
     */
    Selected select(Snapshot snap, HotspotService.Request r, Geometry projectedArea, Period months) {
        if (snap.serial() > newest) {
            newest = snap.serial();
            projected.invalidateIf(k -> k.snapshot() < snap.serial());
        }
        IncidentTable t = snap.incidents(months);
        double[][] xy;
        boolean[] keep;
        if (r.area() == null && snap.readsByMonths()) { // one command: the set's points from the month files, when kept
            xy = files.get(t, snap.boundarySet(r.boundaries()).digest(), r.crs(),
                    () -> inSet(project(t, r.crs()), snap.wardOf(r.boundaries(), months)));
            keep = located(xy);
        } else {
            xy = projected.get(new Key(snap.serial(), snap.tableKey(months), r.crs()), k -> project(t, k.crs()));
            keep = r.area() == null ? inWards(snap.wardOf(r.boundaries(), months)) : inArea(xy, projectedArea);
        }
        IncidentTable.Filter filter = t.filter(r.categories(), r.datasets());
        for (int i = 0; i < keep.length; i++) {
            keep[i] = keep[i] && filter.test(i);
        }
        return new Selected(t, xy, keep, r.weights(), months);
    }

    /** A request's incidents (the table's rows in {@code keep}) with their projected coordinates. */
    static final class Selected {
        private final IncidentTable t;
        private final double[][] xy;
        private final boolean[] keep;
        private final HotspotService.Weights weights;
        private final Period months;

        private Selected(IncidentTable t, double[][] xy, boolean[] keep, HotspotService.Weights weights, Period months) {
            this.t = t;
            this.xy = xy;
            this.keep = keep;
            this.weights = weights;
            this.months = months;
        }

        /** The selected incidents of {@code period} (within the months selected): projected x, y in metres and weights. */
        Points in(Period period) {
            if (months.from().isAfter(period.from()) || months.to().isBefore(period.to())) {
                throw new IllegalStateException("incidents of " + period + " asked of a selection of " + months);
            }
            int n = 0;
            java.util.Set<String> categories = weights.harm() == null ? null : new java.util.HashSet<>();
            for (int i = 0; i < keep.length; i++) {
                if (keep[i] && period.contains(t.month(i))) {
                    n++;
                    if (categories != null) {
                        categories.add(t.category(i));
                    }
                }
            }
            if (categories != null) { // every category analysed needs a harm weight: list the missing ones first
                weights.harm().requireAll(categories);
            }
            double[] x = new double[n], y = new double[n], w = new double[n];
            int k = 0;
            for (int i = 0; i < keep.length; i++) {
                if (keep[i] && period.contains(t.month(i))) {
                    x[k] = xy[0][i];
                    y[k] = xy[1][i];
                    w[k] = weights.of(t, i);
                    k++;
                }
            }
            return new Points(x, y, w);
        }
    }

    private static boolean[] inWards(int[] wardOf) {
        boolean[] inside = new boolean[wardOf.length];
        for (int i = 0; i < inside.length; i++) {
            inside[i] = wardOf[i] >= 0;
        }
        return inside;
    }

    /** {@code xy} with NaN for every incident in no ward ({@code wardOf} below 0). */
    private static double[][] inSet(double[][] xy, int[] wardOf) {
        for (int i = 0; i < wardOf.length; i++) {
            if (wardOf[i] < 0) {
                xy[0][i] = Double.NaN;
                xy[1][i] = Double.NaN;
            }
        }
        return xy;
    }

    private static boolean[] located(double[][] xy) {
        boolean[] located = new boolean[xy[0].length];
        for (int i = 0; i < located.length; i++) {
            located[i] = !Double.isNaN(xy[0][i]);
        }
        return located;
    }

    private static boolean[] inArea(double[][] xy, Geometry area) {
        boolean[] inside = new boolean[xy[0].length];
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(area);
        Envelope env = area.getEnvelopeInternal();
        for (int i = 0; i < inside.length; i++) {
            double x = xy[0][i], y = xy[1][i];
            inside[i] = !Double.isNaN(x) && env.contains(x, y) && locator.locate(new Coordinate(x, y)) != Location.EXTERIOR;
        }
        return inside;
    }

    /** Every incident's coordinates in {@code crs}: {x[], y[]}, NaN for incidents without location. */
    private static double[][] project(IncidentTable t, String crs) {
        double[] xy = new double[2 * t.size()];
        for (int i = 0; i < t.size(); i++) {
            xy[2 * i] = t.hasLocation(i) ? t.lon(i) : 0;
            xy[2 * i + 1] = t.hasLocation(i) ? t.lat(i) : 51;
        }
        Projection.transformInPlace(xy, Projection.WGS84, crs);
        double[] x = new double[t.size()], y = new double[t.size()];
        for (int i = 0; i < t.size(); i++) {
            x[i] = t.hasLocation(i) ? xy[2 * i] : Double.NaN;
            y[i] = t.hasLocation(i) ? xy[2 * i + 1] : Double.NaN;
        }
        return new double[][]{x, y};
    }
}
