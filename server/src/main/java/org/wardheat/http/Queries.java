package org.wardheat.http;

import org.wardheat.analysis.WardStatistics;
import org.wardheat.boundaries.AreaReader;
import org.wardheat.export.FeatureTable;
import org.wardheat.export.Layers;
import org.wardheat.hotspot.CellLayer;
import org.wardheat.hotspot.Grid;
import org.wardheat.hotspot.HotspotClassification;
import org.wardheat.hotspot.PAdjust;
import org.wardheat.model.Period;
import org.wardheat.repeats.Encampments;
import org.wardheat.repeats.MonthlyTable;
import org.wardheat.repeats.NearRepeat;
import org.wardheat.repeats.Outliers;
import org.wardheat.repeats.Places;
import org.wardheat.service.AreaService;
import org.wardheat.service.HotspotService;
import org.wardheat.service.RepeatService;
import org.wardheat.store.NotFoundException;
import spark.Request;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.wardheat.http.Params.decimal;
import static org.wardheat.http.Params.integer;
import static org.wardheat.http.Params.param;
import static org.wardheat.http.Params.required;
import static org.wardheat.http.Params.values;

/**
 * Each analysis's query read from a request's parameters and run on its service, so that the route that
 * shows a result and the export that downloads it ask the same question in the same words.
 */
final class Queries {
    private Queries() {
    }

    /** The ward view's query: period, comparison, categories, datasets, top N. */
    static WardStatistics.Query wards(Request req) {
        return wards(req, integer(req, "top"));
    }

    /** Period and comparison as the ward view takes them, with the focus area's top 5. */
    static WardStatistics.Query areaPeriods(Request req) {
        return wards(req, 5);
    }

    private static WardStatistics.Query wards(Request req, Integer top) {
        return WardStatistics.Query.of(values(req, "category"), values(req, "dataset"), required(req, "from"),
                required(req, "to"), req.queryParams("compare"), top);
    }

    /** The hotspot analysis named in the path (or {@code analysis=}), computed. */
    static CellLayer hotspot(HotspotService hotspots, Request req) {
        HotspotService.Request r = new HotspotService.Request(required(req, "boundaries"),
                Set.copyOf(values(req, "category")), Set.copyOf(values(req, "dataset")),
                Period.of(required(req, "from"), required(req, "to")),
                Grid.Shape.parse(param(req, "shape", "square")), decimal(req, "cell"), param(req, "crs", "EPSG:27700"),
                new HotspotService.Weights("true".equals(req.queryParams("record_weights")), null), area(req));
        PAdjust adjust = PAdjust.parse(param(req, "p_adjust", "fdr"));
        int hotBin = integer(req, "hot_bin") == null ? 2 : integer(req, "hot_bin");
        String analysis = req.params("analysis") != null ? req.params("analysis") : param(req, "analysis", "gistar");
        return switch (analysis) {
            case "kde" -> hotspots.kde(r, decimal(req, "bandwidth"), decimal(req, "adjust") == null ? 1 : decimal(req, "adjust"));
            case "gistar" -> hotspots.gistar(r, adjust, decimal(req, "neighbour_distance"), "true".equals(req.queryParams("weighted")));
            case "change" -> hotspots.change(r, req.queryParams("before") == null ? null : Period.parse(req.queryParams("before")),
                    adjust, hotBin);
            case "classify" -> hotspots.classify(r, switch (param(req, "every", "month")) {
                case "month" -> 1;
                case "quarter" -> 3;
                case "year" -> 12;
                default -> throw new IllegalArgumentException("every must be month, quarter or year");
            }, HotspotClassification.Thresholds.DEFAULT, adjust);
            case "evaluate" -> hotspots.evaluate(r, Period.parse(required(req, "test")), param(req, "method", "kde"),
                    decimal(req, "top_share") == null ? 0.05 : decimal(req, "top_share"), decimal(req, "bandwidth"), adjust, hotBin);
            default -> throw new NotFoundException("no hotspot analysis '" + analysis
                    + "'; there are kde, gistar, change, classify and evaluate");
        };
    }

