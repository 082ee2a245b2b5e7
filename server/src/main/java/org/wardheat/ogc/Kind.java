package org.wardheat.ogc;

import org.wardheat.hotspot.Grid;
import org.wardheat.hotspot.PAdjust;
import org.wardheat.query.ClassifyQuery;
import org.wardheat.query.EvaluateQuery;
import org.wardheat.query.Limits;
import org.wardheat.query.RepeatsQuery;
import org.wardheat.query.Values;

import java.util.ArrayList;
import java.util.List;

/**
 * What a collection holds, and the wardheat parameters its items take (beside the OGC ones: {@code limit},
 * {@code offset}, {@code bbox}, {@code bbox-crs}, {@code datetime}, {@code crs}, {@code f}). The parameters
 * are those of the map's routes; the collection supplies {@code boundaries}, {@code datetime} the period.
 */
enum Kind {
    WARDS("wards", "Wards", "each ward of the boundary set with its count, rate per 1,000 residents, share, rank and change against the comparison period; the ward code is the feature id", true),
    KDE("kde", "Kernel density", "hotspot grid cells with their kernel density (incidents per square km)", true),
    GISTAR("gistar", "Getis-Ord Gi*", "hotspot grid cells with their Gi* z-score, p-value and bin", true),
    CHANGE("change", "Hotspot change", "hotspot grid cells with the change of their Gi* bin against the before period", true),
    CLASSIFY("classify", "Emerging hotspots", "hotspot grid cells classified as new, persistent, intensifying ... hotspots over the period", true),
    EVALUATE("evaluate", "Forecast accuracy", "hotspot grid cells with the training surface and test counts (needs test)", true),
    REPEATS("repeats", "Repeat places", "the top repeat places (records at one place), ranked; the rank is the feature id", false),
    ENCAMPMENTS("encampments", "Encampments", "every encampment with its days in situ", false),
    FOCUS_AREAS("focus-areas", "Saved focus areas", "the focus areas saved on the map; the area id is the feature id", false);

    /** The id of the collection (with {@code -BOUNDARIES} for the kinds per boundary set). */
    final String word;
    final String title;
    final String description;
    /** One collection per boundary set (wards, hotspot analyses), or one in all. */
    final boolean perBoundarySet;

    Kind(String word, String title, String description, boolean perBoundarySet) {
        this.word = word;
        this.title = title;
        this.description = description;
        this.perBoundarySet = perBoundarySet;
    }

    /** Whether {@code datetime} chooses the period the layer is computed for. */
    boolean temporal() {
        return this != FOCUS_AREAS;
    }

    boolean hotspot() {
        return this == KDE || this == GISTAR || this == CHANGE || this == CLASSIFY || this == EVALUATE;
    }

    /** The wardheat parameters of this kind's items. */
    List<QueryParameter> parameters() {
        List<QueryParameter> p = new ArrayList<>();
        if (this == FOCUS_AREAS) {
            return p;
        }
        p.add(QueryParameter.text("category", "incident categories, repeated or separated by | (all when absent)"));
        p.add(QueryParameter.text("dataset", "datasets, repeated or separated by | (all when absent" + (this == ENCAMPMENTS ? "; encampments by default" : "") + ")"));
        switch (this) {
            case WARDS -> {
                p.add(QueryParameter.text("compare", "the comparison period: previous (the same length before; default), year-ago, or YYYY-MM:YYYY-MM"));
                p.add(QueryParameter.integer("top", "the wards counted in the top-N share member, default 5", Limits.TOP_WARDS));
            }
            case REPEATS -> {
                selection(p);
                p.add(QueryParameter.word("group_by", "how records form a place, default coordinates", RepeatsQuery.groupings().keySet()));
                p.add(QueryParameter.number("distance", "DBSCAN radius for group_by=distance, default " + RepeatsQuery.DEFAULT_DISTANCE_METRES, Limits.DBSCAN_METRES));
                p.add(QueryParameter.integer("min_points", "DBSCAN points of a core point (itself included), default " + RepeatsQuery.DEFAULT_MIN_POINTS, Limits.MIN_POINTS));
                p.add(QueryParameter.word("by", "rank by records (default) or summed count", RepeatsQuery.By.words().keySet()));
                p.add(QueryParameter.integer("top", "how many places, default " + RepeatsQuery.DEFAULT_TOP, Limits.TOP_PLACES));
                p.add(QueryParameter.text("periods", "periods YYYY-MM:YYYY-MM separated by , for the byPeriod counts"));
                p.add(QueryParameter.number("outlier_record_factor", "a record is an outlier above this factor of the median", Limits.OUTLIER_FACTOR));
                p.add(QueryParameter.number("outlier_place_factor", "a place is an outlier above this factor of the median", Limits.OUTLIER_FACTOR));
                p.add(QueryParameter.number("outlier_minimum", "counts below this are never outliers", Limits.OUTLIER_MINIMUM));
                p.add(QueryParameter.flag("exclude_outliers", "leave flagged records out of every figure"));
            }
            case ENCAMPMENTS -> {
                selection(p);
                p.add(QueryParameter.integer("first_month", "the month years start in, default 1", Limits.FIRST_MONTH));
                p.add(QueryParameter.text("as_of", "the date open encampments are counted to (YYYY-MM-DD), default today"));
            }
            default -> hotspotParameters(p);
        }
        return p;
    }

