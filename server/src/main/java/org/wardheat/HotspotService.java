package org.wardheat;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.wardheat.analysis.IncidentTable;
import org.wardheat.analysis.Period;
import org.wardheat.boundaries.Projection;
import org.wardheat.boundaries.Ward;
import org.wardheat.hotspot.CellLayer;
import org.wardheat.hotspot.GetisOrdGiStar;
import org.wardheat.hotspot.Grid;
import org.wardheat.hotspot.HarmWeights;
import org.wardheat.hotspot.HotspotChange;
import org.wardheat.hotspot.HotspotClassification;
import org.wardheat.hotspot.KernelDensity;
import org.wardheat.hotspot.PAdjust;
import org.wardheat.hotspot.Points;
import org.wardheat.hotspot.PredictiveAccuracy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Hotspot analyses over a boundary set's area, computed in a projected metric CRS (metres): kernel
 * density, Gi*, change between periods, classification over a run of periods, and predictive accuracy.
 * Grids and projected incident coordinates are cached.
 */
public final class HotspotService {

    /**
     * What to analyse and on which grid.
     *
     * @param boundaries the boundary set whose wards make the area (incidents outside it are left out)
     * @param categories categories to include; empty for all
     * @param datasets   datasets to include; empty for all
     * @param period     the months analysed
     * @param shape      square or hexagonal cells
     * @param cellMetres cell size in metres, or null for the default rule
     * @param crs        the projected CRS the analysis runs in, e.g. EPSG:27700
     * @param weights    how incidents are weighted
     * @param area       an area to analyse instead of the whole boundary set (WGS84 lon/lat polygons), or null
     */
    public record Request(String boundaries, Set<String> categories, Set<String> datasets, Period period,
                          Grid.Shape shape, Double cellMetres, String crs, Weights weights, Geometry area) {
        public Request(String boundaries, Set<String> categories, Set<String> datasets, Period period,
                       Grid.Shape shape, Double cellMetres, String crs, Weights weights) {
            this(boundaries, categories, datasets, period, shape, cellMetres, crs, weights, null);
        }

        public Request {
            categories = categories == null ? Set.of() : Set.copyOf(categories);
            datasets = datasets == null ? Set.of() : Set.copyOf(datasets);
            crs = crs == null ? Projection.BNG : crs;
            weights = weights == null ? Weights.NONE : weights;
            shape = shape == null ? Grid.Shape.SQUARE : shape;
        }

        /** A key naming the analysed area: the boundary set, or the given polygon. */
        String areaKey() {
            return area == null ? boundaries + "|" + crs : boundaries + "|" + crs + "|" + area.toText().hashCode() + "|" + area.getEnvelopeInternal();
        }
    }

    /**
     * Incident weights: each incident counts 1, times its record weight (the needles in a find) when
     * {@code recordWeights}, times the harm weight of its category when a table is given (a category
     * missing from the table takes the table's default weight, or is an error listing the missing ones).
     */
    public record Weights(boolean recordWeights, HarmWeights harm) {
        public static final Weights NONE = new Weights(false, null);

        double of(IncidentTable t, int i) {
            double w = recordWeights ? t.weight(i) : 1;
            if (harm != null) {
                w *= harm.of(t.category(i));
            }
            return w;
        }

        String describe() {
            return (recordWeights ? "record weights" : "each incident 1") + (harm == null ? "" : " x harm weight per category " + harm);
        }
    }

    private final Workspace workspace;
    private final Map<String, Geometry> areas = new HashMap<>();
    private final Map<String, Grid> grids = new HashMap<>();
    private IncidentTable projectedFor;
    private final Map<String, double[][]> projected = new HashMap<>();

    public HotspotService(Workspace workspace) {
        this.workspace = workspace;
    }

    // ---- the analyses ----

    public synchronized CellLayer kde(Request r, Double bandwidthMetres, double adjust) {
        Grid grid = grid(r);
        Points points = points(r, r.period());
        KernelDensity.Bandwidth bw = bandwidthMetres != null ? new KernelDensity.Bandwidth(bandwidthMetres, "given")
                : KernelDensity.ruleOfThumb(points, adjust);
        double[] n = points.countPerCell(grid, false);
        double[] kde = KernelDensity.compute(grid, points, bw.metres());
        Map<String, Object> params = common(r, grid, points);
        params.put("kernel", "quartic");
        params.put("bandwidth_m", round(bw.metres()));
        params.put("bandwidth_rule", bw.rule());
        params.put("units", "kde: weighted incidents per km²");
        return new CellLayer("kde", grid, params, columns("n", n, "kde", kde));
    }

