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
import org.wardheat.repeats.Places;
import org.wardheat.repeats.Trends;

import org.wardheat.analysis.ChangeRules;
import org.wardheat.model.Coverage;
import org.wardheat.store.DatasetInfo;

import java.time.YearMonth;
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

    /** Checks that the residents of the rules' age group ({@code per_population}) are stored for the set. */
    private void perPopulation(String boundaries, ChangeRules rules) {
        if (rules.comparatorSet() != null && workspace.store().boundaries().find(rules.comparatorSet()).isEmpty()) {
            throw new InvalidParameterException("comparator_set", "no boundary set '" + rules.comparatorSet() + "'; known: "
                    + workspace.store().boundaries().list().stream().map(org.wardheat.store.BoundarySetInfo::id).toList());
        }
        if (rules.comparatorSet() != null && rules.perPopulation() != null) {
            perPopulation(rules.comparatorSet(), new ChangeRules(rules.measure(), rules.per(), rules.alpha(), rules.rankBy(),
                    rules.allowPartial(), rules.perPopulation()));
        }
        if (rules.perPopulation() != null) {
            try {
                org.wardheat.service.WardContexts.population(workspace, boundaries, rules.perPopulation());
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("per_population", e.getMessage());
            }
        }
    }

    /**
     * Refuses a point analysis (hotspot surfaces, repeats, near repeat, needle and encampment tables) asked for an
     * area-total dataset: those are counts by area and month, with no points.
     */
    private void pointsOnly(Filter f) {
        var totals = workspace.snapshot().areaTotals();
        for (String d : f.datasets()) {
            if (totals.isDataset(d)) {
                throw new InvalidParameterException("dataset", "'" + d + "' holds area totals (counts by area and month, no points):"
                        + " hotspot surfaces, repeats and near repeats need point records; use the ward or strategic table for it");
            }
        }
    }

    /** The serial number of the snapshot of the data analyses read now (it changes when the data change). */
    public long snapshotSerial() {
        return workspace.snapshot().serial();
    }

    /** The first and last month of the stored data (incidents and area totals), which periods are checked against. */
    public DataMonths months() {
        IncidentTable t = workspace.snapshot().monthly(); // the stored counts: no incident is read
        int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
        for (int i = 0; i < t.size(); i++) {
            int m = t.month(i);
            first = Math.min(first, m);
            last = Math.max(last, m);
        }
        int[] totals = workspace.snapshot().areaTotals().monthRange();
        if (totals != null) {
            first = Math.min(first, totals[0]);
            last = Math.max(last, totals[1]);
        }
        return first == Integer.MAX_VALUE ? DataMonths.NONE
                : new DataMonths(YearMonth.of(first / 100, first % 100), YearMonth.of(last / 100, last % 100));
    }

    // ---- wards ----

    public WardStatistics.Result wards(WardsQuery q) {
        q.validate(months());
        perPopulation(q.boundaries(), q.rules());
        return workspace.wardStatistics(q.boundaries(), q.with(resolve(q.rules(), q.filter())).toStatistics());
    }

    /**
     * The rules with the measure resolved: as given, else {@code count} when every dataset counted (the
     * selected ones, or all) is of a kind with a count column ({@link ChangeOptions#DATASET_KINDS_COUNTED}), else {@code records}.
     */
    public ChangeRules resolve(ChangeRules r, Filter f) {
        if (r.measure() != null) {
            return r;
        }
        Set<String> wanted = new java.util.HashSet<>();
        f.datasets().forEach(d -> wanted.add(d.toLowerCase(java.util.Locale.ROOT)));
        List<String> kinds = workspace.store().importLog().datasets().stream()
                .filter(d -> wanted.isEmpty() || wanted.contains(d.id().toLowerCase(java.util.Locale.ROOT)))
                .map(DatasetInfo::kind).filter(k -> !k.equals(org.wardheat.store.AreaTotalStore.KIND)).toList(); // a total counts as records either way
        boolean counted = !kinds.isEmpty() && kinds.stream().allMatch(ChangeOptions.DATASET_KINDS_COUNTED::equals);
        return r.withMeasure(counted ? ChangeRules.Measure.COUNT : ChangeRules.Measure.RECORDS);
    }

    public FeatureTable wardsTable(WardsQuery q) {
        return wardsTable(q, wards(q));
    }

    /** The ward table of a result already computed for {@code q}, with the comparator column of {@code comparator_set}. */
    public FeatureTable wardsTable(WardsQuery q, WardStatistics.Result r) {
        FeatureTable t = q.sharing().apply(Layers.wards(r, workspace.boundarySet(q.boundaries()).wards(), q.boundaries()));
        String other = q.rules().comparatorSet();
        if (other == null) {
            return t;
        }
        Double rate = wards(new WardsQuery(other, q.filter(), q.comparison(), q.top(), q.rules(), Sharing.OFF)).totals().rate();
        return Layers.withComparator(t, other, k -> rate);
    }

    /** The ward map layer of a result already computed for {@code q} (write it with {@link Layers#wardLayerMembers}). */
    public FeatureTable wardLayer(WardsQuery q, WardStatistics.Result r) {
        return q.sharing().apply(Layers.wardLayer(r, workspace.boundarySet(q.boundaries()).wards(), q.boundaries()));
    }

    // ---- hotspots ----

    /** Runs a hotspot analysis once its parameters, the cell size against the area and the grid-bound limits pass. */
    public CellLayer hotspots(HotspotAnalysis q) {
        q.validate(months());
        pointsOnly(q.on().filter());
        Envelope extent = extent(q.on());
        double cell = q.on().validateExtent(extent);
        q.validateCell(cell, Math.max(extent.getWidth(), extent.getHeight()));
        boolean defaultMeasure = q.on().recordWeights() == null;
        HotspotService.Request r = (defaultMeasure ? q.on().withRecordWeights(resolve(ChangeRules.DEFAULT.withMeasure(null), q.on().filter()).measure()
                == ChangeRules.Measure.COUNT) : q.on()).toRequest();
        CellLayer layer = hotspots(q, r);
        if (defaultMeasure) {
            layer.parameters().put("measure_chosen_by", "default for the data: count when every dataset counted has a count column"
                    + " (needle finds), else records; say measure=records|count (--measure) to choose");
        }
        return layer;
    }

    private CellLayer hotspots(HotspotAnalysis q, HotspotService.Request r) {
        if (q instanceof KdeQuery k) {
            return hotspots.kde(r, k.bandwidthMetres(), k.adjust());
        } else if (q instanceof GiStarQuery g) {
            return hotspots.gistar(r, g.pAdjust(), g.neighbourDistanceMetres(), g.weighted());
        } else if (q instanceof ChangeQuery c) {
            Filter f = c.on().filter();
            Coverage coverage = Coverage.of(workspace.snapshot().monthly(), f.categorySet(), f.datasetSet(), f.period(), c.beforePeriod(), c.allowPartial());
            if (!coverage.changeShown()) {
                throw new InvalidParameterException("before", "no comparable data: " + String.join("; ", coverage.warnings()));
            }
            CellLayer layer = hotspots.change(r, c.beforePeriod(), c.pAdjust(), c.hotBin());
            changeSummary(layer.parameters(), coverage);
            return layer;
        } else if (q instanceof ClassifyQuery c) {
            return hotspots.classify(r, c.every().months, c.thresholds(), c.pAdjust());
        } else if (q instanceof EvaluateQuery e) {
            return hotspots.evaluate(r, e.test(), Values.word(e.method()), e.topShare(), e.bandwidthMetres(),
                    e.pAdjust(), e.hotBin());
        }
        throw new IllegalArgumentException("no hotspot analysis " + q.getClass().getSimpleName());
    }

    /**
     * The change layer's summary: the incidents (or weighted count) after against before with the exact
     * Poisson test (exposure = each period's length in months), its reading, and the coverage.
     */
    private static void changeSummary(Map<String, Object> params, Coverage coverage) {
        long after = ((Number) params.get("incidents")).longValue(), before = ((Number) params.get("incidents_before")).longValue();
        org.wardheat.stats.PoissonRateTest.Comparison t = org.wardheat.stats.PoissonRateTest.compare(after, coverage.period().months(),
                before, coverage.comparison().months());
        params.put("change_p", t.pValue());
        params.put("change_significant", t.significant(ChangeOptions.DEFAULT_ALPHA));
        params.put("change_reading", org.wardheat.stats.ChangeReading.of(t, ChangeOptions.DEFAULT_ALPHA));
        params.put("coverage", coverage);
        params.put("warnings", coverage.warnings());
    }

    public FeatureTable hotspotTable(HotspotAnalysis q) {
        return cellsTable(q, hotspots(q), null);
    }

    /**
     * The cells of a layer already computed for {@code q}, with disclosure control when the query is shareable.
     *
     * @param include which cells to keep, or {@code null} for all
     */
    public FeatureTable cellsTable(HotspotAnalysis q, CellLayer layer, boolean[] include) {
        return q.on().sharing().apply(Layers.cells(layer, include));
    }

    /** The extent of the analysed area (the drawn polygon, or the boundary set's wards) in the query's CRS. */
    Envelope extent(HotspotQuery q) {
        return hotspots.extent(q.boundaries(), q.area(), q.crs());
    }

    // ---- records ----

    public RepeatService.RepeatResult repeats(RepeatsQuery q) {
        q.validate(months());
        pointsOnly(q.select().filter());
        return repeats.repeats(q.select().toSelection(), groupBy(q), q.distanceMetres(), q.minPoints(), Values.word(q.by()), q.top(), q.periods(),
                q.outliers(), q.excludeOutliers());
    }

    /** The query's grouping, or the default of its datasets' kind. */
    private Places.Rule groupBy(RepeatsQuery q) {
        return q.groupBy() != null ? q.groupBy() : repeats.defaultRule(q.select().toSelection().datasets());
    }

    /** The top places of each of the query's periods, side by side. */
    public Map<String, List<RepeatService.Place>> repeatsByPeriod(RepeatsQuery q) {
        q.validate(months());
        pointsOnly(q.select().filter());
        return repeats.topPerPeriod(q.select().toSelection(), groupBy(q), q.distanceMetres(), q.minPoints(), Values.word(q.by()), q.top(),
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
        pointsOnly(q.select().filter());
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
        pointsOnly(q.select().filter());
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
        pointsOnly(q.select().filter());
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
        perPopulation(area(q.area()).boundaries(), q.rules());
        Filter f = q.filter();
        return areas.summary(area(q.area()), f.categorySet(), f.datasetSet(), f.period(), q.comparison(), resolve(q.rules(), f));
    }

    /**
     * The summary as it is answered: the {@link AreaService.Summary}, or with disclosure control when the query is
     * shareable ({@link org.wardheat.export.SharedSummary}).
     */
    public Object areaSummaryReply(AreaSummaryQuery q) {
        AreaService.Summary s = areaSummary(q);
        return q.sharing().shareable() ? org.wardheat.export.SharedSummary.of(s, q.sharing().k()) : s;
    }

    /** The strategic-assessment rows: every category, then "All". */
    public List<AreaService.CategoryRow> strategic(StrategicQuery q) {
        q.validate(months());
        perPopulation(area(q.area()).boundaries(), q.rules());
        Filter f = q.filter();
        return areas.table(area(q.area()), f.categorySet(), f.datasetSet(), f.period(), q.comparison(), resolve(q.rules(), f));
    }

    /** The months with data in the strategic table's two periods, and whether change is shown. */
    public Coverage strategicCoverage(StrategicQuery q) {
        return areas.coverage(Set.of(), q.filter().datasetSet(), q.filter().period(), q.comparison(), q.rules().allowPartial());
    }

    /** The measure the strategic table counts: "records" or "count". */
    public String strategicMeasure(StrategicQuery q) {
        return resolve(q.rules(), q.filter()).measureWord();
    }

    public FeatureTable strategicTable(StrategicQuery q) {
        return strategicTable(q, strategic(q));
    }

    public FeatureTable strategicTable(StrategicQuery q, List<AreaService.CategoryRow> rows) {
        FeatureTable t = strategicTableOnly(q, rows);
        String other = q.rules().comparatorSet();
        if (other == null) {
            return t;
        }
        Map<String, Double> rates = new java.util.HashMap<>();
        for (AreaService.CategoryRow r : strategic(new StrategicQuery(new AreaQuery(other, List.of(), null, null), q.filter(), q.comparison(),
                q.rules(), Sharing.OFF))) {
            rates.put(r.category(), r.rate());
        }
        return Layers.withComparator(t, other, rates::get);
    }

    private FeatureTable strategicTableOnly(StrategicQuery q, List<AreaService.CategoryRow> rows) {
        return q.sharing().apply(Layers.strategic(rows, q.area().scope(), q.filter().period().toString(), q.comparison().toString(), q.rules().per(),
                q.rules().perPopulation(),
                strategicCoverage(q), strategicMeasure(q)));
    }

    /** The strategic table for each area of a set, then the whole set (see {@link BreakdownQuery}). */
    public List<org.wardheat.service.AreaBreakdown.Row> strategicEachArea(BreakdownQuery q) {
        q.validate(months());
        Filter f = q.filter();
        perPopulation(q.boundaries(), q.rules());
        return org.wardheat.service.AreaBreakdown.rows(workspace, q.boundaries(), f.datasetSet(), f.period(), q.comparison(), q.bestAreas(),
                resolve(q.rules(), f));
    }

    public FeatureTable strategicEachAreaTable(BreakdownQuery q, List<org.wardheat.service.AreaBreakdown.Row> rows) {
        ChangeRules rules = resolve(q.rules(), q.filter());
        return org.wardheat.export.BreakdownLayers.areas(rows, q.boundaries(), q.filter().period().toString(), q.comparison().toString(),
                q.bestAreas(), rules.per(), areas.coverage(Set.of(), q.filter().datasetSet(), q.filter().period(), q.comparison(),
                        rules.allowPartial()), rules.measureWord(), rules.perPopulation());
    }

    /** Stores each area's context figures for the set (see {@link org.wardheat.service.WardContexts}). */
    public void storeContext(String boundaries, org.wardheat.boundaries.DeprivationContext ctx, String source) {
        org.wardheat.service.WardContexts.store(workspace, boundaries, ctx, source);
    }

    /**
     * The context layer of a set: each ward's residents, population-weighted mean IMD 2019 rank, share of residents in
     * the most deprived decile and residents per Census age band, with its outline; the figures are empty (null) when no
     * context is stored for the set ({@link #contextNote}).
     */
    public FeatureTable contextLayer(ContextQuery q) {
        q.validate();
        Map<String, org.wardheat.service.WardContexts.Figures> figures = org.wardheat.service.WardContexts.byWard(workspace, q.boundaries());
        return Layers.context(workspace.boundarySet(q.boundaries()).wards(), figures, q.boundaries());
    }

    /** The context layer's members: whether context is stored for the set, and if not how to store it. */
    public Map<String, Object> contextNote(ContextQuery q) {
        boolean stored = org.wardheat.service.WardContexts.stored(workspace, q.boundaries());
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("stored", stored);
        m.put("warnings", stored ? List.of() : List.of("no context (deprivation, residents by age) is stored for boundary set '"
                + q.boundaries() + "'; store it with 'wardheat context --boundaries " + q.boundaries() + " ... --store'"));
        return m;
    }

    /** The areas (wards or districts) of a boundary set, in code order, WGS84. */
    public List<org.wardheat.boundaries.Ward> boundaryWards(String boundaries) {
        return workspace.boundarySet(Checks.required("boundaries", boundaries)).wards();
    }

    // ---- trends ----

    /**
     * Trends of one selection: the month × year table, the annual series with year-on-year change, and the
     * monthly series with rolling 12-month totals (all three; the query's view picks the table written). A month
     * counts only when it is covered ({@link Coverage}: the selected datasets hold data for it); a month never
     * imported is no data, never 0, and the warnings name it.
     *
     * @param measure  "records" or "count" (the default of the data as the ward table's, {@link #resolve})
     * @param coverage the months of the period with data (no comparison period)
     */
    public record TrendsResult(String scope, String period, String measure, MonthlyTable.Table table, List<String> monthsWithData,
                               List<Trends.Year> annual, List<Trends.Month> rolling, Coverage coverage, List<String> warnings) {
    }

    public TrendsResult trends(TrendsQuery q) {
        q.validate(months());
        if (q.sharing().shareable() && q.view() != TrendsQuery.View.ANNUAL) {
            throw new InvalidParameterException("view", "monthly values are withheld from a shareable table (disclosure control); "
                    + "use view=annual (--view annual)");
        }
        AreaService.Area a = area(q.area());
        String ward = a.polygon() == null && a.wardCodes().size() == 1 ? a.wardCodes().get(0) : null;
        Geometry within = a.wholeSet() || ward != null ? null : areas.outline(a);
        Filter f = q.filter();
        String measure = q.measure() != null ? Values.word(q.measure()) : resolve(ChangeRules.DEFAULT.withMeasure(null), f).measureWord();
        MonthlyTable.Table t = repeats.monthlyTable(new RepeatService.Selection(f.datasetSet(), f.categorySet(), f.period(), a.boundaries(),
                ward, within), q.firstMonth(), measure, Outliers.Rules.DEFAULT, false);
        Coverage coverage = Coverage.of(workspace.snapshot().monthly(), f.categorySet(), f.datasetSet(), f.period(), null, false);
        Set<YearMonth> covered = new java.util.HashSet<>();
        coverage.period().covered().forEach(m -> covered.add(YearMonth.parse(m)));
        return new TrendsResult(q.area().scope(), f.period().toString(), t.measure(), t, coverage.period().covered(),
                Trends.annual(t, f.period(), covered), Trends.rolling(t, f.period(), covered), coverage, coverage.warnings());
    }

    public FeatureTable trendsTable(TrendsQuery q) {
        return trendsTable(q, trends(q));
    }

    /** The table of the query's view of a result already computed for {@code q}, with disclosure control when shareable. */
    public FeatureTable trendsTable(TrendsQuery q, TrendsResult r) {
        String what = "trends-" + Values.word(q.view()) + "-" + r.measure();
        return q.sharing().apply(switch (q.view()) {
            case ANNUAL -> Layers.trendAnnual(r.annual(), what, r.scope(), r.period());
            case ROLLING -> Layers.trendRolling(r.rolling(), what, r.scope(), r.period());
            case TABLE -> Layers.monthly(r.table(), what, r.scope(), r.period());
        });
    }

    // ---- priority matrix ----

    /** The ranked priority rows of a boundary set (see {@link org.wardheat.analysis.PriorityMatrix} for the formula). */
    public List<PriorityMatrix.Row> priorities(PriorityQuery q) {
        q.validate(months());
        Filter f = q.filter();
        workspace.boundarySet(q.boundaries());
        List<PriorityMatrix.Input> in = PriorityInputs.of(workspace.snapshot(), q.boundaries(), q.rows() == PriorityQuery.Rows.GROUPS,
                f.categorySet(), f.datasetSet(), f.period(), q.comparison(), q.topWards(), q.harm());
        return PriorityMatrix.rank(in, q.weights(), q.alpha(), f.period().length(), q.comparison().length(),
                prioritiesCoverage(q).changeShown());
    }

    /** The months with data in the priority matrix's two periods, and whether change is scored. */
    public Coverage prioritiesCoverage(PriorityQuery q) {
        Filter f = q.filter();
        return Coverage.of(workspace.snapshot().monthly(), f.categorySet(), f.datasetSet(), f.period(), q.comparison(), q.allowPartial());
    }

    public FeatureTable prioritiesTable(PriorityQuery q) {
        return prioritiesTable(q, priorities(q));
    }

    public FeatureTable prioritiesTable(PriorityQuery q, List<PriorityMatrix.Row> rows) {
        return q.sharing().apply(Layers.priorities(rows, q.boundaries(), q.filter().period().toString(), q.comparison().toString(),
                prioritiesCoverage(q)));
    }
}
