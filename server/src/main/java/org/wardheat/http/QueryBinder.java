package org.wardheat.http;

import org.wardheat.export.Exporter;
import org.wardheat.hotspot.Grid;
import org.wardheat.hotspot.HarmWeights;
import org.wardheat.hotspot.HotspotClassification;
import org.wardheat.hotspot.PAdjust;
import org.wardheat.imports.ColumnMapping;
import org.wardheat.query.AreaQuery;
import org.wardheat.query.AreaSummaryQuery;
import org.wardheat.query.ChangeQuery;
import org.wardheat.query.ClassifyQuery;
import org.wardheat.query.EncampmentsQuery;
import org.wardheat.query.EvaluateQuery;
import org.wardheat.query.BreakdownQuery;
import org.wardheat.query.Filter;
import org.wardheat.query.GiStarQuery;
import org.wardheat.query.HotspotAnalysis;
import org.wardheat.query.HotspotQuery;
import org.wardheat.query.ImportOptions;
import org.wardheat.query.InvalidParameterException;
import org.wardheat.query.KdeQuery;
import org.wardheat.query.Limits;
import org.wardheat.query.NearRepeatQuery;
import org.wardheat.query.NeedlesTableQuery;
import org.wardheat.query.Range;
import org.wardheat.query.PriorityQuery;
import org.wardheat.query.RecordSelection;
import org.wardheat.query.TrendsQuery;
import org.wardheat.query.RepeatsQuery;
import org.wardheat.query.Sharing;
import org.wardheat.query.StrategicQuery;
import org.wardheat.query.Values;
import org.wardheat.query.WardsQuery;
import org.wardheat.query.ChangeOptions;
import org.wardheat.analysis.ChangeRules;
import org.wardheat.repeats.Outliers;
import org.wardheat.store.NotFoundException;
import spark.Request;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one HTTP parameter binder: builds each analysis's query record from the query string, with the
 * record's defaults and {@link Values}' parsing (the command line builds the same records from its
 * options). Every malformed value is an {@link InvalidParameterException} naming the parameter, answered
 * 400 {@code {"error": "...", "parameter": "..."}}.
 */
final class QueryBinder {
    private QueryBinder() {
    }

    // ---- raw values ----

    /** The parameter's text, or null when absent or blank. */
    static String text(Request req, String name) {
        String v = req.queryParams(name);
        return v == null || v.isBlank() ? null : v;
    }

    static String text(Request req, String name, String fallback) {
        String v = text(req, name);
        return v == null ? fallback : v;
    }

    static String required(Request req, String name) {
        String v = text(req, name);
        if (v == null) {
            throw new InvalidParameterException(name, "missing");
        }
        return v;
    }

