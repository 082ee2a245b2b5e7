package org.wardheat.http;

import org.wardheat.imports.ColumnMapping;
import org.wardheat.imports.ImportException;
import org.wardheat.imports.ImportReport;
import org.wardheat.imports.ImportSource;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.service.Workspace;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.wardheat.http.Params.json;
import static org.wardheat.http.Params.param;

/**
 * {@code POST /api/import}: a multipart upload (field {@code file}, repeatable) imported as the CLI's
 * {@code import} does; police.uk by default, council records with {@code preset=} or {@code map_ROLE=}.
 */
final class ImportRoutes {
    private final Workspace workspace;
    private final long uploadBytes;

    /** @param uploadBytes the largest multipart body accepted, enforced again by the parser while it streams */
    ImportRoutes(Workspace workspace, long uploadBytes) {
        this.workspace = workspace;
        this.uploadBytes = uploadBytes;
    }

    Object upload(Request req, Response res) throws Exception {
        try {
            return Uploads.receive(req, uploadBytes, files -> {
                List<ImportSource> sources = new ArrayList<>();
                for (Uploads.Saved f : files) {
                    sources.addAll(ImportSource.of(f.path(), f.name()));
                }
                String preset = param(req, "preset", null);
                Map<String, String> columns = new LinkedHashMap<>();
                for (String role : ColumnMapping.ROLES) {
                    String v = param(req, "map_" + role, null);
                    if (v != null) {
                        columns.put(role, v);
                    }
                }
                if (param(req, "category", null) != null) {
                    columns.put("category", req.queryParams("category"));
                }
                ColumnMapping mapping = preset != null ? ColumnMapping.preset(preset).with(columns)
                        : columns.isEmpty() ? null : ColumnMapping.of(columns);
                IncidentFormat format = mapping == null ? IncidentFormat.POLICE_UK : IncidentFormat.council(mapping);
                String dataset = param(req, "dataset", preset != null ? preset : mapping != null ? "council" : "police-uk");
                String boundaries = param(req, "boundaries", null);
                ImportReport report = workspace.importSources(sources, format, dataset, boundaries);
                return json(res, report);
            });
        } catch (IOException e) {
            throw new ImportException(e.getMessage(), e);
        }
    }
}
