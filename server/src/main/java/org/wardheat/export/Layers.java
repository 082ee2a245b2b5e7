package org.wardheat.export;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.wardheat.service.AreaService;
import org.wardheat.service.RepeatService;
import org.wardheat.analysis.PriorityMatrix;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.boundaries.Ward;
import org.wardheat.hotspot.CellLayer;
import org.wardheat.hotspot.CellPolygons;
import org.wardheat.model.Coverage;
import org.wardheat.repeats.Encampments;
import org.wardheat.repeats.MonthlyTable;
import org.wardheat.repeats.NearRepeat;
import org.wardheat.repeats.Trends;
import org.wardheat.store.FocusArea;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.wardheat.export.Column.decimal;
import static org.wardheat.export.Column.integer;
import static org.wardheat.export.Column.significant;
import static org.wardheat.export.Column.text;

/**
 * Turns each analysis result into the one {@link FeatureTable} that every output of it is written from
 * (command line, HTTP layer, download), named after what it holds and when. Each column's rounding is
 * declared here, once: lon/lat 6 decimal places (about 0.1 m), eastings/northings 1 (0.1 m), rates 3,
 * shares 4, % changes 1, hotspot statistics 6 significant digits.
 */
public final class Layers {
    private static final Column LON = decimal("lon", 6);
    private static final Column LAT = decimal("lat", 6);

    private Layers() {
    }

    /** A boundary set's wards with their code, name and district. */
    public static FeatureTable boundaries(String id, List<Ward> wards) {
        FeatureTable.Builder b = FeatureTable.builder("boundaries_" + id, text("ward_code"), text("ward_name"), text("district"));
        wards.forEach(w -> b.add(w.geometry(), w.code(), w.name(), w.district()));
        return b.build();
    }

    /**
     * The columns every count compared between two periods ends with (ward table, ward layer, strategic
     * table), with their rounding: p-values 6 significant digits, the flag 1/0, rate intervals 3 decimal
     * places like the rate; then the months with data in each period and the measure counted.
     */
    static List<Column> changeColumns() {
        return List.of(significant("change_p", 6), integer("change_significant"), text("change_reading"), decimal("rate_ci_low", 3),
                decimal("rate_ci_high", 3), integer("months_with_data"), integer("comparison_months_with_data"), text("measure"));
    }

    static Object[] changeValues(Double p, Boolean significant, String reading, Double low, Double high, Coverage coverage,
                                         String measure) {
        return new Object[]{p, significant, reading, low, high, coverage == null ? null : coverage.period().covered().size(),
                coverage == null || coverage.comparison() == null ? null : coverage.comparison().covered().size(), measure};
    }

