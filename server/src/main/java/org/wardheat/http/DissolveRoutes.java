package org.wardheat.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.wardheat.boundaries.WardDissolve;
import org.wardheat.service.Workspace;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CLI's {@code boundaries dissolve} from the page: {@code GET /api/boundaries/ID/fields} lists the ward
 * properties the set can be grouped by ({@code [{field, areas}]}), and {@code POST /api/boundaries/dissolve} with
 * the JSON {@code {"from": SET, "by": FIELD, "id": NEW}} makes the new set through {@link Workspace#dissolveBoundaries}
 * and answers what it stored.
 */
final class DissolveRoutes {
    private final Workspace workspace;

    DissolveRoutes(Workspace workspace) {
        this.workspace = workspace;
    }

    Object fields(Request req, Response res) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        workspace.dissolveFields(req.params("id")).forEach((field, areas) -> out.add(Map.of("field", field, "areas", areas)));
        return Replies.json(res, out);
    }

    Object dissolve(Request req, Response res) throws IOException {
        JsonNode body = AreaRoutes.body(req);
        String from = AreaRoutes.text(body, "from"), by = AreaRoutes.text(body, "by"), id = AreaRoutes.text(body, "id");
        if (workspace.store().boundaries().find(id).isPresent()) {
            throw new IllegalArgumentException("a boundary set with id '" + id + "' already exists; choose another id");
        }
        WardDissolve.Result r = workspace.dissolveBoundaries(from, by, id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("from", from);
        out.put("by", by);
        out.put("name_field", r.nameField());
        out.put("areas", r.areas().size());
        out.put("wards", r.members().values().stream().mapToInt(List::size).sum());
        out.put("with_population", r.residents().size());
        out.put("residents", Math.round(r.residents().values().stream().mapToDouble(Double::doubleValue).sum()));
        res.status(201);
        return Replies.json(res, out);
    }
}
