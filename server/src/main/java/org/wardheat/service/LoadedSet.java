package org.wardheat.service;

import org.wardheat.boundaries.Ward;
import org.wardheat.boundaries.WardIndex;
import org.wardheat.store.BoundarySetInfo;

import java.util.List;
import java.util.Map;

/**
 * A boundary set ready for analysis, immutable: wards in code order (WGS84), their index (built on first use:
 * tables read from the stored counts never locate a point), their digest (made on first use), and the residents
 * per ward code (wards without a figure absent).
 */
public final class LoadedSet {
    private final BoundarySetInfo info;
    private final List<Ward> wards;
    private final Map<String, Double> population;
    private volatile WardIndex index;
    private volatile String digest;

    /** @param population residents per ward code, unmodifiable, in the order it should be listed */
    public LoadedSet(BoundarySetInfo info, List<Ward> wards, Map<String, Double> population) {
        this.info = info;
        this.wards = List.copyOf(wards);
        this.population = population;
    }

    public BoundarySetInfo info() {
        return info;
    }

    /** The wards, in code order. */
    public List<Ward> wards() {
        return wards;
    }

    /** The wards' point-in-polygon index, built once on first use. */
    public WardIndex index() {
        WardIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = new WardIndex(wards);
                    index = i;
                }
            }
        }
        return i;
    }

    /** The wards' digest ({@link GridFiles#wardsDigest}), which the set's caches on disk are named by; made once. */
    public String digest() {
        String d = digest;
        if (d == null) {
            d = GridFiles.wardsDigest(wards);
            digest = d;
        }
        return d;
    }

    /** Residents per ward code. */
    public Map<String, Double> population() {
        return population;
    }
}
