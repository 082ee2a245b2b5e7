package org.wardheat.boundaries;

import org.locationtech.jts.geom.Point;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Population-weighted shares of each source LSOA (2011 or 2021) in the wards of a boundary set, used to send
 * LSOA totals to wards as an estimate.
 *
 * <p>Method (documented in the README, "Area totals"): every population unit (a Census 2021 LSOA with its
 * usual residents) is placed at the interior point of its polygon (JTS {@code getInteriorPoint}, WGS84 lon/lat);
 * it falls in one source LSOA and in one ward. The share of source LSOA {@code L} in ward {@code W} is the
 * residents of the units placed in both, divided by the residents of the units placed in {@code L}. A source
 * LSOA with no unit placed in it (or with no residents) goes wholly to the ward holding its own interior point.
 * With LSOA 2021 as both source and unit, each LSOA goes wholly to the ward of its interior point (no split);
 * with LSOA 2011 sources, LSOAs split by the 2021 revision and LSOAs crossing ward lines are split by
 * population.</p>
 */
public final class LsoaApportionment {
    private final Map<String, Map<String, Double>> shares;
    private final int byInteriorPoint;
    private final int outside;

    private LsoaApportionment(Map<String, Map<String, Double>> shares, int byInteriorPoint, int outside) {
        this.shares = shares;
        this.byInteriorPoint = byInteriorPoint;
        this.outside = outside;
    }

    /**
     * @param wards      the wards of the set (WGS84)
     * @param sources    the source LSOA polygons (WGS84), code in {@link Ward#code()}
     * @param units      the population unit polygons (WGS84), e.g. LSOA 2021
     * @param residents  residents per unit code; units without a figure are left out
     */
    public static LsoaApportionment build(List<Ward> wards, List<Ward> sources, List<Ward> units, Map<String, Double> residents) {
        WardIndex wardIndex = new WardIndex(wards);
        WardIndex sourceIndex = new WardIndex(sources);
        Map<String, Map<String, Double>> weights = new TreeMap<>();
        for (Ward u : units) {
            Double n = residents.get(u.code());
            if (n == null || n <= 0) {
                continue;
            }
            Point p = u.geometry().getInteriorPoint();
            int s = sourceIndex.locate(p.getX(), p.getY()), w = wardIndex.locate(p.getX(), p.getY());
            if (s == WardIndex.OUTSIDE || w == WardIndex.OUTSIDE) {
                continue;
            }
            weights.computeIfAbsent(sourceIndex.wards().get(s).code(), k -> new TreeMap<>())
                    .merge(wardIndex.wards().get(w).code(), n, Double::sum);
        }
        Map<String, Map<String, Double>> shares = new TreeMap<>();
        int byPoint = 0, outside = 0;
        for (Ward l : sources) {
            Map<String, Double> w = weights.get(l.code());
            if (w == null) {
                Point p = l.geometry().getInteriorPoint();
                int k = wardIndex.locate(p.getX(), p.getY());
                if (k == WardIndex.OUTSIDE) {
                    outside++;
                    continue;
                }
                byPoint++;
                shares.put(l.code(), Map.of(wardIndex.wards().get(k).code(), 1.0));
                continue;
            }
            double total = w.values().stream().mapToDouble(Double::doubleValue).sum();
            Map<String, Double> s = new LinkedHashMap<>();
            w.forEach((ward, n) -> s.put(ward, n / total));
            shares.put(l.code(), Collections.unmodifiableMap(s));
        }
        return new LsoaApportionment(Collections.unmodifiableMap(shares), byPoint, outside);
    }

    /** Reads the polygons (GeoJSON) and the residents CSV (several rows per unit, e.g. age bands, are summed). */
    public static LsoaApportionment read(List<Ward> wards, List<Path> sourcePolygons, List<Path> unitPolygons, Path unitResidents) {
        List<Ward> sources = new java.util.ArrayList<>(), units = new java.util.ArrayList<>();
        sourcePolygons.forEach(f -> sources.addAll(BoundaryReader.forLsoas().read(f).wards()));
        unitPolygons.forEach(f -> units.addAll(BoundaryReader.forLsoas().read(f).wards()));
        Map<String, Double> residents = WardPopulation.readCounts(unitResidents,
                new String[]{"lsoa21_code", "lsoa21cd", "lsoa11_code", "lsoa11cd", "lsoa_code", "lsoacode", "code"});
        return build(wards, sources, units, residents);
    }

    /** Ward code → share (summing to 1) for a source LSOA; empty when the LSOA is unknown or outside every ward. */
    public Map<String, Double> shares(String lsoa) {
        return shares.getOrDefault(lsoa, Map.of());
    }

    /** Source LSOAs with no population unit placed in them, sent wholly to the ward of their interior point. */
    public int byInteriorPoint() {
        return byInteriorPoint;
    }

    /** Source LSOAs outside every ward. */
    public int outside() {
        return outside;
    }
}
