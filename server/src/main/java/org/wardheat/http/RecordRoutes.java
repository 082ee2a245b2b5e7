package org.wardheat.http;

import org.wardheat.export.Exporter;
import org.wardheat.export.Layers;
import org.wardheat.query.Analyses;
import org.wardheat.service.RepeatService;
import spark.Request;
import spark.Response;

import java.io.IOException;
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
        return Replies.table(res, Layers.repeatLayer(r), Exporter.Format.GEOJSON, Layers.repeatLayerMembers(r), false);
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
