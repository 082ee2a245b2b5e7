package org.wardheat.http;

import com.fasterxml.jackson.core.JsonGenerator;
import org.wardheat.service.RepeatService;
import org.wardheat.output.WardOutput;
import org.wardheat.repeats.Encampments;
import spark.Request;
import spark.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.wardheat.http.Params.json;


/** Routes for record-level analyses: repeat locations, the needle table, encampments and near repeats. */
final class RecordRoutes {
    private final RepeatService service;

    RecordRoutes(RepeatService service) {
        this.service = service;
    }

    /** Repeat locations as GeoJSON points (proportional symbols on the map), ranked, with totals and outliers. */
    Object repeats(Request req, Response res) throws IOException {
        RepeatService.RepeatResult r = Queries.repeats(service, req);
        res.type("application/geo+json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = WardOutput.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeFieldName("parameters");
            WardOutput.JSON.writeValue(g, r.parameters());
            g.writeObjectFieldStart("totals");
            g.writeNumberField("places", r.placesFound());
            g.writeNumberField("records", r.records());
            g.writeNumberField("count", r.count());
            g.writeNumberField("count_without_outliers", r.countWithoutOutliers());
            g.writeNumberField("outlier_records", r.outlierRecords());
            g.writeEndObject();
            g.writeFieldName("outliers");
            WardOutput.JSON.writeValue(g, r.outliers());
            g.writeArrayFieldStart("features");
            for (RepeatService.Place p : r.places()) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeFieldName("properties");
                WardOutput.JSON.writeValue(g, p);
                g.writeFieldName("geometry");
                if (Double.isNaN(p.lon())) {
                    g.writeNull();
                } else {
                    g.writeStartObject();
                    g.writeStringField("type", "Point");
                    g.writeArrayFieldStart("coordinates");
                    g.writeNumber(Math.round(p.lon() * 1e6) / 1e6);
                    g.writeNumber(Math.round(p.lat() * 1e6) / 1e6);
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    Object needlesTable(Request req, Response res) throws IOException {
        return json(res, Queries.needles(service, req));
    }

    Object encampments(Request req, Response res) throws IOException {
        List<Encampments.Year> years = Queries.encampments(service, req);
        return json(res, java.util.Map.of("years", years, "rule",
                "days in situ count the arrival and the departure day (3rd to 5th = 3 days); an encampment without an end date is open and counted to as_of (0 days if it arrived after it); an encampment and its whole stay (in the average) belong to its arrival year, and total days are split: each year counts the days in it, up to the end of the period"));
    }

    Object nearRepeat(Request req, Response res) throws IOException {
        return json(res, Queries.nearRepeat(service, req));
    }
}
