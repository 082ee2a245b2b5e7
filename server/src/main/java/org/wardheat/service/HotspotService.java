package org.wardheat.service;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.wardheat.model.IncidentTable;
import org.wardheat.model.Period;
import org.wardheat.boundaries.Projection;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.wardheat.service.HotspotParameters.columns;
import static org.wardheat.service.HotspotParameters.common;
import static org.wardheat.service.HotspotParameters.round;
import static org.wardheat.service.HotspotParameters.sparseWarning;

/**
 * Hotspot analyses over a boundary set's area, computed in a projected metric CRS (metres): kernel
 * density, Gi*, change between periods, classification over a run of periods, and predictive accuracy.
 * Each analysis reads one {@link Snapshot} of the data and shares no mutable state with others, so
 * analyses of different requests run concurrently. The area and its grid come from {@link AnalysisAreas},
 * the incidents from {@link PointSelection}; both caches are bounded.
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
    private final AnalysisAreas areas;
    private final PointSelection points;

    public HotspotService(Workspace workspace) {
        this.workspace = workspace;
        this.areas = new AnalysisAreas(workspace);
        this.points = new PointSelection(workspace.store().dataDir());
    }

    // ---- the analyses ----

    public CellLayer kde(Request r, Double bandwidthMetres, double adjust) {
        Grid grid = grid(r);
        PointSelection.Selected selected = select(r, r.period());
        Points points = selected.in(r.period());
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

    public CellLayer gistar(Request r, PAdjust adjust, Double neighbourMetres, boolean weighted) {
        Grid grid = grid(r);
        PointSelection.Selected selected = select(r, r.period());
        Points points = selected.in(r.period());
        double distance = neighbourMetres != null ? neighbourMetres : grid.defaultNeighbourDistance();
        double[] n = points.countPerCell(grid, weighted);
        GetisOrdGiStar.Result gi = GetisOrdGiStar.compute(n, grid.neighbours(distance), adjust);
        Map<String, Object> params = common(r, grid, points);
        HotspotParameters.gi(params, grid, distance, adjust, weighted);
        sparseWarning(params, grid, n);
        return new CellLayer("gistar", grid, params,
                columns("n", n, "gistar", gi.z(), "pvalue", gi.p(), "p_adjusted", gi.pAdjusted(), "bin", gi.bin()));
    }

    public CellLayer change(Request r, Period before, PAdjust adjust, int hotBin) {
        Grid grid = grid(r);
        Period after = r.period();
        Period earlier = before != null ? before : after.previous();
        PointSelection.Selected selected = select(r, earlier.span(after));
        Points pb = selected.in(earlier), pa = selected.in(after);
        HotspotChange.Result c = HotspotChange.compute(pb.countPerCell(grid, false), pa.countPerCell(grid, false),
                grid.neighbours(grid.defaultNeighbourDistance()), adjust, hotBin);
        Map<String, Object> params = common(r, grid, pa);
        params.put("period_before", earlier.toString());
        params.put("incidents_before", pb.size());
        HotspotParameters.gi(params, grid, grid.defaultNeighbourDistance(), adjust, false);
        params.put("hot", "Gi* bin >= " + hotBin);
        sparseWarning(params, grid, pb.size() < pa.size() ? c.before() : c.after()); // the sparser period
        return new CellLayer("change", grid, params, columns("n_before", c.before(), "n_after", c.after(),
                "change", c.change(), "change_p", HotspotChange.pValues(c.before(), c.after(), earlier.length(), after.length()), "gistar_before", c.giBefore().z(), "bin_before", c.giBefore().bin(),
                "gistar_after", c.giAfter().z(), "bin_after", c.giAfter().bin(), "class", c.status()));
    }

    /**
     * @param monthsPerPeriod 1 (months), 3 (quarters) or 12 (years), counted from the run's first month
     */
    public CellLayer classify(Request r, int monthsPerPeriod, HotspotClassification.Thresholds t, PAdjust adjust) {
        Grid grid = grid(r);
        PointSelection.Selected selected = select(r, r.period());
        List<Period> periods = r.period().split(monthsPerPeriod);
        int[][] neighbours = grid.neighbours(grid.defaultNeighbourDistance());
        GetisOrdGiStar.Result[] results = new GetisOrdGiStar.Result[periods.size()];
        double[] total = new double[grid.size()];
        int incidents = 0;
        for (int p = 0; p < periods.size(); p++) {
            Points points = selected.in(periods.get(p));
            incidents += points.size();
            double[] n = points.countPerCell(grid, false);
            for (int c = 0; c < n.length; c++) {
                total[c] += n[c];
            }
            results[p] = GetisOrdGiStar.compute(n, neighbours, adjust);
        }
        String[] classes = HotspotClassification.classify(results, t);
        Map<String, Object> params = common(r, grid, selected.in(r.period()));
        params.put("periods", periods.stream().map(Period::toString).toList());
        Period last = periods.get(periods.size() - 1);
        if (last.length() < monthsPerPeriod) {
            params.put("note", "the last period (" + last + ") is shorter than the others");
        }
        params.put("recent_periods", HotspotClassification.recentPeriods(periods.size(), t));
        params.put("thresholds", t.toString());
        HotspotParameters.gi(params, grid, grid.defaultNeighbourDistance(), adjust, false);
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
    public CellLayer evaluate(Request r, Period test, String method, double topShare, Double bandwidthMetres,
                                           PAdjust adjust, int hotBin) {
        Grid grid = grid(r);
        PointSelection.Selected selected = select(r, r.period().span(test));
        Points train = selected.in(r.period()), later = selected.in(test);
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
                HotspotParameters.gi(params, grid, grid.defaultNeighbourDistance(), adjust, false);
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

    /**
     * The extent, in {@code crs} (metres), of {@code drawnArea} (WGS84 lon/lat) or, when null, of the boundary set's
     * wards: the lon/lat box densified and projected, so its curved edges are inside. A set's is kept on disk.
     */
    public Envelope extent(String boundaries, Geometry drawnArea, String crs) {
        return areas.extent(boundaries, drawnArea, crs);
    }

    /** The grid for the request's area and cell spec (cached, bounded). */
    public Grid grid(Request r) {
        return areas.grid(r);
    }

    /** The request's incidents of {@code months} from one snapshot of the data, ready to be cut by period. */
    private PointSelection.Selected select(Request r, Period months) {
        return points.select(workspace.snapshot(), r, r.area() == null ? null : areas.area(r), months);
    }
}
