package org.wardheat.http;

import org.wardheat.query.ImportOptions;

import org.wardheat.imports.ColumnMapping;
import org.wardheat.imports.ImportEncoding;
import org.wardheat.imports.ImportException;
import org.wardheat.imports.ImportReport;
import org.wardheat.imports.ImportSource;
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
import java.util.List;


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
            ImportOptions options = QueryBinder.importOptions(req);
            ColumnMapping mapping = options.mapping(null);
            ImportReport report = workspace.importSources(sources, options.format(mapping), options.datasetOr(mapping),
                    options.boundaries(), ImportEncoding.parse(req.queryParams("encoding")), InputLimits.DEFAULT);
            RequestContext context = RequestContext.current();
            if (context != null) {
                context.access().recordImport(context.caller().actor(), report, RequestContext.parameters(req));
            }
            return Replies.json(res, report);
        } catch (IOException e) {
            throw new ImportException(e.getMessage(), e);
        } finally {
            Uploads.delete(tmp);
        }
    }
}
