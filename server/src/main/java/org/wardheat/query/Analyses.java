package org.wardheat.query;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.wardheat.service.AreaService;
import org.wardheat.service.HotspotService;
import org.wardheat.service.RepeatService;
import org.wardheat.service.Workspace;
import org.wardheat.analysis.PriorityMatrix;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.service.PriorityInputs;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.boundaries.Projection;
import org.wardheat.boundaries.Ward;
import org.wardheat.export.FeatureTable;
import org.wardheat.export.Layers;
import org.wardheat.hotspot.CellLayer;
import org.wardheat.model.IncidentTable;
import org.wardheat.model.Period;
import org.wardheat.repeats.Encampments;
import org.wardheat.repeats.MonthlyTable;
import org.wardheat.repeats.NearRepeat;
import org.wardheat.repeats.Outliers;
import org.wardheat.repeats.Trends;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/**
 * The seam between the edges (CLI, HTTP) and the services: each method checks its query against the
 * stated ranges ({@code validate}, then the checks that need the data's months or the area's extent)
 * before any work, runs the analysis, and builds the one table every output of it is written from. The
 * CLI and the HTTP routes call the same method with the same query record, so their CSV is the same bytes.
 */
public final class Analyses {
    private final Workspace workspace;
    private final HotspotService hotspots;
    private final RepeatService repeats;
    private final AreaService areas;

    public Analyses(Workspace workspace, HotspotService hotspots, RepeatService repeats, AreaService areas) {
        this.workspace = workspace;
        this.hotspots = hotspots;
        this.repeats = repeats;
        this.areas = areas;
    }

    /** The services over one workspace (the command line). */
    public static Analyses of(Workspace workspace) {
        HotspotService h = new HotspotService(workspace);
        RepeatService r = new RepeatService(workspace);
        return new Analyses(workspace, h, r, new AreaService(workspace, h, r));
    }

    /** The first and last month of the stored data, which periods are checked against (one pass over the months). */
    public DataMonths months() {
        IncidentTable t = workspace.incidents();
        int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
        for (int i = 0; i < t.size(); i++) {
            int m = t.month(i);
            first = Math.min(first, m);
            last = Math.max(last, m);
        }
        return t.size() == 0 ? DataMonths.NONE
                : new DataMonths(YearMonth.of(first / 100, first % 100), YearMonth.of(last / 100, last % 100));
    }

    // ---- wards ----

    public WardStatistics.Result wards(WardsQuery q) {
        q.validate(months());
        return workspace.wardStatistics(q.boundaries(), q.toStatistics());
    }

    public FeatureTable wardsTable(WardsQuery q) {
        return wardsTable(q, wards(q));
    }

    /** The ward table of a result already computed for {@code q}. */
    public FeatureTable wardsTable(WardsQuery q, WardStatistics.Result r) {
        return Layers.wards(r, workspace.boundarySet(q.boundaries()).wards(), q.boundaries());
    }

    /** The ward map layer of a result already computed for {@code q} (write it with {@link Layers#wardLayerMembers}). */
    public FeatureTable wardLayer(WardsQuery q, WardStatistics.Result r) {
        return Layers.wardLayer(r, workspace.boundarySet(q.boundaries()).wards(), q.boundaries());
    }

    // ---- hotspots ----

    /** Runs a hotspot analysis once its parameters, the cell size against the area and the grid-bound limits pass. */
    public CellLayer hotspots(HotspotAnalysis q) {
        q.validate(months());
        Envelope extent = extent(q.on());
        double cell = q.on().validateExtent(extent);
        q.validateCell(cell, Math.max(extent.getWidth(), extent.getHeight()));
        HotspotService.Request r = q.on().toRequest();
        if (q instanceof KdeQuery k) {
            return hotspots.kde(r, k.bandwidthMetres(), k.adjust());
        } else if (q instanceof GiStarQuery g) {
            return hotspots.gistar(r, g.pAdjust(), g.neighbourDistanceMetres(), g.weighted());
        } else if (q instanceof ChangeQuery c) {
            return hotspots.change(r, c.beforePeriod(), c.pAdjust(), c.hotBin());
        } else if (q instanceof ClassifyQuery c) {
            return hotspots.classify(r, c.every().months, c.thresholds(), c.pAdjust());
        } else if (q instanceof EvaluateQuery e) {
            return hotspots.evaluate(r, e.test(), Values.word(e.method()), e.topShare(), e.bandwidthMetres(),
                    e.pAdjust(), e.hotBin());
        }
        throw new IllegalArgumentException("no hotspot analysis " + q.getClass().getSimpleName());
    }

    public FeatureTable hotspotTable(HotspotAnalysis q) {
        return Layers.cells(hotspots(q));
    }