    /** A repeatable parameter: {@code category=a&category=b}, or {@code category=a|b}. */
    static List<String> values(Request req, String name) {
        String[] v = req.queryParamsValues(name);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : v) {
            out.addAll(Arrays.asList(s.split("\\|")));
        }
        return out;
    }

    /** A plain decimal in {@code range}, or null when absent (a default rule applies). */
    static Double decimal(Request req, String name, Range range) {
        String v = text(req, name);
        return v == null ? null : Values.number(name, v, range);
    }

    /** A plain decimal in {@code range}, or the query's default. */
    static double decimal(Request req, String name, Range range, double fallback) {
        String v = text(req, name);
        return v == null ? fallback : Values.number(name, v, range);
    }

    /** A whole number in {@code range}, or null when absent; with a default, that default. */
    static Integer integer(Request req, String name, Range range, Integer fallback) {
        String v = text(req, name);
        return v == null ? fallback : Integer.valueOf(Values.integer(name, v, range));
    }

    static boolean flag(Request req, String name) {
        String v = text(req, name);
        return v != null && Values.flag(name, v);
    }

    static <T> T word(Request req, String name, Map<String, T> allowed) {
        String v = text(req, name);
        return v == null ? null : Values.choice(name, v, allowed);
    }

    static Exporter.Format format(Request req, Exporter.Format fallback) {
        Exporter.Format f = word(req, "format", Values.words(Exporter.Format.values()));
        return f == null ? fallback : f;
    }

    // ---- the queries ----

    static Filter filter(Request req) {
        return new Filter(values(req, "category"), values(req, "dataset"),
                Values.period("from", required(req, "from"), "to", required(req, "to")));
    }

    /** {@code shareable=true} and {@code k} (default 5): disclosure control of the table. */
    static Sharing sharing(Request req) {
        return new Sharing(flag(req, "shareable"), integer(req, "k", Limits.DISCLOSURE_K, Sharing.OFF.k()));
    }

    /**
     * {@code measure}, {@code per}, {@code alpha}, {@code rank_by}, {@code allow_partial}, {@code per_population},
     * {@code comparator_set} ({@link ChangeOptions}).
     */
    static ChangeRules rules(Request req) {
        return new ChangeRules(word(req, "measure", ChangeOptions.measures()),
                Values.choice("per", text(req, "per", "" + ChangeOptions.DEFAULT_PER), ChangeOptions.bases()),
                decimal(req, "alpha", Limits.ALPHA, ChangeOptions.DEFAULT_ALPHA),
                Values.choice("rank_by", text(req, "rank_by", ChangeOptions.DEFAULT_RANK_BY), ChangeOptions.rankings()),
                flag(req, "allow_partial"), Values.ageGroup("per_population", text(req, "per_population")),
                text(req, "comparator_set"));
    }

    static WardsQuery wards(Request req) {
        Filter f = filter(req);
        return new WardsQuery(required(req, "boundaries"), f, Values.comparison("compare", text(req, "compare"), f.period()),
                integer(req, "top", Limits.TOP_WARDS, WardsQuery.DEFAULT_TOP), rules(req), sharing(req));
    }

    /**
     * {@code record_weights=true} or {@code measure=count}: each incident weighs its record's count; {@code measure=records}:
     * each weighs 1; neither: null, the default of the data (count for needle finds).
     */
    private static Boolean recordWeights(Request req) {
        ChangeRules.Measure m = word(req, "measure", ChangeOptions.measures());
        return flag(req, "record_weights") ? Boolean.TRUE : m == null ? null : m == ChangeRules.Measure.COUNT;
    }

    static HotspotQuery hotspot(Request req) {
        String harm = text(req, "harm_weights");
        Double defaultWeight = decimal(req, "default_weight", Limits.HARM_WEIGHT);
        if (harm == null && defaultWeight != null) {
            throw new InvalidParameterException("default_weight", "needs harm_weights (CATEGORY:WEIGHT|...)");
        }
        String area = text(req, "area");
        return new HotspotQuery(required(req, "boundaries"), filter(req), word(req, "shape", Values.words(Grid.Shape.values())),
                decimal(req, "cell", Limits.CELL_METRES), text(req, "crs"),
                recordWeights(req), harm == null ? null : new HarmWeights("harm_weights", Values.weights("harm_weights", harm), defaultWeight),
                area == null ? null : Values.area("area", area), sharing(req));
    }

    private static PAdjust pAdjust(Request req) {
        return word(req, "p_adjust", Values.words(PAdjust.values()));
    }

    /** The query of {@code analysis}: kde, gistar, change, classify or evaluate. */
    static HotspotAnalysis hotspotAnalysis(Request req, String analysis) {
        return switch (analysis) {
            case "kde" -> new KdeQuery(hotspot(req), decimal(req, "bandwidth", Limits.BANDWIDTH_METRES),
                    decimal(req, "adjust", Limits.KDE_ADJUST, KdeQuery.DEFAULT_ADJUST));
            case "gistar" -> new GiStarQuery(hotspot(req), pAdjust(req), decimal(req, "neighbour_distance", Limits.NEIGHBOUR_METRES),
                    flag(req, "weighted"));
            case "change" -> new ChangeQuery(hotspot(req), text(req, "before") == null ? null : Values.period("before", text(req, "before")),
                    pAdjust(req), integer(req, "hot_bin", Limits.HOT_BIN, ChangeQuery.DEFAULT_HOT_BIN), flag(req, "allow_partial"));
            case "classify" -> {
                HotspotClassification.Thresholds d = ClassifyQuery.DEFAULT_THRESHOLDS;
                yield new ClassifyQuery(hotspot(req), word(req, "every", ClassifyQuery.Every.words()), new HotspotClassification.Thresholds(
                        decimal(req, "hotspot_prop", Limits.PROPORTION, d.hotspotProp()),
                        decimal(req, "persistent_prop", Limits.PROPORTION, d.persistentProp()),
                        decimal(req, "recent_prop", Limits.PROPORTION, d.recentProp()),
                        decimal(req, "critical_p", Limits.CRITICAL_P, d.criticalP())), pAdjust(req));
            }
            case "evaluate" -> new EvaluateQuery(hotspot(req), Values.period("test", required(req, "test")),
                    word(req, "method", EvaluateQuery.Method.words()), decimal(req, "top_share", Limits.TOP_SHARE, EvaluateQuery.DEFAULT_TOP_SHARE),
                    decimal(req, "bandwidth", Limits.BANDWIDTH_METRES), pAdjust(req),
                    integer(req, "hot_bin", Limits.HOT_BIN, ChangeQuery.DEFAULT_HOT_BIN));
            default -> throw new NotFoundException("no hotspot analysis '" + analysis + "'; there are kde, gistar, change, classify and evaluate");
        };
    }

    static RecordSelection selection(Request req) {
        String area = text(req, "area");
        return new RecordSelection(filter(req), text(req, "boundaries"), text(req, "ward"), area == null ? null : Values.area("area", area));
    }

    static Outliers.Rules outliers(Request req) {
        Outliers.Rules d = Outliers.Rules.DEFAULT;
        return new Outliers.Rules(decimal(req, "outlier_record_factor", Limits.OUTLIER_FACTOR, d.recordFactor()),
                decimal(req, "outlier_place_factor", Limits.OUTLIER_FACTOR, d.placeFactor()),
                decimal(req, "outlier_minimum", Limits.OUTLIER_MINIMUM, d.minimum()));
    }

    /** Which cells of a hotspot layer to send: {@code only} and {@code kde_floor}. */
    static org.wardheat.query.LayerCells layerCells(Request req) {
        return new org.wardheat.query.LayerCells(word(req, "only", org.wardheat.query.LayerCells.words()),
                decimal(req, "kde_floor", Limits.KDE_FLOOR, org.wardheat.hotspot.DrawnCells.DEFAULT_KDE_FLOOR));
    }

    static RepeatsQuery repeats(Request req) {
        return new RepeatsQuery(selection(req), word(req, "group_by", RepeatsQuery.groupings()),
                decimal(req, "distance", Limits.DBSCAN_METRES, RepeatsQuery.DEFAULT_DISTANCE_METRES),
                integer(req, "min_points", Limits.MIN_POINTS, RepeatsQuery.DEFAULT_MIN_POINTS), word(req, "by", RepeatsQuery.By.words()),
                integer(req, "top", Limits.TOP_PLACES, RepeatsQuery.DEFAULT_TOP), Values.periods("periods", text(req, "periods")),
                outliers(req), flag(req, "exclude_outliers"));
    }

    static NearRepeatQuery nearRepeat(Request req) {
        String seed = text(req, "seed");
        return new NearRepeatQuery(selection(req), Values.increasing("bands", text(req, "bands", NearRepeatQuery.DEFAULT_BANDS),
                Limits.BAND_METRES, Limits.MAX_SPATIAL_BANDS), integer(req, "time_width", Limits.TIME_WIDTH, null),
                integer(req, "time_bands", Limits.TIME_BANDS, null), integer(req, "simulations", Limits.SIMULATIONS, NearRepeatQuery.DEFAULT_SIMULATIONS),
                seed == null ? NearRepeatQuery.DEFAULT_SEED : Values.whole("seed", seed, Range.closed(Long.MIN_VALUE, Long.MAX_VALUE, "a whole number")));
    }

    static NeedlesTableQuery needles(Request req) {
        return new NeedlesTableQuery(selection(req), integer(req, "first_month", Limits.FIRST_MONTH, NeedlesTableQuery.DEFAULT_FIRST_MONTH),
                word(req, "measure", NeedlesTableQuery.Measure.words()), outliers(req), flag(req, "exclude_outliers"));
    }

    static EncampmentsQuery encampments(Request req) {
        String asOf = text(req, "as_of");
        return new EncampmentsQuery(selection(req), integer(req, "first_month", Limits.FIRST_MONTH, EncampmentsQuery.DEFAULT_FIRST_MONTH),
                asOf == null ? null : Values.date("as_of", asOf));
    }

    static AreaQuery area(Request req) {
        String id = text(req, "area_id");
        return new AreaQuery(text(req, "boundaries"), values(req, "ward"), text(req, "area"),
                id == null ? null : Values.whole("area_id", id, Limits.AREA_ID));
    }

    static AreaSummaryQuery areaSummary(Request req) {
        Filter f = filter(req);
        return new AreaSummaryQuery(area(req), f, Values.comparison("compare", text(req, "compare"), f.period()), rules(req), sharing(req));
    }

    static StrategicQuery strategic(Request req) {
        Filter f = filter(req);
        return new StrategicQuery(area(req), f, Values.comparison("compare", text(req, "compare"), f.period()), rules(req), sharing(req));
    }

    /** {@code each_area=true}: the strategic table for every area of {@code boundaries}, then the whole set. */
    static BreakdownQuery breakdown(Request req) {
        Filter f = filter(req);
        return new BreakdownQuery(text(req, "boundaries"), f, Values.comparison("compare", text(req, "compare"), f.period()),
                integer(req, "best", Limits.BEST_AREAS, null), rules(req));
    }

    static TrendsQuery trends(Request req) {
        return new TrendsQuery(area(req), filter(req), word(req, "view", TrendsQuery.View.words()),
                integer(req, "first_month", Limits.FIRST_MONTH, TrendsQuery.DEFAULT_FIRST_MONTH), word(req, "measure", NeedlesTableQuery.Measure.words()),
                sharing(req));
    }

    static PriorityQuery priorities(Request req) {
        Filter f = filter(req);
        String harm = text(req, "harm_weights");
        Double defaultWeight = decimal(req, "default_weight", Limits.HARM_WEIGHT);
        if (harm == null && defaultWeight != null) {
            throw new InvalidParameterException("default_weight", "needs harm_weights (CATEGORY:WEIGHT|...)");
        }
        return new PriorityQuery(required(req, "boundaries"), f, Values.comparison("compare", text(req, "compare"), f.period()),
                word(req, "rows", PriorityQuery.Rows.words()),
                PriorityQuery.weights(decimal(req, "weight_volume", Limits.COMPONENT_WEIGHT), decimal(req, "weight_rate", Limits.COMPONENT_WEIGHT),
                        decimal(req, "weight_change", Limits.COMPONENT_WEIGHT), decimal(req, "weight_concentration", Limits.COMPONENT_WEIGHT),
                        decimal(req, "weight_harm", Limits.COMPONENT_WEIGHT)),
                decimal(req, "alpha", Limits.ALPHA, PriorityQuery.DEFAULT_ALPHA),
                integer(req, "top_wards", Limits.TOP_WARDS_SHARE, PriorityQuery.DEFAULT_TOP_WARDS),
                harm == null ? null : new HarmWeights("harm_weights", Values.weights("harm_weights", harm), defaultWeight),
                flag(req, "allow_partial"), sharing(req));
    }

    /** The upload's options: {@code dataset}, {@code boundaries}, {@code preset}, {@code map_ROLE=COLUMN}, {@code category}. */
    static org.wardheat.query.ContextQuery context(Request req) {
        return new org.wardheat.query.ContextQuery(text(req, "boundaries"));
    }

    static ImportOptions importOptions(Request req) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String role : ColumnMapping.ROLES) {
            String v = text(req, "map_" + role);
            if (v != null) {
                columns.put(role, v);
            }
        }
        String category = text(req, "category");
        if (category != null) {
            columns.put("category", category);
        }
        ImportOptions o = new ImportOptions(text(req, "dataset"), text(req, "preset"), text(req, "boundaries"), columns);
        o.validate();
        return o;
    }
}