    public synchronized CellLayer gistar(Request r, PAdjust adjust, Double neighbourMetres, boolean weighted) {
        Grid grid = grid(r);
        Points points = points(r, r.period());
        double distance = neighbourMetres != null ? neighbourMetres : grid.defaultNeighbourDistance();
        double[] n = points.countPerCell(grid, weighted);
        GetisOrdGiStar.Result gi = GetisOrdGiStar.compute(n, grid.neighbours(distance), adjust);
        Map<String, Object> params = common(r, grid, points);
        giParams(params, grid, distance, adjust, weighted);
        sparseWarning(params, grid, n);
        return new CellLayer("gistar", grid, params,
                columns("n", n, "gistar", gi.z(), "pvalue", gi.p(), "p_adjusted", gi.pAdjusted(), "bin", gi.bin()));
    }

    public synchronized CellLayer change(Request r, Period before, PAdjust adjust, int hotBin) {
        Grid grid = grid(r);
        Period after = r.period();
        Period earlier = before != null ? before : after.previous();
        Points pb = points(r, earlier), pa = points(r, after);
        HotspotChange.Result c = HotspotChange.compute(pb.countPerCell(grid, false), pa.countPerCell(grid, false),
                grid.neighbours(grid.defaultNeighbourDistance()), adjust, hotBin);
        Map<String, Object> params = common(r, grid, pa);
        params.put("period_before", earlier.toString());
        params.put("incidents_before", pb.size());
        giParams(params, grid, grid.defaultNeighbourDistance(), adjust, false);
        params.put("hot", "Gi* bin >= " + hotBin);
        sparseWarning(params, grid, pb.size() < pa.size() ? c.before() : c.after()); // the sparser period
        return new CellLayer("change", grid, params, columns("n_before", c.before(), "n_after", c.after(),
                "change", c.change(), "gistar_before", c.giBefore().z(), "bin_before", c.giBefore().bin(),
                "gistar_after", c.giAfter().z(), "bin_after", c.giAfter().bin(), "class", c.status()));
    }

    /**
     * @param monthsPerPeriod 1 (months), 3 (quarters) or 12 (years), counted from the run's first month
     */
    public synchronized CellLayer classify(Request r, int monthsPerPeriod, HotspotClassification.Thresholds t, PAdjust adjust) {
        Grid grid = grid(r);
        List<Period> periods = split(r.period(), monthsPerPeriod);
        int[][] neighbours = grid.neighbours(grid.defaultNeighbourDistance());
        GetisOrdGiStar.Result[] results = new GetisOrdGiStar.Result[periods.size()];
        double[] total = new double[grid.size()];
        int incidents = 0;
        for (int p = 0; p < periods.size(); p++) {
            Points points = points(r, periods.get(p));
            incidents += points.size();
            double[] n = points.countPerCell(grid, false);
            for (int c = 0; c < n.length; c++) {
                total[c] += n[c];
            }
            results[p] = GetisOrdGiStar.compute(n, neighbours, adjust);
        }
        String[] classes = HotspotClassification.classify(results, t);
        Map<String, Object> params = common(r, grid, points(r, r.period()));
        params.put("periods", periods.stream().map(Period::toString).toList());
        Period last = periods.get(periods.size() - 1);
        if (last.length() < monthsPerPeriod) {
            params.put("note", "the last period (" + last + ") is shorter than the others");
        }
        params.put("recent_periods", HotspotClassification.recentPeriods(periods.size(), t));
        params.put("thresholds", t.toString());
        giParams(params, grid, grid.defaultNeighbourDistance(), adjust, false);
        int[] hotPeriods = new int[grid.size()];
        for (GetisOrdGiStar.Result res : results) {
            for (int c = 0; c < hotPeriods.length; c++) {
                hotPeriods[c] += res.pAdjusted()[c] < t.criticalP() && res.z()[c] > 0 ? 1 : 0;
            }
        }
        return new CellLayer("classify", grid, params, columns("n", total, "hot_periods", hotPeriods, "class", classes));
    }

