package org.wardheat.http;

import org.wardheat.imports.ColumnMapping;
import org.wardheat.imports.ImportEncoding;
import org.wardheat.imports.ImportException;
import org.wardheat.imports.ImportReport;
import org.wardheat.imports.ImportSource;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.imports.Uploads;
import org.wardheat.service.Workspace;
import org.wardheat.text.InputLimits;
import spark.Request;
import spark.Response;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.wardheat.http.Params.json;
import static org.wardheat.http.Params.param;

/**
 * {@code POST /api/import}: a multipart upload (field {@code file}, repeatable) imported as the CLI's
 * {@code import} does; police.uk by default, council records with {@code preset=} or {@code map_ROLE=}, text
 * in {@code encoding=} (UTF-8 by default). The files wait in {@link Uploads}' directory of the data directory
 * and are deleted when the import ends.
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
        if (req.contentType() == null || !req.contentType().startsWith("multipart/form-data")) {
            throw new IllegalArgumentException("send the files as multipart/form-data in a field named 'file'");
        }
        Path tmp = Uploads.newDirectory(workspace.store().dataDir());
        try {
            req.raw().setAttribute("org.eclipse.jetty.multipartConfig",
                    new MultipartConfigElement(tmp.toString(), uploadBytes, uploadBytes, 1 << 20));
            List<ImportSource> sources = new ArrayList<>();
            int n = 0;
            for (Part part : req.raw().getParts()) {
                if (!part.getName().equals("file") || part.getSubmittedFileName() == null) {
                    continue;
                }
                String name = Path.of(part.getSubmittedFileName()).getFileName().toString();
                Path saved = tmp.resolve("upload-" + (n++));
                try (InputStream in = part.getInputStream()) {
                    Files.copy(in, saved, StandardCopyOption.REPLACE_EXISTING);
                }
                sources.addAll(ImportSource.of(saved, name));
            }
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("no file in the upload: use a form field named 'file'");
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
            ImportReport report = workspace.importSources(sources, format, dataset, boundaries,
                    ImportEncoding.parse(param(req, "encoding", null)), InputLimits.DEFAULT);
            return json(res, report);
        } catch (IOException e) {
            throw new ImportException(e.getMessage(), e);
        } finally {
            Uploads.delete(tmp);
        }
    }
}