    static RepeatService.RepeatResult repeats(RepeatService service, Request req) {
        Integer top = integer(req, "top");
        RepeatService.Selection selection = selection(req, null);
        String groupBy = param(req, "group_by", null);
        return service.repeats(selection, groupBy == null ? service.defaultRule(selection.datasets()) : Places.Rule.parse(groupBy),
                decimal(req, "distance") == null ? 50 : decimal(req, "distance"),
                integer(req, "min_points") == null ? 2 : integer(req, "min_points"), param(req, "by", "records"),
                top == null ? 20 : top, Period.parseList(req.queryParams("periods")), outlierRules(req),
                "true".equals(req.queryParams("exclude_outliers")));
    }

    static List<Encampments.Year> encampments(RepeatService service, Request req) {
        Integer first = integer(req, "first_month");
        LocalDate asOf = req.queryParams("as_of") == null ? LocalDate.now() : LocalDate.parse(req.queryParams("as_of"));
        return service.encampments(selection(req, "encampments"), first == null ? 1 : first, asOf);
    }

    static MonthlyTable.Table needles(RepeatService service, Request req) {
        Integer first = integer(req, "first_month");
        return service.monthlyTable(selection(req, "needle-finds"), first == null ? 1 : first,
                param(req, "measure", "count"), outlierRules(req), "true".equals(req.queryParams("exclude_outliers")));
    }

    static NearRepeat.Result nearRepeat(RepeatService service, Request req) {
        double[] bands = Arrays.stream(param(req, "bands", "200,400,600,800,1000").split(",")).map(String::trim)
                .mapToDouble(Double::parseDouble).toArray();
        Integer width = integer(req, "time_width"), count = integer(req, "time_bands"), sims = integer(req, "simulations");
        Integer seed = integer(req, "seed");
        return service.nearRepeat(selection(req, null), bands, width, count, sims == null ? 999 : sims, seed == null ? 1 : seed);
    }

    /** The area named by {@code area_id}, {@code ward} (repeatable) or {@code area} (GeoJSON), else the whole set. */
    static AreaService.Area focusArea(AreaService areas, Request req) {
        Integer id = integer(req, "area_id");
        String boundaries = id != null ? null : required(req, "boundaries");
        return areas.resolve(boundaries, values(req, "ward"), req.queryParams("area"), id == null ? null : id.longValue());
    }

    /** The strategic-assessment table of the requested scope (set, wards, drawn or saved area). */
    static FeatureTable strategic(AreaService areas, Request req) {
        WardStatistics.Query q = areaPeriods(req);
        AreaService.Area a = focusArea(areas, req);
        String scope = param(req, "area_id", null) != null ? "area-" + req.queryParams("area_id")
                : a.wardCodes().isEmpty() ? (a.polygon() == null ? a.boundaries() : "drawn-area") : String.join("-", a.wardCodes());
        return Layers.strategic(areas.table(a, Set.of(), q.datasets(), q.period(), q.comparison()), scope,
                q.period().toString(), q.comparison().toString());
    }

    private static RepeatService.Selection selection(Request req, String defaultDataset) {
        List<String> datasets = values(req, "dataset");
        return new RepeatService.Selection(Set.copyOf(datasets.isEmpty() && defaultDataset != null ? List.of(defaultDataset) : datasets),
                Set.copyOf(values(req, "category")), Period.of(required(req, "from"), required(req, "to")),
                param(req, "boundaries", null), param(req, "ward", null), area(req));
    }

    private static org.locationtech.jts.geom.Geometry area(Request req) {
        return req.queryParams("area") == null ? null : AreaReader.read(req.queryParams("area"));
    }

    private static Outliers.Rules outlierRules(Request req) {
        Double r = decimal(req, "outlier_record_factor"), p = decimal(req, "outlier_place_factor"), m = decimal(req, "outlier_minimum");
        Outliers.Rules d = Outliers.Rules.DEFAULT;
        return new Outliers.Rules(r == null ? d.recordFactor() : r, p == null ? d.placeFactor() : p, m == null ? d.minimum() : m);
    }
}