    /**
     * Scores hotspots chosen on {@code r.period()} against the incidents of {@code test}.
     *
     * @param method   {@code kde}: the top {@code topShare} of cells by density; {@code gistar}: cells
     *                 with Gi* bin at least {@code hotBin}
     */
    public synchronized CellLayer evaluate(Request r, Period test, String method, double topShare, Double bandwidthMetres,
                                           PAdjust adjust, int hotBin) {
        Grid grid = grid(r);
        Points train = points(r, r.period()), later = points(r, test);
        double[] nTrain = train.countPerCell(grid, false), nTest = later.countPerCell(grid, false);
        Map<String, Object> params = common(r, grid, train);
        boolean[] hot;
        LinkedHashMap<String, Object> cols;
        switch (method.toLowerCase(Locale.ROOT)) {
            case "kde" -> {
                KernelDensity.Bandwidth bw = bandwidthMetres != null ? new KernelDensity.Bandwidth(bandwidthMetres, "given")
                        : KernelDensity.ruleOfThumb(train, 1);
                double[] kde = KernelDensity.compute(grid, train, bw.metres());
                hot = PredictiveAccuracy.top(kde, topShare);
                params.put("method", String.format(Locale.ROOT, "top %.1f%% of cells by KDE", 100 * topShare));
                params.put("bandwidth_m", round(bw.metres()));
                params.put("bandwidth_rule", bw.rule());
                cols = columns("n_train", nTrain, "n_test", nTest, "kde", kde);
            }
            case "gistar" -> {
                GetisOrdGiStar.Result gi = GetisOrdGiStar.compute(nTrain, grid.neighbours(grid.defaultNeighbourDistance()), adjust);
                hot = new boolean[grid.size()];
                for (int c = 0; c < hot.length; c++) {
                    hot[c] = gi.bin()[c] >= hotBin;
                }
                params.put("method", "Gi* bin >= " + hotBin);
                giParams(params, grid, grid.defaultNeighbourDistance(), adjust, false);
                cols = columns("n_train", nTrain, "n_test", nTest, "gistar", gi.z(), "bin", gi.bin());
            }
            default -> throw new IllegalArgumentException("method must be kde or gistar, not '" + method + "'");
        }
        double[] area = new double[grid.size()];
        int[] hotspot = new int[grid.size()];
        for (int c = 0; c < area.length; c++) {
            area[c] = grid.area(c);
            hotspot[c] = hot[c] ? 1 : 0;
        }
        cols.put("hotspot", hotspot);
        params.put("test_period", test.toString());
        params.put("accuracy", PredictiveAccuracy.score(hot, area, nTrain, nTest));
        return new CellLayer("evaluate", grid, params, cols);
    }

    // ---- inputs ----

    /** The grid for the request's boundary set and cell spec (cached). */
    public synchronized Grid grid(Request r) {
        String key = r.areaKey() + "|" + r.shape() + "|" + r.cellMetres();
        Grid g = grids.get(key);
        if (g == null) {
            g = Grid.build(area(r), r.shape(), r.cellMetres(), r.crs());
            grids.put(key, g);
        }
        return g;
    }

    /** The analysed area in the request's CRS: the given polygon, or the union of the set's wards. */
    Geometry area(Request r) {
        return areas.computeIfAbsent(r.areaKey(), k -> {
            if (r.area() != null) {
                Geometry projected = Projection.transform(r.area(), Projection.WGS84, r.crs());
                if (!(projected.getArea() > 0)) {
                    throw new IllegalArgumentException("the area must be a polygon with an area");
                }
                return projected;
            }
            List<Geometry> wards = new ArrayList<>();
            for (Ward w : workspace.boundarySet(r.boundaries()).wards()) {
                wards.add(Projection.transform(w.geometry(), Projection.WGS84, r.crs()));
            }
            return UnaryUnionOp.union(wards, new GeometryFactory());
        });
    }

    /**
     * The request's incidents in {@code period} that lie in its area (a ward of its boundary set, or the
     * given polygon), projected.
     */
    Points points(Request r, Period period) {
        IncidentTable t = workspace.incidents();
        double[][] xy = projected(t, r.crs());
        boolean[] inside = inside(r, t, xy);
        IncidentTable.Filter filter = t.filter(r.categories(), r.datasets());
        int n = 0;
        for (int i = 0; i < t.size(); i++) {
            if (inside[i] && filter.test(i) && period.contains(t.month(i))) {
                n++;
            }
        }
        if (r.weights().harm() != null) { // every category analysed needs a weight: list the missing ones first
            Set<String> used = new java.util.HashSet<>();
            for (int i = 0; i < t.size(); i++) {
                if (inside[i] && filter.test(i) && period.contains(t.month(i))) {
                    used.add(t.category(i));
                }
            }
            r.weights().harm().requireAll(used);
        }
        double[] x = new double[n], y = new double[n], w = new double[n];
        int k = 0;
        for (int i = 0; i < t.size(); i++) {
            if (inside[i] && filter.test(i) && period.contains(t.month(i))) {
                x[k] = xy[0][i];
                y[k] = xy[1][i];
                w[k] = r.weights().of(t, i);
                k++;
            }
        }
        return new Points(x, y, w);
    }

