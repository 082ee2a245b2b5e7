package org.wardheat.http;

import org.wardheat.query.ImportOptions;
import org.wardheat.query.Imports;
import org.wardheat.query.InvalidParameterException;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * {@code POST /api/import}: a multipart upload (field {@code file}, repeatable) imported as the CLI's
 * {@code import} does; police.uk by default, council records with {@code preset=} or {@code map_ROLE=}, text
 * in {@code encoding=} (UTF-8 by default), with a postcode lookup as the file field {@code postcode_lookup} (as the CLI's
 * {@code --postcode-lookup}: council rows with a postcode and no coordinates are located; unmatched postcodes are
 * named in the reply's {@code postcodes}); with {@code area_totals=true} the files are counts by area and month (as the
 * CLI's {@code import --area-totals}). The files wait in {@link Uploads}' directory of the data directory
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
                ImportOptions options = QueryBinder.importOptions(req);
                if (QueryBinder.flag(req, "area_totals")) {
                    return areaTotals(req, res, options, files);
                }
                for (MultipartFiles.Saved f : files) {
                    if (f.field().equals(MultipartFiles.POSTCODE_LOOKUP)) {
                        if (options.postcodeLookup() != null) {
                            throw new InvalidParameterException(MultipartFiles.POSTCODE_LOOKUP, "send one postcode lookup file");
                        }
                        options = options.withPostcodeLookup(f.path(), f.name());
                    } else {
                        sources.addAll(ImportSource.of(f.path(), f.name()));
                    }
                }
                Imports.Imported imported = Imports.run(workspace, options, sources, null, ImportEncoding.parse(req.queryParams("encoding")));
                ImportReport report = imported.report();
                RequestContext context = RequestContext.current();
                if (context != null) {
                    context.access().recordImport(context.caller().actor(), report, RequestContext.parameters(req));
                }
                if (imported.postcodes() == null) {
                    return Replies.json(res, report);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> reply = new LinkedHashMap<>(org.wardheat.export.Exporter.JSON.convertValue(report, Map.class));
                reply.put("postcodes", imported.postcodes());
                return Replies.json(res, reply);
            });
        } catch (IOException e) {
            throw new ImportException(e.getMessage(), e);
        }
    }

    /**
     * {@code area_totals=true}: each {@code file} is counts by area and month ({@link Imports#areaTotals}), stored as
     * dataset {@code dataset=} with {@code category=} for files without a category column; the reply is the import
     * report with the placements per boundary set ({@code placements}).
     */
    private Object areaTotals(Request req, Response res, ImportOptions options, List<MultipartFiles.Saved> files) throws IOException {
        List<Imports.NamedFile> named = new ArrayList<>();
        for (MultipartFiles.Saved f : files) {
            if (!f.field().equals("file")) {
                throw new InvalidParameterException(f.field(), "area totals are read by their own columns; a postcode lookup does not apply");
            }
            named.add(new Imports.NamedFile(f.path(), f.name()));
        }
        org.wardheat.service.AreaTotalImport.Result r = Imports.areaTotals(workspace, options, named);
        RequestContext context = RequestContext.current();
        if (context != null) {
            context.access().recordImport(context.caller().actor(), r.report(), RequestContext.parameters(req));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> reply = new LinkedHashMap<>(org.wardheat.export.Exporter.JSON.convertValue(r.report(), Map.class));
        reply.put("placements", r.placements());
        return Replies.json(res, reply);
    }
}
