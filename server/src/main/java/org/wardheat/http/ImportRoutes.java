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

import java.io.IOException;
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
        try {
            return MultipartFiles.receive(req, workspace.store().dataDir(), uploadBytes, files -> {
                List<ImportSource> sources = new ArrayList<>();
                for (MultipartFiles.Saved f : files) {
                    sources.addAll(ImportSource.of(f.path(), f.name()));
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
            });
        } catch (IOException e) {
            throw new ImportException(e.getMessage(), e);
        }
    }
}
