package org.wardheat.query;

import org.wardheat.boundaries.Projection;

import java.time.YearMonth;

/**
 * The one place that states every query parameter's range (the README lists the same). Each query's
 * {@code validate} checks its parameters against these before any work, so no request can ask for
 * unbounded memory or time.
 */
public final class Limits {
    private Limits() {
    }

    /** The projected CRS analyses run in unless told otherwise: British National Grid, metres. */
    public static final String DEFAULT_CRS = Projection.BNG;

    // ---- periods ----
    /** No month before this is accepted in a query (police.uk data starts in 2010; council records earlier). */
    public static final YearMonth EARLIEST_MONTH = YearMonth.of(1990, 1);
    /** Periods may reach this many months before the first and after the last month of the stored data. */
    public static final int PERIOD_MARGIN_MONTHS = 24;
    /** A period is at most this many years long (20 years = 240 months). */
    public static final int MAX_PERIOD_YEARS = 20;
    /** At most this many periods side by side (repeats {@code periods}). */
    public static final int MAX_PERIODS = 20;

    // ---- lists ----
    /** At most this many values in a list parameter (categories, datasets, wards). */
    public static final int MAX_LIST_ITEMS = 500;
    /** Each listed name is at most this long. */
    public static final int MAX_NAME_CHARS = 200;

    // ---- grids (hotspots) ----
    /** Cell size in metres; the cell is also at most the longer side of the area's extent. */
    public static final Range CELL_METRES = Range.closed(10, 50_000, "metres");
    /**
     * At most this many cells over the area's extent (its width × height / cell²): a county at 100 m. Only the
     * cells that overlap the area are kept, a few bytes of lattice per cell of the extent (see {@code Grid}).
     */
    public static final int MAX_CELLS = 1_000_000;
    /** KDE bandwidth in metres; also at most {@link #MAX_BANDWIDTH_CELLS} cells and the extent's longer side. */
    public static final Range BANDWIDTH_METRES = Range.above(0, 50_000, "metres");
    /** The kernel reaches at most this many cell sizes, so each incident touches at most about 7,850 cells. */
    public static final int MAX_BANDWIDTH_CELLS = 50;
    /** Factor on the rule-of-thumb bandwidth. */
    public static final Range KDE_ADJUST = Range.above(0, 10, "a factor");
    /** Gi* neighbour distance in metres; also at most {@link #MAX_NEIGHBOUR_CELLS} cell sizes (about 314 neighbours). */
    public static final Range NEIGHBOUR_METRES = Range.above(0, 50_000, "metres");
    public static final int MAX_NEIGHBOUR_CELLS = 10;
    /** Gi* bin at or above which a cell is hot: 1 (90%), 2 (95%), 3 (99%). */
    public static final Range HOT_BIN = Range.closed(1, 3, "a Gi* bin");
    /** Share of cells taken as hotspots by the KDE method of {@code evaluate}. */
    public static final Range TOP_SHARE = Range.above(0, 1, "a share of cells");
    /** Proportions of the classification (hotspot_prop, persistent_prop, recent_prop). */
    public static final Range PROPORTION = Range.above(0, 1, "a proportion");
    /** Significance level of the classification. */
    public static final Range CRITICAL_P = Range.above(0, 0.5, "a p-value");
    /** The KDE floor of a map layer ({@code only=significant}): a multiple of the area's average density. */
    public static final Range KDE_FLOOR = Range.closed(0, org.wardheat.hotspot.DrawnCells.MAX_KDE_FLOOR, "a multiple of the area's average density");
    /** Harm weight of a category. */
    public static final Range HARM_WEIGHT = Range.closed(0, 1_000_000, "a weight");
    /** A drawn area has at most this many vertices. */
    public static final int MAX_POLYGON_VERTICES = 10_000;
    /** A drawn area's GeoJSON text is at most this many characters. */
    public static final int MAX_AREA_CHARS = 2_000_000;

