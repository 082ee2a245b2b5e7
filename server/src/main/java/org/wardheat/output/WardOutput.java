package org.wardheat.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.boundaries.Ward;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes ward statistics as CSV, JSON or an RFC 7946 GeoJSON layer (WGS84 lon/lat, no crs member). */
public final class WardOutput {
    public static final List<String> CSV_COLUMNS = List.of("ward_code", "ward_name", "count", "rate_per_1000", "share",
            "rank", "previous_count", "change", "change_pct");
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private WardOutput() {
    }

    /** One row per ward, ranked; rate to 3 places, share to 4, % change to 1. */
    public static void csv(WardStatistics.Result result, Writer out) throws IOException {
        CsvWriter csv = new CsvWriter(out);
        csv.row(CSV_COLUMNS);
        for (WardStatistics.WardRow w : result.wards()) {
            csv.row(java.util.Arrays.asList(w.code(), w.name(), w.count(), CsvWriter.round(w.ratePer1000(), 3),
                    CsvWriter.round(w.share(), 4), w.rank(), w.previousCount(), w.change(),
                    CsvWriter.round(w.changePct(), 1)));
        }
        out.flush();
    }

    public static void json(WardStatistics.Result result, OutputStream out) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(out, result);
    }

    /**
     * A FeatureCollection with one Feature per ward: the statistics and the monthly series as properties;
     * the totals, top-N share, months and the query as foreign members.
     */
    public static void geojson(WardStatistics.Result result, List<Ward> wards, OutputStream out) throws IOException {
        Map<String, WardStatistics.WardRow> rows = new HashMap<>();
        result.wards().forEach(r -> rows.put(r.code(), r));
        Map<String, long[]> series = new HashMap<>();
        result.series().forEach(s -> series.put(s.code(), s.counts()));
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeFieldName("query");
            JSON.writeValue(g, result.query());
            g.writeFieldName("totals");
            JSON.writeValue(g, result.totals());
            g.writeFieldName("top");
            JSON.writeValue(g, result.top());
            g.writeFieldName("months");
            JSON.writeValue(g, result.months());
            g.writeArrayFieldStart("features");
            for (Ward ward : wards) {
                WardStatistics.WardRow r = rows.get(ward.code());
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeStringField("id", ward.code());
                g.writeObjectFieldStart("properties");
                g.writeStringField("ward_code", r.code());
                g.writeStringField("ward_name", r.name());
                g.writeStringField("district", ward.district());
                g.writeNumberField("count", r.count());
                writeNullable(g, "residents", r.residents());
                writeNullable(g, "rate_per_1000", CsvWriter.round(r.ratePer1000(), 3));
                g.writeNumberField("share", CsvWriter.round(r.share(), 4));
                g.writeNumberField("rank", r.rank());
                g.writeNumberField("previous_count", r.previousCount());
                g.writeNumberField("change", r.change());
                writeNullable(g, "change_pct", CsvWriter.round(r.changePct(), 1));
                // the change's exact Poisson test (rates per month of each period), for the map's info popup
                org.wardheat.stats.PoissonRateTest.Comparison test = org.wardheat.stats.PoissonRateTest.compare(r.count(),
                        result.query().period().length(), r.previousCount(), result.query().comparison().length());
                g.writeNumberField("change_p", CsvWriter.round(test.pValue(), 4));
                g.writeStringField("change_reading", org.wardheat.stats.ChangeReading.of(test, 0.05));
                g.writeFieldName("series");
                g.writeArray(series.get(ward.code()), 0, result.months().size());
                g.writeEndObject();
                g.writeFieldName("geometry");
                GeoJsonGeometry.write(ward.geometry(), g, 6);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writeNullable(JsonGenerator g, String name, Double value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }
}
