package org.wardheat.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.wardheat.AreaService;
import org.wardheat.Workspace;
import org.wardheat.analysis.Period;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.export.Exporter;
import org.wardheat.export.FeatureTable;
import org.wardheat.export.Layers;
import org.wardheat.output.WardOutput;
import org.wardheat.store.NotFoundException;
import org.wardheat.store.Store;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.wardheat.http.ApiServer.integer;
import static org.wardheat.http.ApiServer.param;
import static org.wardheat.http.ApiServer.required;
import static org.wardheat.http.ApiServer.json;
import static org.wardheat.http.ApiServer.values;

/** Focus areas: save, list, rename, delete; the area summary and the strategic-assessment table. */
final class AreaRoutes {
    private final Workspace workspace;
    private final AreaService areas;

    AreaRoutes(Workspace workspace, AreaService areas) {
        this.workspace = workspace;
        this.areas = areas;
    }

    /** The area named by {@code area_id}, {@code ward} (repeatable) or {@code area} (GeoJSON), else the whole set. */
    AreaService.Area area(Request req) {
        Integer id = integer(req, "area_id");
        String boundaries = id != null ? null : required(req, "boundaries");
        return areas.resolve(boundaries, values(req, "ward"), req.queryParams("area"), id == null ? null : id.longValue());
    }

    /** Period and comparison as the ward view takes them. */
    static WardStatistics.Query query(Request req) {
        return WardStatistics.Query.of(values(req, "category"), values(req, "dataset"), required(req, "from"),
                required(req, "to"), req.queryParams("compare"), 5);
    }

    Object list(Request req, Response res) throws IOException {
        res.type("application/geo+json");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Exporter.geojson(Layers.focusAreas(workspace.store().focusAreas()), Map.of(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Body: {"name": "...", "boundaries": "ID", "wards": ["E05..."]} or {..., "geometry": {GeoJSON polygon}}. */
    Object save(Request req, Response res) throws IOException {
        JsonNode body = body(req);
        List<String> wards = new ArrayList<>();
        body.path("wards").forEach(w -> wards.add(w.asText()));
        JsonNode geometry = body.get("geometry");
        AreaService.Area a = areas.resolve(text(body, "boundaries"), wards, geometry == null || geometry.isNull() ? null : geometry.toString(), null);
        Store.FocusArea saved = areas.save(text(body, "name"), a);
        res.status(201);
        return json(res, Map.of("id", saved.id(), "name", saved.name(), "boundaries", saved.boundaries(), "wards", saved.wardCodes()));
    }

    Object rename(Request req, Response res) throws IOException {
        String name = text(body(req), "name");
        if (name.isBlank() || name.length() > 120) {
            throw new IllegalArgumentException("a focus area needs a name of 1 to 120 characters");
        }
        if (!workspace.store().renameFocusArea(id(req), name.trim())) {
            throw new NotFoundException("no saved focus area " + req.params("id"));
        }
        return json(res, Map.of("id", id(req), "name", name.trim()));
    }

    Object delete(Request req, Response res) throws IOException {
        if (!workspace.store().deleteFocusArea(id(req))) {
            throw new NotFoundException("no saved focus area " + req.params("id"));
        }
        return json(res, Map.of("deleted", id(req)));
    }

    Object summary(Request req, Response res) throws IOException {
        WardStatistics.Query q = query(req);
        return json(res, areas.summary(area(req), q.categories(), q.datasets(), q.period(), q.comparison()));
    }

    /** The strategic-assessment table as JSON, or CSV with {@code format=csv}. */
    Object strategic(Request req, Response res) throws IOException {
        FeatureTable t = strategicTable(req);
        if ("csv".equals(req.queryParams("format"))) {
            res.type(Exporter.Format.CSV.mediaType);
            res.header("Content-Disposition", "attachment; filename=\"" + t.name() + ".csv\"");
            return new String(Exporter.bytes(t, Exporter.Format.CSV), StandardCharsets.UTF_8);
        }
        WardStatistics.Query q = query(req);
        AreaService.Area a = area(req);
        return json(res, Map.of("scope", a.name(), "period", q.period().toString(), "comparison", q.comparison().toString(),
                "rows", areas.table(a, Set.of(), q.datasets(), q.period(), q.comparison())));
    }

    FeatureTable strategicTable(Request req) {
        WardStatistics.Query q = query(req);
        AreaService.Area a = area(req);
        String scope = param(req, "area_id", null) != null ? "area-" + req.queryParams("area_id")
                : a.wardCodes().isEmpty() ? (a.polygon() == null ? a.boundaries() : "drawn-area") : String.join("-", a.wardCodes());
        return Layers.strategic(areas.table(a, Set.of(), q.datasets(), q.period(), q.comparison()), scope,
                q.period().toString(), q.comparison().toString());
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