    private boolean[] inside(Request r, IncidentTable t, double[][] xy) {
        boolean[] inside = new boolean[t.size()];
        if (r.area() == null) {
            int[] wardOf = workspace.wardOf(r.boundaries());
            for (int i = 0; i < inside.length; i++) {
                inside[i] = wardOf[i] >= 0;
            }
            return inside;
        }
        org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator locator =
                new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(area(r));
        org.locationtech.jts.geom.Envelope env = area(r).getEnvelopeInternal();
        for (int i = 0; i < inside.length; i++) {
            double x = xy[0][i], y = xy[1][i];
            inside[i] = !Double.isNaN(x) && env.contains(x, y)
                    && locator.locate(new org.locationtech.jts.geom.Coordinate(x, y)) != org.locationtech.jts.geom.Location.EXTERIOR;
        }
        return inside;
    }

    private double[][] projected(IncidentTable t, String crs) {
        if (projectedFor != t) {
            projected.clear();
            projectedFor = t;
        }
        return projected.computeIfAbsent(crs, c -> {
            double[] xy = new double[2 * t.size()];
            for (int i = 0; i < t.size(); i++) {
                xy[2 * i] = t.hasLocation(i) ? t.lon(i) : 0;
                xy[2 * i + 1] = t.hasLocation(i) ? t.lat(i) : 51;
            }
            Projection.transformInPlace(xy, Projection.WGS84, c);
            double[] x = new double[t.size()], y = new double[t.size()];
            for (int i = 0; i < t.size(); i++) {
                x[i] = t.hasLocation(i) ? xy[2 * i] : Double.NaN;
                y[i] = t.hasLocation(i) ? xy[2 * i + 1] : Double.NaN;
            }
            return new double[][]{x, y};
        });
    }

    static List<Period> split(Period run, int monthsPerPeriod) {
        if (monthsPerPeriod < 1) {
            throw new IllegalArgumentException("a period is at least one month");
        }
        List<Period> periods = new ArrayList<>();
        for (YearMonth m = run.from(); !m.isAfter(run.to()); m = m.plusMonths(monthsPerPeriod)) {
            YearMonth end = m.plusMonths(monthsPerPeriod - 1);
            periods.add(new Period(m, end.isAfter(run.to()) ? run.to() : end));
        }
        return periods;
    }

    private static Map<String, Object> common(Request r, Grid grid, Points points) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("boundaries", r.boundaries());
        p.put("area", r.area() == null ? "the boundary set's wards" : "a given polygon");
        p.put("categories", r.categories().isEmpty() ? "all" : new LinkedHashSet<>(r.categories()));
        if (!r.datasets().isEmpty()) {
            p.put("datasets", r.datasets());
        }
        p.put("period", r.period().toString());
        p.put("crs", r.crs());
        p.put("shape", grid.shape().name().toLowerCase(Locale.ROOT));
        p.put("cell_size_m", round(grid.cellSize().metres()));
        p.put("cell_size_rule", grid.cellSize().rule());
        p.put("cells", grid.size());
        p.put("area_km2", round(grid.totalArea() / 1e6));
        p.put("incidents", points.size());
        p.put("weights", r.weights().describe());
        return p;
    }

    /**
     * Warns when there is less than one incident per cell on average: Gi* p-values rest on a normal
     * approximation that sparse counts do not meet, so chance clusters can show as hot spots.
     */
    private static void sparseWarning(Map<String, Object> p, Grid grid, double[] counts) {
        double sum = 0;
        for (double c : counts) {
            sum += c;
        }
        double mean = sum / grid.size();
        if (mean < 1) {
            p.put("warning", String.format(Locale.ROOT, "sparse counts: %.2f incidents per cell on average; Gi* p-values rely on a "
                    + "normal approximation, so treat isolated hot cells with care, or use larger cells or a longer period", mean));
        }
    }

    private static void giParams(Map<String, Object> p, Grid grid, double distance, PAdjust adjust, boolean weighted) {
        p.put("neighbour_distance_m", round(distance));
        p.put("neighbours", grid.shape() == Grid.Shape.SQUARE ? "cells within cell size x sqrt(2) (the 8 around), the cell itself included"
                : "cells within the cell size (the 6 around), the cell itself included");
        p.put("p_adjust", adjust.name().toLowerCase(Locale.ROOT));
        p.put("value", weighted ? "sum of weights" : "count");
        p.put("bins", "+-3, +-2, +-1: adjusted p < 0.01, 0.05, 0.10 (hot +, cold -); 0 not significant");
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static LinkedHashMap<String, Object> columns(Object... pairs) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
