package org.wardheat.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.wardheat.service.AreaService;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.export.Exporter;
import org.wardheat.export.FeatureTable;
import org.wardheat.export.Layers;
import org.wardheat.output.WardOutput;
import org.wardheat.store.FocusArea;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.wardheat.http.Params.json;


/** Focus areas: save, list, rename, delete; the area summary and the strategic-assessment table. */
final class AreaRoutes {
    private final AreaService areas;

    AreaRoutes(AreaService areas) {
        this.areas = areas;
    }

    Object list(Request req, Response res) throws IOException {
        res.type("application/geo+json");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Exporter.geojson(Layers.focusAreas(areas.saved()), out);
        return out.toString(StandardCharsets.UTF_8);
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
        return json(res, Map.of("id", saved.id(), "name", saved.name(), "boundaries", saved.boundaries(), "wards", saved.wardCodes()));
    }

    Object rename(Request req, Response res) throws IOException {
        String name = areas.rename(id(req), text(body(req), "name"));
        return json(res, Map.of("id", id(req), "name", name));
    }

    Object delete(Request req, Response res) throws IOException {
        areas.delete(id(req));
        return json(res, Map.of("deleted", id(req)));
    }

    Object summary(Request req, Response res) throws IOException {
        WardStatistics.Query q = Queries.areaPeriods(req);
        return json(res, areas.summary(Queries.focusArea(areas, req), q.categories(), q.datasets(), q.period(), q.comparison()));
    }

    /** The strategic-assessment table as JSON, or CSV with {@code format=csv}. */
    Object strategic(Request req, Response res) throws IOException {
        FeatureTable t = Queries.strategic(areas, req);
        if ("csv".equals(req.queryParams("format"))) {
            res.type(Exporter.Format.CSV.mediaType);
            res.header("Content-Disposition", "attachment; filename=\"" + t.name() + ".csv\"");
            return new String(Exporter.bytes(t, Exporter.Format.CSV), StandardCharsets.UTF_8);
        }
        WardStatistics.Query q = Queries.areaPeriods(req);
        AreaService.Area a = Queries.focusArea(areas, req);
        return json(res, Map.of("scope", a.name(), "period", q.period().toString(), "comparison", q.comparison().toString(),
                "rows", areas.table(a, Set.of(), q.datasets(), q.period(), q.comparison())));
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
            JsonNode n = WardOutput.JSON.readTree(req.body());
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
