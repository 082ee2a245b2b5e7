package org.wardheat.http;

import com.fasterxml.jackson.core.JsonGenerator;
import org.locationtech.jts.geom.Coordinate;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.export.Exporter;
import org.wardheat.query.Analyses;
import org.wardheat.service.RepeatService;
import spark.Request;
import spark.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Routes for record-level analyses: repeat locations, the needle table, encampments and near repeats. */
final class RecordRoutes {
    private final Analyses analyses;

    RecordRoutes(Analyses analyses) {
        this.analyses = analyses;
    }

    /**
     * Repeat locations as GeoJSON points (proportional symbols on the map), ranked, with totals and outliers;
     * each place's figures, with its counts by period, are its properties. Downloads: {@code /api/export/repeats}.
     */
    Object repeats(Request req, Response res) throws IOException {
        RepeatService.RepeatResult r = analyses.repeats(QueryBinder.repeats(req));
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("places", r.placesFound());
        totals.put("records", r.records());
        totals.put("count", r.count());
        totals.put("count_without_outliers", r.countWithoutOutliers());
        totals.put("outlier_records", r.outlierRecords());
        res.type(Exporter.Format.GEOJSON.mediaType);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Exporter.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeFieldName("parameters");
            Exporter.JSON.writeValue(g, r.parameters());
            g.writeFieldName("totals");
            Exporter.JSON.writeValue(g, totals);
            g.writeFieldName("outliers");
            Exporter.JSON.writeValue(g, r.outliers());
            g.writeArrayFieldStart("features");
            for (RepeatService.Place p : r.places()) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeFieldName("properties");
                Exporter.JSON.writeValue(g, p);
                g.writeFieldName("geometry");
                Exporter.writeGeometry(g, Double.isNaN(p.lon()) ? null : GeoJsonGeometry.FACTORY.createPoint(new Coordinate(p.lon(), p.lat())));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    Object needlesTable(Request req, Response res) throws IOException {
        return Replies.json(res, analyses.needles(QueryBinder.needles(req)));
    }

    Object encampments(Request req, Response res) throws IOException {
        return Replies.json(res, Map.of("years", analyses.encampments(QueryBinder.encampments(req)), "rule",
                "days in situ count the arrival and the departure day (3rd to 5th = 3 days); an encampment without an end date is open and counted to as_of (0 days if it arrived after it); an encampment and its whole stay (in the average) belong to its arrival year, and total days are split: each year counts the days in it, up to the end of the period"));
    }

    Object nearRepeat(Request req, Response res) throws IOException {
        return Replies.json(res, analyses.nearRepeat(QueryBinder.nearRepeat(req)));
    }
}