    /** The extent of the analysed area (the drawn polygon, or the boundary set's wards) in the query's CRS. */
    Envelope extent(HotspotQuery q) {
        Envelope lonLat = new Envelope();
        if (q.area() != null) {
            lonLat.expandToInclude(q.area().getEnvelopeInternal());
        } else {
            for (Ward w : workspace.boundarySet(q.boundaries()).wards()) {
                lonLat.expandToInclude(w.geometry().getEnvelopeInternal());
            }
        }
        Geometry box = org.locationtech.jts.densify.Densifier.densify(GeoJsonGeometry.FACTORY.toGeometry(lonLat),
                Math.max(lonLat.getWidth(), lonLat.getHeight()) / 16);
        return Projection.transform(box, Projection.WGS84, q.crs()).getEnvelopeInternal();
    }

    // ---- records ----

    public RepeatService.RepeatResult repeats(RepeatsQuery q) {
        q.validate(months());
        return repeats.repeats(q.select().toSelection(), q.groupBy(), q.distanceMetres(), q.minPoints(), Values.word(q.by()), q.top(), q.periods(),
                q.outliers(), q.excludeOutliers());
    }

    /** The top places of each of the query's periods, side by side. */
    public Map<String, List<RepeatService.Place>> repeatsByPeriod(RepeatsQuery q) {
        q.validate(months());
        return repeats.topPerPeriod(q.select().toSelection(), q.groupBy(), q.distanceMetres(), q.minPoints(), Values.word(q.by()), q.top(),
                q.periods(), q.outliers(), q.excludeOutliers());
    }

    /** The ranked places, or with {@code periods} the top places of each period side by side. */
    public FeatureTable repeatsTable(RepeatsQuery q) {
        if (!q.periods().isEmpty()) {
            String what = q.select().filter().datasets().isEmpty() ? "all" : String.join("-", q.select().filter().datasets());
            return Layers.repeatsByPeriod(repeatsByPeriod(q), Values.word(q.by()), q.top(), what);
        }
        return repeatsTable(q, repeats(q));
    }

    /** The ranked places of a result already computed for {@code q}. */
    public FeatureTable repeatsTable(RepeatsQuery q, RepeatService.RepeatResult r) {
        return Layers.repeats(r, q.select().filter().datasets().isEmpty() ? "all" : String.join("-", q.select().filter().datasets()));
    }

    public NearRepeat.Result nearRepeat(NearRepeatQuery q) {
        q.validate(months());
        try {
            return repeats.nearRepeat(q.select().toSelection(), q.bandsMetres(), q.timeWidth(), q.timeBands(), q.simulations(), q.seed());
        } catch (NearRepeat.TooManyPairs e) {
            throw new InvalidParameterException("bands", e.getMessage());
        }
    }

    public FeatureTable nearRepeatTable(NearRepeatQuery q) {
        return nearRepeatTable(q, nearRepeat(q));
    }

    public FeatureTable nearRepeatTable(NearRepeatQuery q, NearRepeat.Result r) {
        return Layers.knox(r, q.select().filter().period().toString());
    }

    public MonthlyTable.Table needles(NeedlesTableQuery q) {
        q.validate(months());
        return repeats.monthlyTable(q.select().toSelection(), q.firstMonth(), Values.word(q.measure()), q.outliers(), q.excludeOutliers());
    }

    public FeatureTable needlesTable(NeedlesTableQuery q) {
        return needlesTable(q, needles(q));
    }

    public FeatureTable needlesTable(NeedlesTableQuery q, MonthlyTable.Table t) {
        return Layers.monthly(t, q.select().filter().period().toString());
    }

    public List<Encampments.Year> encampments(EncampmentsQuery q) {
        q.validate(months());
        return repeats.encampments(q.select().toSelection(), q.firstMonth(), q.asOfOrToday());
    }

    /** Every encampment with its days in situ ({@code each}), or one row per year. */
    public FeatureTable encampmentsTable(EncampmentsQuery q, boolean each) {
        return encampmentsTable(q, each, encampments(q));
    }

    public FeatureTable encampmentsTable(EncampmentsQuery q, boolean each, List<Encampments.Year> years) {
        String period = q.select().filter().period().toString();
        return each ? Layers.encampments(years, period) : Layers.encampmentYears(years, period);
    }

    // ---- focus areas ----

    /** The saved focus areas, with their outlines. */
    public FeatureTable focusAreasTable() {
        return Layers.focusAreas(areas.saved());
    }

    public AreaService.Area area(AreaQuery q) {
        return areas.resolve(q.boundaries(), q.wards(), q.areaGeoJson(), q.areaId());
    }