    // ---- records: repeats, needles, encampments, near repeats ----
    /** DBSCAN radius of {@code group_by=distance}: a repeat place is an address or a street corner. */
    public static final Range DBSCAN_METRES = Range.above(0, 1_000, "metres");
    /** DBSCAN: neighbours a core point needs. */
    public static final Range MIN_POINTS = Range.closed(1, 100, "a whole number");
    /** How many places are ranked. */
    public static final Range TOP_PLACES = Range.closed(1, 1_000, "a whole number");
    /** How many wards the top-N share sentence covers. */
    public static final Range TOP_WARDS = Range.closed(0, 1_000, "a whole number");
    /** Outlier factors: a record of at least this many times the median. */
    public static final Range OUTLIER_FACTOR = Range.closed(1, 1_000, "a factor");
    /** Outlier floor: a record or a place-month counts as an outlier only from this count. */
    public static final Range OUTLIER_MINIMUM = Range.closed(0, 1_000_000, "a count");
    /** The month a year starts in. */
    public static final Range FIRST_MONTH = Range.closed(1, 12, "a month number");
    /** Near-repeat distance bands: 1 to this many limits, increasing. */
    public static final int MAX_SPATIAL_BANDS = 20;
    /** Each near-repeat distance band limit, in metres. */
    public static final Range BAND_METRES = Range.above(0, 5_000, "metres");
    /** Width of a near-repeat time band: days, or months for month-only data. */
    public static final Range TIME_WIDTH = Range.closed(1, 366, "days or months");
    /** How many near-repeat time bands. */
    public static final Range TIME_BANDS = Range.closed(1, 24, "a whole number");
    /** Knox test permutations. */
    public static final Range SIMULATIONS = Range.closed(1, 9_999, "a whole number");

    // ---- disclosure control ----
    /** k of disclosure control ({@code shareable}): counts from 1 to k−1 are suppressed; default 5. */
    public static final Range DISCLOSURE_K = Range.closed(org.wardheat.export.DisclosureRule.MIN_K, org.wardheat.export.DisclosureRule.MAX_K,
            "a whole number");
    // ---- comparing two periods: ward table, strategic table, focus areas, priority matrix ----
    /** The significance level of the change test ({@code alpha}): change is significant when p &lt; alpha. */
    public static final Range ALPHA = Range.above(0, 0.5, "a significance level");
    /** The bases rates may be given per ({@code per}): residents. */
    public static final java.util.List<Integer> RATE_BASES = java.util.List.of(1000, 10000, 100000);
    /** The ages of an age group ({@code per_population}, e.g. {@code 16-24} or {@code 65+}), in whole years. */
    public static final Range AGE_YEARS = Range.closed(0, 120, "years of age");

    // ---- priority matrix ----
    /** Weight of one component of the priority score (volume, rate, change, concentration, harm). */
    public static final Range COMPONENT_WEIGHT = Range.closed(0, 100, "a weight");
    /** k of the priority matrix's top-k ward share. */
    public static final Range TOP_WARDS_SHARE = Range.closed(1, 100, "a whole number");

    // ---- focus areas, import ----
    /** A saved focus area's id. */
    public static final Range AREA_ID = Range.closed(1, Long.MAX_VALUE, "a saved area id");
    /** The comparator "average of the best N areas" (strategic {@code each_area}, {@code best}). */
    public static final Range BEST_AREAS = Range.closed(1, 50, "areas");
    /** A dataset name: letters, digits, '.', '_' and '-', 1 to 64 characters. */
    public static final String DATASET_NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    // ---- serving (serve options) ----
    /** {@code --port}: 0 asks the system for any free port. */
    public static final Range PORT = Range.closed(0, 65_535, "a TCP port");
    /** {@code --max-upload-mb}: the largest upload the page's import accepts, in MiB. */
    public static final Range MAX_UPLOAD_MIB = Range.closed(1, 65_536, "MiB");
    /** {@code --analysis-seconds}: the running time one analysis may take before it is stopped. */
    public static final Range ANALYSIS_SECONDS = Range.closed(1, 86_400, "seconds");
}
