package org.wardheat.boundaries;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Finds the ward that contains a point, for points in WGS84 longitude/latitude.
 *
 * <p>Candidates come from an {@link STRtree} of ward envelopes and are tested with an
 * {@link IndexedPointInAreaLocator} per ward. A point on an edge shared by two wards is covered by both;
 * it is given to the ward whose code sorts first, so it counts in exactly one ward and in the same one
 * every time. A point outside every ward gives {@link #OUTSIDE}.
 *
 * <p>Instances are immutable after construction and safe to use from several threads.
 */
public final class WardIndex {
    /** The result for a point in no ward. */
    public static final int OUTSIDE = -1;

    private final List<Ward> wards;
    private final IndexedPointInAreaLocator[] locators;
    private final STRtree tree = new STRtree();

    /** @param wards the wards, in any order; results index into this list */
    public WardIndex(List<Ward> wards) {
        this.wards = List.copyOf(wards);
        this.locators = new IndexedPointInAreaLocator[wards.size()];
        for (int i = 0; i < wards.size(); i++) {
            locators[i] = new IndexedPointInAreaLocator(wards.get(i).geometry());
            locators[i].locate(wards.get(i).geometry().getCoordinate()); // build its index now, not in a race later
            tree.insert(wards.get(i).geometry().getEnvelopeInternal(), i);
        }
        tree.build();
    }

    public List<Ward> wards() {
        return wards;
    }

    /**
     * @param lon longitude in degrees (WGS84)
     * @param lat latitude in degrees (WGS84)
     * @return the index in {@link #wards()} of the ward covering the point, or {@link #OUTSIDE}
     */
    public int locate(double lon, double lat) {
        if (Double.isNaN(lon) || Double.isNaN(lat)) {
            return OUTSIDE;
        }
        Coordinate p = new Coordinate(lon, lat);
        Candidates candidates = new Candidates();
        tree.query(new Envelope(p), candidates);
        int best = OUTSIDE;
        for (int i = 0; i < candidates.size; i++) {
            int w = candidates.items[i];
            if (best != OUTSIDE && CODE_ORDER.compare(wards.get(w), wards.get(best)) > 0) {
                continue;
            }
            int location = locators[w].locate(p);
            if (location == Location.INTERIOR) {
                return w; // interiors do not overlap: no other ward can hold the point
            }
            if (location == Location.BOUNDARY) {
                best = w;
            }
        }
        return best;
    }

    /**
     * Locates many points, using all cores.
     *
     * @param lon longitudes in degrees; NaN for a point without location
     * @param lat latitudes in degrees
     * @return ward indexes, {@link #OUTSIDE} where no ward covers the point
     */
    public int[] locateAll(double[] lon, double[] lat) {
        int[] result = new int[lon.length];
        IntStream.range(0, lon.length).parallel().forEach(i -> result[i] = locate(lon[i], lat[i]));
        return result;
    }

    private static final Comparator<Ward> CODE_ORDER = Comparator.comparing(Ward::code);

    /** A growable int list used as the STRtree visitor, avoiding boxing of results into a List. */
    private static final class Candidates implements org.locationtech.jts.index.ItemVisitor {
        int[] items = new int[4];
        int size;

        @Override
        public void visitItem(Object item) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = (Integer) item;
        }
    }

    /** Wards in the order of their codes, for stable output. */
    public static List<Ward> sortedByCode(List<Ward> wards) {
        List<Ward> copy = new ArrayList<>(wards);
        copy.sort(CODE_ORDER);
        return copy;
    }
}