    public AreaService.Summary areaSummary(AreaSummaryQuery q) {
        q.validate(months());
        Filter f = q.filter();
        return areas.summary(area(q.area()), f.categorySet(), f.datasetSet(), f.period(), q.comparison());
    }

    /** The strategic-assessment rows: every category, then "All". */
    public List<AreaService.CategoryRow> strategic(StrategicQuery q) {
        q.validate(months());
        Filter f = q.filter();
        return areas.table(area(q.area()), f.categorySet(), f.datasetSet(), f.period(), q.comparison());
    }

    public FeatureTable strategicTable(StrategicQuery q) {
        return strategicTable(q, strategic(q));
    }

    public FeatureTable strategicTable(StrategicQuery q, List<AreaService.CategoryRow> rows) {
        return Layers.strategic(rows, q.area().scope(), q.filter().period().toString(), q.comparison().toString());
    }

    // ---- trends ----

    /**
     * Trends of one selection: the month × year table, the annual series with year-on-year change, and the
     * monthly series with rolling 12-month totals (all three; the query's view picks the table written). Months the
     * store holds no record of the selected datasets for are not imported: they count as no data, never as 0.
     */
    public record TrendsResult(String scope, String period, String measure, MonthlyTable.Table table, List<String> monthsWithData,
                               List<Trends.Year> annual,
                               List<Trends.Month> rolling) {
    }

    public TrendsResult trends(TrendsQuery q) {
        q.validate(months());
        AreaService.Area a = area(q.area());
        String ward = a.polygon() == null && a.wardCodes().size() == 1 ? a.wardCodes().get(0) : null;
        Geometry within = a.wholeSet() || ward != null ? null : areas.outline(a);
        Filter f = q.filter();
        MonthlyTable.Table t = repeats.monthlyTable(new RepeatService.Selection(f.datasetSet(), f.categorySet(), f.period(), a.boundaries(),
                ward, within), q.firstMonth(), Values.word(q.measure()), Outliers.Rules.DEFAULT, false);
        Set<YearMonth> covered = covered(f.datasetSet());
        return new TrendsResult(q.area().scope(), f.period().toString(), t.measure(), t, covered.stream().filter(m ->
                f.period().contains(Period.key(m))).sorted().map(YearMonth::toString).toList(), Trends.annual(t, f.period(), covered),
                Trends.rolling(t, f.period(), covered));
    }

    /** The months the store holds any record of {@code datasets} (all datasets when empty): the months imported. */
    Set<YearMonth> covered(Set<String> datasets) {
        IncidentTable t = workspace.incidents();
        IncidentTable.Filter in = t.filter(Set.of(), datasets);
        Set<Integer> keys = new HashSet<>();
        for (int i = 0; i < t.size(); i++) {
            if (in.test(i)) {
                keys.add(t.month(i));
            }
        }
        Set<YearMonth> out = new HashSet<>();
        keys.forEach(k -> out.add(YearMonth.of(k / 100, k % 100)));
        return out;
    }

    public FeatureTable trendsTable(TrendsQuery q) {
        return trendsTable(q, trends(q));
    }

    /** The table of the query's view of a result already computed for {@code q}. */
    public FeatureTable trendsTable(TrendsQuery q, TrendsResult r) {
        String what = "trends-" + Values.word(q.view()) + "-" + r.measure();
        return switch (q.view()) {
            case ANNUAL -> Layers.trendAnnual(r.annual(), what, r.scope(), r.period());
            case ROLLING -> Layers.trendRolling(r.rolling(), what, r.scope(), r.period());
            case TABLE -> Layers.monthly(r.table(), what, r.scope(), r.period());
        };
    }

    // ---- priority matrix ----

    /** The ranked priority rows of a boundary set (see {@link org.wardheat.analysis.PriorityMatrix} for the formula). */
    public List<PriorityMatrix.Row> priorities(PriorityQuery q) {
        q.validate(months());
        Filter f = q.filter();
        workspace.boundarySet(q.boundaries());
        List<PriorityMatrix.Input> in = PriorityInputs.of(workspace.snapshot(), q.boundaries(), q.rows() == PriorityQuery.Rows.GROUPS,
                f.categorySet(), f.datasetSet(), f.period(), q.comparison(), q.topWards(), q.harm());
        return PriorityMatrix.rank(in, q.weights(), q.alpha(), f.period().length(), q.comparison().length());
    }

    public FeatureTable prioritiesTable(PriorityQuery q) {
        return prioritiesTable(q, priorities(q));
    }

    public FeatureTable prioritiesTable(PriorityQuery q, List<PriorityMatrix.Row> rows) {
        return Layers.priorities(rows, q.boundaries(), q.filter().period().toString(), q.comparison().toString());
    }
}
