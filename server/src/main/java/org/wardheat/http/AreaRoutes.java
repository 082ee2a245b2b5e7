package org.wardheat.http;

import org.wardheat.query.Analyses;
import org.wardheat.query.StrategicQuery;

import com.fasterxml.jackson.databind.JsonNode;
import org.wardheat.service.AreaService;
import org.wardheat.export.Exporter;
import org.wardheat.store.FocusArea;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;



/** Focus areas: save, list, rename, delete; the area summary and the strategic-assessment table. */
final class AreaRoutes {
    private final AreaService areas;
    private final Analyses analyses;

    AreaRoutes(AreaService areas, Analyses analyses) {
        this.areas = areas;
        this.analyses = analyses;
    }

    Object list(Request req, Response res) throws IOException {
        return Replies.table(res, analyses.focusAreasTable(), Exporter.Format.GEOJSON, Map.of(), false);
    }

    /** Body: {"name": "...", "boundaries": "ID", "wards": ["E05..."]} or {..., "geometry": {GeoJSON polygon}}. */
    Object save(Request req, Response res) throws IOException {
        JsonNode body = body(req);
        List<String> wards = new ArrayList<>();
        body.path("wards").forEach(w -> wards.add(w.asText()));
        JsonNode geometry = body.get("geometry");
        AreaService.Area a = areas.resolve(text(body, "boundaries"), wards, geometry == null || geometry.isNull() ? null : geometry.toString(), null);
        FocusArea saved = areas.save(text(body, "name"), a);
        res.status(201);
        return Replies.json(res, Map.of("id", saved.id(), "name", saved.name(), "boundaries", saved.boundaries(), "wards", saved.wardCodes()));
    }

    Object rename(Request req, Response res) throws IOException {
        String name = areas.rename(id(req), text(body(req), "name"));
        return Replies.json(res, Map.of("id", id(req), "name", name));
    }

    Object delete(Request req, Response res) throws IOException {
        areas.delete(id(req));
        return Replies.json(res, Map.of("deleted", id(req)));
    }

    Object summary(Request req, Response res) throws IOException {
        return Replies.json(res, analyses.areaSummaryReply(QueryBinder.areaSummary(req)));
    }

    /** The strategic-assessment table as JSON; {@code format=csv|geojson|gpkg} is the download {@code /api/export/strategic}. */
    Object strategic(Request req, Response res) throws IOException {
        if (QueryBinder.flag(req, "each_area")) {
            org.wardheat.query.BreakdownQuery b = QueryBinder.breakdown(req);
            var rows = analyses.strategicEachArea(b);
            if (QueryBinder.text(req, "format") != null) {
                return Replies.table(res, analyses.strategicEachAreaTable(b, rows), QueryBinder.format(req, Exporter.Format.CSV), Map.of(), true);
            }
            return Replies.json(res, Map.of("boundaries", b.boundaries(), "period", b.filter().period().toString(),
                    "comparison", b.comparison().toString(), "rows", rows));
        }
        StrategicQuery q = QueryBinder.strategic(req);
        if (QueryBinder.text(req, "format") != null) {
            return Replies.table(res, analyses.strategicTable(q), QueryBinder.format(req, Exporter.Format.CSV), Map.of(), true);
        }
        List<AreaService.CategoryRow> rows = analyses.strategic(q);
        org.wardheat.model.Coverage coverage = analyses.strategicCoverage(q);
        Map<String, Object> reply = new java.util.LinkedHashMap<>();
        reply.put("scope", analyses.area(q.area()).name());
        reply.put("period", q.filter().period().toString());
        reply.put("comparison", q.comparison().toString());
        reply.put("measure", analyses.strategicMeasure(q));
        reply.put("coverage", coverage);
        reply.put("warnings", coverage.warnings());
        reply.put("rows", rows);
        return Replies.json(res, reply);
    }

    private static long id(Request req) {
        try {
            return Long.parseLong(req.params("id"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a focus area id is a number, not '" + req.params("id") + "'");
        }
    }

    private static JsonNode body(Request req) {
        try {
            JsonNode n = Exporter.JSON.readTree(req.body());
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("send a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not valid JSON: " + e.getMessage());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("the body needs a text field '" + field + "'");
        }
        return v.asText();
    }
}