    private static Object[] concat(Object[] head, Object[] tail) {
        Object[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private static List<Column> columns(List<Column> head, List<Column> tail) {
        List<Column> all = new ArrayList<>(head);
        all.addAll(tail);
        return all;
    }

    /** {@code rate_per_1000} or {@code rate_per_10000}: the rate column, 3 decimal places. */
    static Column rate(int per) {
        return decimal("rate_per_" + per, 3);
    }

    /**
     * The ward table, ranked, with each ward's polygon: the counts, rate per {@code per} residents, share,
     * rank and change, then {@link #changeColumns()}. Change columns are empty when change is withheld.
     */
    public static FeatureTable wards(WardStatistics.Result r, List<Ward> wards, String boundaries) {
        Map<String, Geometry> geometry = new HashMap<>();
        wards.forEach(w -> geometry.put(w.code(), w.geometry()));
        org.wardheat.model.AgeGroup ages = r.query().rules().perPopulation();
        List<Column> columns = columns(List.of(text("ward_code"), text("ward_name"), integer("count"), rate(r.query().rules().per()), decimal("share", 4),
                integer("rank"), integer("previous_count"), integer("change"), decimal("change_pct", 1)), changeColumns());
        FeatureTable.Builder b = FeatureTable.builder(name("wards", boundaries, r.query().datasets(), r.query().period().toString(), r.query().categories()),
                ages == null ? columns : columns(columns, List.of(text("rate_population"))));
        for (WardStatistics.WardRow w : r.wards()) {
            Object[] values = concat(new Object[]{w.code(), w.name(), w.count(), w.rate(), w.share(), w.rank(), w.previousCount(),
                    w.change(), w.changePct()}, changeValues(w.changeP(), w.changeSignificant(), w.changeReading(), w.rateCiLow(),
                    w.rateCiHigh(), r.coverage(), r.measure()));
            b.add(geometry.get(w.code()), ages == null ? values : concat(values, new Object[]{"residents aged " + ages}));
        }
        return b.build();
    }

    /** A boundary set's outline: the union of its wards (JTS), one feature, for the map's boundary line. */
    public static FeatureTable outline(String id, List<Ward> wards) {
        List<org.locationtech.jts.geom.Geometry> parts = new java.util.ArrayList<>();
        wards.forEach(w -> parts.add(w.geometry()));
        FeatureTable.Builder b = FeatureTable.builder("outline_" + id, text("boundaries"));
        b.add(org.locationtech.jts.operation.union.UnaryUnionOp.union(parts), id);
        return b.build();
    }

    /**
     * The ward map layer: one feature per ward of the set (in the set's order, with the ward code as its
     * {@code id}): the ward table's columns with the district and residents, and the monthly series over
     * both periods, and the change's exact Poisson test (rates per month of each period): {@code change_p} and
     * {@code change_reading} ("up 6%, significant (p = 0.0088)"). Write it with {@link #wardLayerMembers}.
     */
    public static FeatureTable wardLayer(WardStatistics.Result r, List<Ward> wards, String boundaries) {
        Map<String, long[]> series = new HashMap<>();
        r.series().forEach(x -> series.put(x.code(), x.counts()));
        FeatureTable.Builder b = FeatureTable.builder(name("ward-layer", boundaries, r.query().datasets(), r.query().period().toString(), r.query().categories()),
                columns(List.of(text("ward_code"), text("ward_name"), text("district"), integer("count"), decimal("residents", 1),
                        decimal("rate_per_1000", 3), decimal("share", 4), integer("rank"), integer("previous_count"), integer("change"),
                        decimal("change_pct", 1), Column.series("series"), decimal("rate", 3), integer("per")), changeColumns())).id("ward_code");
        for (Ward ward : wards) {
            WardStatistics.WardRow w = r.ward(ward.code());
            b.add(ward.geometry(), concat(new Object[]{w.code(), w.name(), ward.district(), w.count(), w.residents(), w.ratePer1000(), w.share(),
                    w.rank(), w.previousCount(), w.change(), w.changePct(), series.get(ward.code()), w.rate(), r.query().rules().per()},
                    changeValues(w.changeP(), w.changeSignificant(), w.changeReading(), w.rateCiLow(), w.rateCiHigh(), r.coverage(),
                            r.measure())));
        }
        return b.build();
    }

    /** The ward layer's foreign members: the query, the totals, the top-N share and the months. */
    public static Map<String, Object> wardLayerMembers(WardStatistics.Result r) {
        return ordered("query", r.query(), "totals", r.totals(), "top", r.top(), "months", r.months(), "measure", r.measure(),
                "coverage", r.coverage(), "warnings", r.coverage().warnings());
    }

    /** All cells of a hotspot layer. */
    public static FeatureTable cells(CellLayer layer) {
        return cells(layer, null);
    }

    /**
     * A hotspot layer as a table: {@code cell_id,lon,lat,easting,northing} (the cell centre) then the
     * analysis columns (decimals to 6 significant digits); cells clipped to the area, in WGS84.
     *
     * @param include which cells to keep, or {@code null} for all
     */
    public static FeatureTable cells(CellLayer layer, boolean[] include) {
        Object cats = layer.parameters().get("categories");
        List<Column> columns = new ArrayList<>(List.of(text("cell_id"), LON, LAT, decimal("easting", 1), decimal("northing", 1)));
        layer.columns().forEach((name, values) -> columns.add(values instanceof double[] ? significant(name, 6)
                : values instanceof int[] || values instanceof long[] ? integer(name) : text(name)));
        FeatureTable.Builder b = FeatureTable.builder(name("hotspots-" + layer.analysis(), String.valueOf(layer.parameters().get("boundaries")),
                String.valueOf(layer.parameters().get("period")),
                cats instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of()), columns);
        double[] lonLat = layer.grid().centresLonLat();
        int[] kept = new int[layer.grid().size()];
        int n = 0;
        for (int c = 0; c < layer.grid().size(); c++) {
            if (include == null || include[c]) {
                kept[n++] = c;
            }
        }
        kept = java.util.Arrays.copyOf(kept, n);
        FeatureTable t = b.build(); // rows and polygons are made as they are written (CellRows, CellPolygons)
        return new FeatureTable(t.name(), t.columns(), new CellRows(layer, columns, kept, lonLat), new CellPolygons(layer.grid(), kept),
                t.idColumn(), t.parameters());
    }

    /** Ranked repeat locations, each at the mean position of its located records. */
    public static FeatureTable repeats(RepeatService.RepeatResult r, String what) {
        FeatureTable.Builder b = FeatureTable.builder(name("repeat-locations", what, String.valueOf(r.parameters().get("period")), List.of()),
                integer("rank"), text("place"), LON, LAT, text("ward_code"), text("ward_name"), integer("records"), decimal("count", 3),
                text("first"), text("last"), integer("outlier_records"));
        for (RepeatService.Place p : r.places()) {
            b.add(point(p.lon(), p.lat()), p.rank(), p.label(), p.lon(), p.lat(), p.wardCode(), p.wardName(), p.records(), p.count(),
                    p.first(), p.last(), p.outlierRecords());
        }
        return b.build();
    }

    /**
     * The repeat locations as the map draws them (proportional symbols): each place's figures under the
     * names the page reads, with its counts by period. Write it with {@link #repeatLayerMembers}.
     */
    public static FeatureTable repeatLayer(RepeatService.RepeatResult r) {
        FeatureTable.Builder b = FeatureTable.builder(name("repeat-layer", null, String.valueOf(r.parameters().get("period")), List.of()),
                integer("rank"), text("label"), LON, LAT, text("wardCode"), text("wardName"), integer("records"), decimal("count", 3),
                text("first"), text("last"), Column.json("byPeriod"), integer("outlierRecords"));
        for (RepeatService.Place p : r.places()) {
            b.add(point(p.lon(), p.lat()), p.rank(), p.label(), p.lon(), p.lat(), p.wardCode(), p.wardName(), p.records(), p.count(),
                    p.first(), p.last(), p.byPeriod(), p.outlierRecords());
        }
        return b.build();
    }

    /** The repeat layer's foreign members: the parameters, the totals and the outlier notes. */
    public static Map<String, Object> repeatLayerMembers(RepeatService.RepeatResult r) {
        return ordered("parameters", r.parameters(), "totals", ordered("places", r.placesFound(), "records", r.records(), "count", r.count(),
                "count_without_outliers", r.countWithoutOutliers(), "outlier_records", r.outlierRecords()), "outliers", r.outliers());
    }

    /** A map of name, value pairs in the order given (for JSON members). */
    static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /**
     * The top places of each period side by side: {@code rank}, then for each period its place and its
     * records or count ({@code by}); no geometry.
     */
    public static FeatureTable repeatsByPeriod(Map<String, List<RepeatService.Place>> side, String by, int top, String what) {
        List<Column> columns = new ArrayList<>(List.of(integer("rank")));
        side.keySet().forEach(p -> {
            columns.add(text(p + " place"));
            columns.add(by.equals("count") ? decimal(p + " count", 3) : integer(p + " records"));
        });
        String span = side.isEmpty() ? "none" : side.keySet().iterator().next().split(":")[0] + ":"
                + new ArrayList<>(side.keySet()).get(side.size() - 1).split(":")[1];
        FeatureTable.Builder b = FeatureTable.builder(name("repeat-locations-by-period", what, span, List.of()), columns);
        for (int k = 0; k < top; k++) {
            List<Object> row = new ArrayList<>(List.of(k + 1));
            for (List<RepeatService.Place> places : side.values()) {
                RepeatService.Place p = k < places.size() ? places.get(k) : null;
                row.add(p == null ? null : p.label());
                row.add(p == null ? null : by.equals("count") ? (Object) p.count() : p.records());
            }
            b.add(null, row.toArray());
        }
        return b.build();
    }

    /** Every encampment with its days in situ, at its position. */
    public static FeatureTable encampments(List<Encampments.Year> years, String period) {
        FeatureTable.Builder b = FeatureTable.builder(name("encampments", null, period, List.of()),
                text("year"), text("location"), text("start"), text("end"), integer("days"), text("open"), text("details"), LON, LAT);
        for (Encampments.Year y : years) {
            for (Encampments.Stay s : y.stays()) {
                b.add(point(s.lon(), s.lat()), y.label(), s.location(), s.start(), s.end(), s.days(), s.open() ? "open" : "", s.extra(),
                        s.lon(), s.lat());
            }
        }
        return b.build();
    }

    /** The encampment summary: one row per year, no geometry. */
    public static FeatureTable encampmentYears(List<Encampments.Year> years, String period) {
        FeatureTable.Builder b = FeatureTable.builder(name("encampment-years", null, period, List.of()),
                text("year"), integer("encampments"), integer("locations"), decimal("average_days", 1), integer("total_days"), integer("open"));
        for (Encampments.Year y : years) {
            b.add(null, y.label(), y.encampments(), y.locations(), y.averageDays(), y.totalDays(), y.open());
        }
        return b.build();
    }

    /**
     * The strategic-assessment table: no geometry; rates per {@code per} residents, then {@link #changeColumns()}, then
     * {@code group_categories}: for a category group's row, the categories it adds up ('|'-separated), empty otherwise.
     */
    public static FeatureTable strategic(List<AreaService.CategoryRow> rows, String scope, String period, String comparison, int per,
                                         Coverage coverage, String measure) {
        return strategic(rows, scope, period, comparison, per, null, coverage, measure);
    }

    /** As above with rates per residents of an age group ({@code ages}, or null for all): a last column names it. */
    public static FeatureTable strategic(List<AreaService.CategoryRow> rows, String scope, String period, String comparison, int per,
                                         org.wardheat.model.AgeGroup ages, Coverage coverage, String measure) {
        List<Column> columns = columns(List.of(text("category"), integer("this_period"), integer("last_period"), integer("difference"),
                decimal("change_pct", 1), rate(per), text("period"), text("comparison")), columns(changeColumns(), List.of(text("group_categories"))));
        FeatureTable.Builder b = FeatureTable.builder(name("strategic-assessment", scope, period, List.of()),
                ages == null ? columns : columns(columns, List.of(text("rate_population"))));
        for (AreaService.CategoryRow r : rows) {
            Object[] values = concat(concat(new Object[]{r.category(), r.count(), r.previous(), r.difference(), r.changePct(), r.rate(), period, comparison},
                    changeValues(r.changeP(), r.changeSignificant(), r.changeReading(), r.rateCiLow(), r.rateCiHigh(), coverage, measure)),
                    new Object[]{r.groupCategories() == null ? null : String.join("|", r.groupCategories())});
            b.add(null, ages == null ? values : concat(values, new Object[]{"residents aged " + ages}));
        }
        return b.build();
    }

    /**
     * The context layer of a boundary set: per ward its Census 2021 residents, population-weighted mean IMD 2019 rank
     * (1 = most deprived in England), share of residents in the most deprived decile, and residents per Census age band.
     */
    public static FeatureTable context(List<Ward> wards, Map<String, org.wardheat.service.WardContexts.Figures> figures, String boundaries) {
        java.util.LinkedHashSet<String> bands = new java.util.LinkedHashSet<>();
        figures.values().forEach(f -> bands.addAll(f.byAge().keySet()));
        List<Column> columns = new java.util.ArrayList<>(List.of(text("ward_code"), text("ward_name"), decimal("residents", 0),
                decimal("mean_imd_rank", 1), decimal("share_imd_decile_1", 4)));
        bands.forEach(band -> columns.add(decimal("aged_" + ageColumn(band), 0)));
        FeatureTable.Builder b = FeatureTable.builder("context_" + boundaries, columns);
        for (Ward w : wards) {
            org.wardheat.service.WardContexts.Figures f = figures.get(w.code());
            List<Object> v = new java.util.ArrayList<>(List.of(w.code(), w.name()));
            v.add(f == null ? null : f.residents());
            v.add(f == null ? null : f.meanImdRank());
            v.add(f == null ? null : f.shareImdDecile1());
            bands.forEach(band -> v.add(f == null ? null : f.byAge().get(band)));
            b.add(w.geometry(), v.toArray());
        }
        return b.build();
    }

    /**
     * The table with the comparator columns: {@code comparator_set} (the other boundary set) and {@code comparator_rate}, the
     * rate of the whole of that set for the row ({@code rate} of its first column's value: the category of a strategic
     * table, the ward code of a ward table), same rate base as the table's rate column.
     */
    public static FeatureTable withComparator(FeatureTable t, String set, java.util.function.Function<Object, Double> rate) {
        return t.withColumn(text("comparator_set"), row -> set).withColumn(decimal("comparator_rate", 3), row -> rate.apply(row.get(0)));
    }

    /** A Census band label as a column name part: "Aged 16 to 24 years" is 16_24, "Aged 65 years and over" 65_plus. */
    static String ageColumn(String band) {
        org.wardheat.model.AgeGroup g = org.wardheat.model.AgeGroup.ofCensusBand(band);
        return g == null ? band.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_") : g.to() == null ? g.from() + "_plus" : g.from() + "_" + g.to();
    }

    /** The monthly needle table: one row per year, no geometry. */
    public static FeatureTable monthly(MonthlyTable.Table t, String period) {
        return monthly(t, "needles-" + t.measure(), null, period);
    }

    /** A month × year table of any selection ({@code what}, e.g. trends-table-records, in {@code scope}): one row per year. */
    public static FeatureTable monthly(MonthlyTable.Table t, String what, String scope, String period) {
        List<Column> columns = new ArrayList<>(List.of(text("year")));
        t.monthNames().forEach(m -> columns.add(decimal(m, 3)));
        columns.add(decimal("total", 3));
        FeatureTable.Builder b = FeatureTable.builder(name(what, scope, period, List.of()), columns);
        for (MonthlyTable.Row r : t.rows()) {
            Object[] values = new Object[columns.size()];
            values[0] = r.label();
            for (int k = 0; k < 12; k++) {
                values[k + 1] = r.months()[k];
            }
            values[13] = r.total();
            b.add(null, values);
        }
        return b.build();
    }

    /**
     * The annual series: one row per year with its count, the year before's ({@code previous_year_count}) and the
     * year-on-year change (empty when either year lacks data for some of its 12 months).
     */
    public static FeatureTable trendAnnual(List<Trends.Year> years, String what, String scope, String period) {
        FeatureTable.Builder b = FeatureTable.builder(name(what, scope, period, List.of()), text("year"), text("start"),
                integer("months_with_data"), decimal("count", 3), decimal("previous_year_count", 3), decimal("change", 3),
                decimal("change_pct", 1));
        Double previous = null;
        for (Trends.Year y : years) {
            b.add(null, y.label(), y.start().toString(), y.monthsInPeriod(), y.total(), previous, y.change(), y.changePct());
            previous = y.total();
        }
        return b.build();
    }

    /** The monthly series: one row per month with its rolling 12-month total (empty for the period's first 11 months). */
    public static FeatureTable trendRolling(List<Trends.Month> months, String what, String scope, String period) {
        FeatureTable.Builder b = FeatureTable.builder(name(what, scope, period, List.of()), text("month"), decimal("value", 3),
                decimal("rolling_12", 3));
        for (Trends.Month m : months) {
            b.add(null, m.month().toString(), m.value(), m.rolling12());
        }
        return b.build();
    }

    /** The priority matrix: one ranked row per category or group, with each component, the score and the reasons. */
    /**
     * The priority matrix: one ranked row per category or group, with each component, the score, the reasons and the
     * months with data in each period; change_pct and change_p are empty when change is withheld (no comparable data).
     */
    public static FeatureTable priorities(List<PriorityMatrix.Row> rows, String boundaries, String period, String comparison,
                                          Coverage coverage) {
        FeatureTable.Builder b = FeatureTable.builder(name("priorities", boundaries, period, List.of()), integer("rank"), text("category"),
                text("kind"), integer("this_period"), integer("last_period"), decimal("rate_per_1000", 3), decimal("change_pct", 1),
                significant("change_p", 6), text("significant_rise"), decimal("top_ward_share", 3), decimal("harm_per_incident", 3),
                decimal("volume_score", 3), decimal("rate_score", 3), decimal("change_score", 3), decimal("concentration_score", 3),
                decimal("harm_score", 3), decimal("score", 1), text("reasons"), text("period"), text("comparison"),
                integer("months_with_data"), integer("comparison_months_with_data"));
        for (PriorityMatrix.Row r : rows) {
            PriorityMatrix.Input in = r.input();
            b.add(null, r.rank(), in.name(), in.kind(), in.count(), in.previous(), in.ratePer1000(), r.test() == null ? null : r.test().percentChange(),
                    r.test() == null ? null : r.test().pValue(), r.significantRise() ? "yes" : "no", in.topWardShare(), in.harmPerIncident(),
                    r.volume(), r.rate(), r.change(), r.concentration(), r.harm(), r.score(), r.reasons(), period, comparison,
                    coverage.period().covered().size(), coverage.comparison().covered().size());
        }
        return b.build();
    }

    /** The Knox near-repeat table: one row per distance and time band pair. */
    public static FeatureTable knox(NearRepeat.Result r, String period) {
        FeatureTable.Builder b = FeatureTable.builder(name("near-repeat", null, period, List.of()),
                text("distance"), text("time"), integer("observed"), decimal("expected", 2), decimal("knox_ratio", 2), decimal("p", 4));
        for (NearRepeat.Cell[] row : r.cells()) {
            for (NearRepeat.Cell c : row) {
                b.add(null, c.space(), c.time(), c.observed(), c.expected(), c.knoxRatio(), c.p());
            }
        }
        return b.build();
    }

    public static FeatureTable focusAreas(List<FocusArea> areas) {
        FeatureTable.Builder b = FeatureTable.builder("focus-areas", integer("id"), text("name"), text("boundaries"), text("wards"),
                text("updated_at"));
        for (FocusArea a : areas) {
            b.add(a.geometry(), a.id(), a.name(), a.boundaries(), String.join(",", a.wardCodes()), a.updatedAt());
        }
        return b.build();
    }

    private static Geometry point(double lon, double lat) {
        return Double.isNaN(lon) ? null : GeoJsonGeometry.FACTORY.createPoint(new Coordinate(lon, lat));
    }

    static String name(String what, String scope, String period, Collection<String> categories) {
        return name(what, scope, List.of(), period, categories);
    }

    /**
     * A download's file name (and GeoPackage table name), unique per selection: {@code what}, the scope (boundary
     * set or area), the datasets when chosen, the categories when chosen, then the period, joined with {@code _};
     * e.g. {@code wards_maidstone-2022_police_burglary_and_robbery_2022-01_2022-12}. One to three categories are
     * named (datasets likewise); more are {@code N-categories-} and a short hash of their names, so two selections never share a name.
     */
    static String name(String what, String scope, Collection<String> datasets, String period, Collection<String> categories) {
        StringBuilder s = new StringBuilder(what);
        if (scope != null && !scope.isBlank()) {
            s.append('_').append(scope);
        }
        token(s, datasets, "datasets");
        token(s, categories, "categories");
        return s.append('_').append(period.replace(':', '_')).toString();
    }

    private static void token(StringBuilder s, Collection<String> names, String noun) {
        if (names == null || names.isEmpty()) {
            return;
        }
        List<String> sorted = names.stream().sorted().toList();
        if (sorted.size() <= 3) {
            s.append('_').append(String.join("_and_", sorted.stream().map(Layers::slug).toList()));
        } else {
            s.append('_').append(sorted.size()).append('-').append(noun).append('-')
                    .append(String.format(Locale.ROOT, "%06x", String.join("\n", sorted).hashCode() & 0xffffff));
        }
    }

    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "blank" : slug;
    }
}
