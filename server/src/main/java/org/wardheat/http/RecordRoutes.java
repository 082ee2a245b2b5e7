package org.wardheat.http;

import com.fasterxml.jackson.core.JsonGenerator;
import org.wardheat.RepeatService;
import org.wardheat.analysis.Period;
import org.wardheat.output.WardOutput;
import org.wardheat.repeats.Encampments;
import org.wardheat.repeats.Outliers;
import org.wardheat.repeats.Places;
import spark.Request;
import spark.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.wardheat.http.ApiServer.decimal;
import static org.wardheat.http.ApiServer.integer;
import static org.wardheat.http.ApiServer.param;
import static org.wardheat.http.ApiServer.required;
import static org.wardheat.http.ApiServer.json;
import static org.wardheat.http.ApiServer.values;

/** Routes for record-level analyses: repeat locations, the needle table, encampments and near repeats. */
final class RecordRoutes {
    private final RepeatService service;

    RecordRoutes(RepeatService service) {
        this.service = service;
    }

    private static RepeatService.Selection selection(Request req, String defaultDataset) {
        List<String> datasets = values(req, "dataset");
        return new RepeatService.Selection(Set.copyOf(datasets.isEmpty() && defaultDataset != null ? List.of(defaultDataset) : datasets),
                Set.copyOf(values(req, "category")), Period.of(required(req, "from"), required(req, "to")),
                param(req, "boundaries", null), param(req, "ward", null),
                req.queryParams("area") == null ? null : org.wardheat.boundaries.AreaReader.read(req.queryParams("area")));
    }

    private static Outliers.Rules rules(Request req) {
        Double r = decimal(req, "outlier_record_factor"), p = decimal(req, "outlier_place_factor"), m = decimal(req, "outlier_minimum");
        Outliers.Rules d = Outliers.Rules.DEFAULT;
        return new Outliers.Rules(r == null ? d.recordFactor() : r, p == null ? d.placeFactor() : p, m == null ? d.minimum() : m);
    }

    /** Repeat locations as GeoJSON points (proportional symbols on the map), ranked, with totals and outliers. */
    Object repeats(Request req, Response res) throws IOException {
        RepeatService.RepeatResult r = repeatResult(req);
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

    RepeatService.RepeatResult repeatResult(Request req) {
        List<Period> periods = Period.parseList(req.queryParams("periods"));
        Integer top = integer(req, "top");
        return service.repeats(selection(req, null), Places.Rule.parse(param(req, "group_by", "coordinates")),
                decimal(req, "distance") == null ? 50 : decimal(req, "distance"),
                integer(req, "min_points") == null ? 2 : integer(req, "min_points"), param(req, "by", "records"),
                top == null ? 20 : top, periods, rules(req), "true".equals(req.queryParams("exclude_outliers")));
    }

    List<Encampments.Year> encampmentYears(Request req) {
        Integer first = integer(req, "first_month");
        LocalDate asOf = req.queryParams("as_of") == null ? LocalDate.now() : LocalDate.parse(req.queryParams("as_of"));
        return service.encampments(selection(req, "encampments"), first == null ? 1 : first, asOf);
    }

    Object needlesTable(Request req, Response res) throws IOException {
        return json(res, monthlyTable(req));
    }

    org.wardheat.repeats.MonthlyTable.Table monthlyTable(Request req) {
        Integer first = integer(req, "first_month");
        return service.monthlyTable(selection(req, "needle-finds"), first == null ? 1 : first,
                param(req, "measure", "count"), rules(req), "true".equals(req.queryParams("exclude_outliers")));
    }

    Object encampments(Request req, Response res) throws IOException {
        List<Encampments.Year> years = encampmentYears(req);
        return json(res, java.util.Map.of("years", years, "rule",
                "days in situ count the arrival and the departure day (3rd to 5th = 3 days); an encampment without an end date is open and counted to as_of (0 days if it arrived after it); an encampment and its whole stay (in the average) belong to its arrival year, and total days are split: each year counts the days in it, up to the end of the period"));
    }

    Object nearRepeat(Request req, Response res) throws IOException {
        return json(res, nearRepeatResult(req));
    }

    org.wardheat.repeats.NearRepeat.Result nearRepeatResult(Request req) {
        double[] bands = Arrays.stream(param(req, "bands", "200,400,600,800,1000").split(",")).map(String::trim)
                .mapToDouble(Double::parseDouble).toArray();
        Integer width = integer(req, "time_width"), count = integer(req, "time_bands"), sims = integer(req, "simulations");
        Integer seed = integer(req, "seed");
        return service.nearRepeat(selection(req, null), bands, width, count, sims == null ? 999 : sims, seed == null ? 1 : seed);
    }
}
