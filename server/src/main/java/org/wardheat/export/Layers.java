package org.wardheat.export;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.wardheat.service.AreaService;
import org.wardheat.service.RepeatService;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.boundaries.Projection;
import org.wardheat.boundaries.Ward;
import org.wardheat.hotspot.CellLayer;
import org.wardheat.repeats.Encampments;
import org.wardheat.output.CsvWriter;
import org.wardheat.store.FocusArea;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns each analysis result into a {@link FeatureTable} named after what it holds and when. */
public final class Layers {
    private Layers() {
    }

    /** A boundary set's wards with their code, name and district. */
    public static FeatureTable boundaries(String id, List<Ward> wards) {
        FeatureTable.Builder b = FeatureTable.builder("boundaries_" + id, "ward_code", "ward_name", "district");
        wards.forEach(w -> b.add(w.geometry(), w.code(), w.name(), w.district()));
        return b.build();
    }

    public static FeatureTable wards(WardStatistics.Result r, List<Ward> wards, String boundaries) {
        Map<String, Geometry> geometry = new HashMap<>();
        wards.forEach(w -> geometry.put(w.code(), w.geometry()));
        FeatureTable.Builder b = FeatureTable.builder(name("wards", boundaries, r.query().period().toString(), r.query().categories()),
                "ward_code", "ward_name", "count", "rate_per_1000", "share", "rank", "previous_count", "change", "change_pct");
        for (WardStatistics.WardRow w : r.wards()) {
            b.add(geometry.get(w.code()), w.code(), w.name(), w.count(), w.ratePer1000(), w.share(), w.rank(), w.previousCount(),
                    w.change(), w.changePct());
        }
        return b.build();
    }

    /** All cells of a hotspot layer. */
    public static FeatureTable cells(CellLayer layer) {
        return cells(layer, null);
    }

    /**
     * A hotspot layer as a table: {@code cell_id,lon,lat,easting,northing} (the cell centre) then the
     * analysis columns, decimals to 6 significant digits; cells clipped to the area, in WGS84.
     *
     * @param include which cells to keep, or {@code null} for all
     */
    public static FeatureTable cells(CellLayer layer, boolean[] include) {
        String period = String.valueOf(layer.parameters().get("period"));
        Object cats = layer.parameters().get("categories");
        List<String> columns = new ArrayList<>(List.of("cell_id", "lon", "lat", "easting", "northing"));
        columns.addAll(layer.columns().keySet());
        FeatureTable.Builder b = FeatureTable.builder(name("hotspots-" + layer.analysis(), String.valueOf(layer.parameters().get("boundaries")),
                period, cats instanceof java.util.Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of()), columns.toArray(new String[0]));
        double[] lonLat = layer.grid().centresLonLat();
        for (int c = 0; c < layer.grid().size(); c++) {
            if (include != null && !include[c]) {
                continue;
            }
            Object[] values = new Object[columns.size()];
            values[0] = layer.grid().id(c);
            values[1] = CsvWriter.round(lonLat[2 * c], 6);
            values[2] = CsvWriter.round(lonLat[2 * c + 1], 6);
            values[3] = CsvWriter.round(layer.grid().x(c), 1);
            values[4] = CsvWriter.round(layer.grid().y(c), 1);
            int k = 5;
            for (String column : layer.columns().keySet()) {
                values[k++] = significant(layer.value(column, c));
            }
            b.add(Projection.transform(layer.grid().geometry(c), layer.grid().crs(), Projection.WGS84), values);
        }
        return b.build();
    }

