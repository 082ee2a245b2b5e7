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
    private final org.wardheat.store.AreaOwners owners;
    private final org.wardheat.service.AccessService access;

    AreaRoutes(AreaService areas, Analyses analyses, org.wardheat.store.AreaOwners owners, org.wardheat.service.AccessService access) {
        this.areas = areas;
        this.analyses = analyses;
        this.owners = owners;
        this.access = access;
    }

    /** The saved areas the caller may see: every one with {@code export} rights (analyst, admin, open), else their own. */
    Object list(Request req, Response res) throws IOException {
        Caller c = RequestContext.current().caller();
        List<FocusArea> visible = areas.saved().stream().filter(a -> mayRead(c, a.id())).toList();
        return Replies.table(res, org.wardheat.export.Layers.focusAreas(visible), Exporter.Format.GEOJSON, Map.of(), false);
    }

    /** True when {@code c} may read saved area {@code id}: open, analyst or admin, or its owner. */
    private boolean mayRead(Caller c, long id) {
        return c.open() || c.role().may(org.wardheat.model.Permission.EXPORT) || owned(c, id);
    }

    /** True when {@code c} may rename or delete saved area {@code id}: open, admin, or its owner. */
    private boolean mayChange(Caller c, long id) {
        return c.open() || c.role().may(org.wardheat.model.Permission.ADMIN) || owned(c, id);
    }

    private boolean owned(Caller c, long id) {
        return c.user() != null && owners.owner(id).map(c.user()::equals).orElse(false);
    }

    /** Refuses a saved area the caller may not use (403), so that a viewer's area id cannot reach another's. */
    void checkReadable(Long id) {
        if (id != null && !mayRead(RequestContext.current().caller(), id)) {
            throw new AccessDeniedException(403, "focus area " + id + " is someone else's");
        }
    }

    /** Body: {"name": "...", "boundaries": "ID", "wards": ["E05..."]} or {..., "geometry": {GeoJSON polygon}}. */
    Object save(Request req, Response res) throws IOException {
        JsonNode body = body(req);
        List<String> wards = new ArrayList<>();
        body.path("wards").forEach(w -> wards.add(w.asText()));
        JsonNode geometry = body.get("geometry");
        AreaService.Area a = areas.resolve(text(body, "boundaries"), wards, geometry == null || geometry.isNull() ? null : geometry.toString(), null);
        FocusArea saved = areas.save(text(body, "name"), a);
        Caller c = RequestContext.current().caller();
        if (!c.open()) {
            owners.set(saved.id(), c.user());
        }
        res.status(201);
        return Replies.json(res, Map.of("id", saved.id(), "name", saved.name(), "boundaries", saved.boundaries(), "wards", saved.wardCodes()));
    }

    Object rename(Request req, Response res) throws IOException {
        checkChangeable(id(req));
        String name = areas.rename(id(req), text(body(req), "name"));
        return Replies.json(res, Map.of("id", id(req), "name", name));
    }

    Object delete(Request req, Response res) throws IOException {
        long id = id(req);
        checkChangeable(id);
        Caller c = RequestContext.current().caller();
        String owner = owners.owner(id).orElse(null);
        areas.delete(id);
        owners.remove(id);
        access.record(c.actor(), "delete-area", String.valueOf(id), java.util.Collections.singletonMap("owner", owner));
        return Replies.json(res, Map.of("deleted", id(req)));
    }

    private void checkChangeable(long id) {
        if (!mayChange(RequestContext.current().caller(), id)) {
            throw new AccessDeniedException(403, "focus area " + id + " is someone else's; only an admin may change it");
        }
    }

    Object summary(Request req, Response res) throws IOException {
        org.wardheat.query.AreaSummaryQuery q = QueryBinder.areaSummary(req);
        checkReadable(q.area().areaId());
        return Replies.json(res, analyses.areaSummaryReply(q));
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
        checkReadable(q.area().areaId());
        if (RequestContext.current().caller().role().disclosureControlled()) {
            // a viewer's figures come only from the disclosure-controlled table: its rows as the page reads them
            return Replies.table(res, analyses.strategicTable(q), QueryBinder.format(req, Exporter.Format.GEOJSON), Map.of(),
                    QueryBinder.text(req, "format") != null);
        }
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

    /** The request's body as a JSON object; 400 otherwise. */
    static JsonNode body(Request req) {
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

    /** A text field of a JSON body; 400 naming it when absent. */
    static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("the body needs a text field '" + field + "'");
        }
        return v.asText();
    }
}