    private static void selection(List<QueryParameter> p) {
        p.add(QueryParameter.text("boundaries", "the boundary set the ward filter and ward columns refer to"));
        p.add(QueryParameter.text("ward", "only records in this ward (a code of the boundary set)"));
        p.add(QueryParameter.text("area", "only records in this GeoJSON polygon (WGS84 lon/lat)"));
    }

    private void hotspotParameters(List<QueryParameter> p) {
        p.add(QueryParameter.word("shape", "grid cell shape, default square", Values.words(Grid.Shape.values()).keySet()));
        p.add(QueryParameter.number("cell", "cell size in metres (default chosen from the area)", Limits.CELL_METRES));
        p.add(QueryParameter.text("grid_crs", "the projected CRS the grid is laid out in (the map's crs parameter), default " + Limits.DEFAULT_CRS));
        p.add(QueryParameter.flag("record_weights", "weight each incident by its record's count"));
        p.add(QueryParameter.text("harm_weights", "harm weights CATEGORY:WEIGHT|..."));
        p.add(QueryParameter.number("default_weight", "the weight of categories not in harm_weights", Limits.HARM_WEIGHT));
        p.add(QueryParameter.text("area", "analyse only this GeoJSON polygon (WGS84 lon/lat)"));
        p.add(QueryParameter.word("only", "nonzero leaves out cells without incidents; all (default) keeps every cell", List.of("all", "nonzero")));
        List<String> pAdjust = new ArrayList<>(Values.words(PAdjust.values()).keySet());
        switch (this) {
            case KDE -> {
                p.add(QueryParameter.number("bandwidth", "kernel bandwidth (default chosen from the data)", Limits.BANDWIDTH_METRES));
                p.add(QueryParameter.number("adjust", "factor on the default bandwidth, default 1", Limits.KDE_ADJUST));
            }
            case GISTAR -> {
                p.add(QueryParameter.word("p_adjust", "multiple-testing adjustment of p-values", pAdjust));
                p.add(QueryParameter.number("neighbour_distance", "neighbourhood radius (default chosen from the cell size)", Limits.NEIGHBOUR_METRES));
                p.add(QueryParameter.flag("weighted", "distance-weighted neighbours"));
            }
            case CHANGE -> {
                p.add(QueryParameter.text("before", "the before period YYYY-MM:YYYY-MM (default the same length before)"));
                p.add(QueryParameter.word("p_adjust", "multiple-testing adjustment of p-values", pAdjust));
                p.add(QueryParameter.integer("hot_bin", "the Gi* bin counted as hot, default 1", Limits.HOT_BIN));
            }
            case CLASSIFY -> {
                p.add(QueryParameter.word("every", "the time step", ClassifyQuery.Every.words().keySet()));
                p.add(QueryParameter.number("hotspot_prop", "share of steps a hotspot must be hot in", Limits.PROPORTION));
                p.add(QueryParameter.number("persistent_prop", "share of steps a persistent hotspot must be hot in", Limits.PROPORTION));
                p.add(QueryParameter.number("recent_prop", "share of recent steps", Limits.PROPORTION));
                p.add(QueryParameter.number("critical_p", "the trend test's critical p", Limits.CRITICAL_P));
                p.add(QueryParameter.word("p_adjust", "multiple-testing adjustment of p-values", pAdjust));
            }
            case EVALUATE -> {
                p.add(QueryParameter.text("test", "the test period YYYY-MM:YYYY-MM (required)"));
                p.add(QueryParameter.word("method", "the surface evaluated", EvaluateQuery.Method.words().keySet()));
                p.add(QueryParameter.number("top_share", "the share of cells flagged", Limits.TOP_SHARE));
                p.add(QueryParameter.number("bandwidth", "kernel bandwidth for method=kde", Limits.BANDWIDTH_METRES));
                p.add(QueryParameter.word("p_adjust", "multiple-testing adjustment of p-values", pAdjust));
                p.add(QueryParameter.integer("hot_bin", "the Gi* bin counted as hot, default 1", Limits.HOT_BIN));
            }
            default -> {
            }
        }
    }
}