    /** Doubles to 6 significant digits (whole numbers as integers, NaN as null); other values unchanged. */
    static Object significant(Object v) {
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return null;
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return d.longValue();
            }
            return new java.math.BigDecimal(d).round(new java.math.MathContext(6)).doubleValue();
        }
        return v;
    }

    public static FeatureTable repeats(RepeatService.RepeatResult r, String what) {
        FeatureTable.Builder b = FeatureTable.builder(name("repeat-locations", what, String.valueOf(r.parameters().get("period")), List.of()),
                "rank", "place", "ward_code", "ward_name", "records", "count", "first", "last", "outlier_records");
        for (RepeatService.Place p : r.places()) {
            b.add(Double.isNaN(p.lon()) ? null : GeoJsonGeometry.FACTORY.createPoint(new Coordinate(p.lon(), p.lat())), p.rank(), p.label(),
                    p.wardCode(), p.wardName(), p.records(), p.count(), p.first(), p.last(), p.outlierRecords());
        }
        return b.build();
    }

    public static FeatureTable encampments(List<Encampments.Year> years, String period) {
        FeatureTable.Builder b = FeatureTable.builder(name("encampments", null, period, List.of()),
                "year", "location", "start", "end", "days", "open", "details");
        for (Encampments.Year y : years) {
            for (Encampments.Stay s : y.stays()) {
                b.add(Double.isNaN(s.lon()) ? null : GeoJsonGeometry.FACTORY.createPoint(new Coordinate(s.lon(), s.lat())), y.label(),
                        s.location(), s.start(), s.end(), s.days(), s.open() ? "open" : "", s.extra());
            }
        }
        return b.build();
    }

    /** The strategic-assessment table: no geometry. */
    public static FeatureTable strategic(List<AreaService.CategoryRow> rows, String scope, String period, String comparison) {
        FeatureTable.Builder b = FeatureTable.builder(name("strategic-assessment", scope, period, List.of()),
                "category", "this_period", "last_period", "difference", "change_pct", "rate_per_1000", "period", "comparison");
        for (AreaService.CategoryRow r : rows) {
            b.add(null, r.category(), r.count(), r.previous(), r.difference(), r.changePct() == null ? null : Math.round(r.changePct() * 10) / 10.0,
                    r.ratePer1000() == null ? null : Math.round(r.ratePer1000() * 1000) / 1000.0, period, comparison);
        }
        return b.build();
    }

    /** The monthly needle table: one row per year. */
    public static FeatureTable monthly(org.wardheat.repeats.MonthlyTable.Table t, String period) {
        List<String> columns = new ArrayList<>(List.of("year"));
        columns.addAll(t.monthNames());
        columns.add("total");
        FeatureTable.Builder b = FeatureTable.builder(name("needles-" + t.measure(), null, period, List.of()), columns.toArray(new String[0]));
        for (org.wardheat.repeats.MonthlyTable.Row r : t.rows()) {
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

    /** The Knox near-repeat table: one row per distance and time band pair. */
    public static FeatureTable knox(org.wardheat.repeats.NearRepeat.Result r, String period) {
        FeatureTable.Builder b = FeatureTable.builder(name("near-repeat", null, period, List.of()),
                "distance", "time", "observed", "expected", "knox_ratio", "p");
        for (org.wardheat.repeats.NearRepeat.Cell[] row : r.cells()) {
            for (org.wardheat.repeats.NearRepeat.Cell c : row) {
                b.add(null, c.space(), c.time(), c.observed(), Math.round(c.expected() * 100) / 100.0,
                        c.knoxRatio() == null ? null : Math.round(c.knoxRatio() * 100) / 100.0, c.p());
            }
        }
        return b.build();
    }

    public static FeatureTable focusAreas(List<FocusArea> areas) {
        FeatureTable.Builder b = FeatureTable.builder("focus-areas", "id", "name", "boundaries", "wards", "updated_at");
        for (FocusArea a : areas) {
            b.add(a.geometry(), a.id(), a.name(), a.boundaries(), String.join(",", a.wardCodes()), a.updatedAt());
        }
        return b.build();
    }

    static String name(String what, String scope, String period, java.util.Collection<String> categories) {
        StringBuilder s = new StringBuilder(what);
        if (scope != null && !scope.isBlank()) {
            s.append('_').append(scope);
        }
        if (categories != null && categories.size() == 1) {
            s.append('_').append(categories.iterator().next().toLowerCase().replaceAll("[^a-z0-9]+", "-"));
        }
        return s.append('_').append(period.replace(':', '_')).toString();
    }
}
