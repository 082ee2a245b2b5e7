package org.wardheat.http;

import org.wardheat.boundaries.BoundaryReader;
import org.wardheat.boundaries.WardPopulation;
import org.wardheat.service.Workspace;
import spark.Request;
import spark.Response;

import java.util.LinkedHashMap;
import java.util.Map;


/**
 * Starting from nothing in the browser, as the CLI's {@code boundaries add} and {@code population add} do:
 * {@code POST /api/boundaries?id=ID[&code_field=F&name_field=F]} with a ward GeoJSON, and
 * {@code POST /api/population?boundaries=ID} with a ward CSV (ward code, residents); each a multipart upload
 * (field {@code file}), same-origin only, bounded as {@code /api/import}. Each answers what it stored.
 */
final class BoundaryUploadRoutes {
    private final Workspace workspace;
    private final long uploadBytes;

    BoundaryUploadRoutes(Workspace workspace, long uploadBytes) {
        this.workspace = workspace;
        this.uploadBytes = uploadBytes;
    }

    Object addBoundaries(Request req, Response res) throws Exception {
        String id = QueryBinder.required(req, "id");
        return MultipartFiles.receive(req, workspace.store().dataDir(), uploadBytes, files -> {
            if (files.size() != 1) {
                throw new IllegalArgumentException("send one GeoJSON file of wards, not " + files.size());
            }
            BoundaryReader.Result r = workspace.addBoundaries(id, files.get(0).path(), QueryBinder.text(req, "code_field"),
                    QueryBinder.text(req, "name_field"));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", id);
            out.put("source", files.get(0).name());
            out.put("wards", r.wards().size());
            out.put("code_field", r.codeField());
            out.put("name_field", r.nameField());
            out.put("source_crs", r.sourceCrs());
            out.put("repaired", r.repaired());
            return Replies.json(res, out);
        });
    }

    Object addPopulation(Request req, Response res) throws Exception {
        String set = QueryBinder.required(req, "boundaries");
        return MultipartFiles.receive(req, workspace.store().dataDir(), uploadBytes, files -> {
            if (files.size() != 1) {
                throw new IllegalArgumentException("send one CSV of ward code and residents, not " + files.size());
            }
            WardPopulation.Result r = workspace.addPopulationCsv(set, files.get(0).path());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("boundaries", set);
            out.put("source", files.get(0).name());
            out.put("wards", r.residents().size());
            out.put("residents", Math.round(r.residents().values().stream().mapToDouble(Double::doubleValue).sum()));
            out.put("notes", r.notes());
            return Replies.json(res, out);
        });
    }
}
