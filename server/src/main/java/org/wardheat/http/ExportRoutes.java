package org.wardheat.http;

import org.wardheat.Workspace;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.export.Exporter;
import org.wardheat.export.FeatureTable;
import org.wardheat.export.Layers;
import org.wardheat.store.NotFoundException;
import spark.Request;
import spark.Response;

import static org.wardheat.http.ApiServer.param;
import static org.wardheat.http.ApiServer.required;

/**
 * {@code GET /api/export/{layer}?format=geojson|csv|gpkg&...}: every layer and table as a download
 * named after what it holds and when. Layers: {@code wards}, {@code hotspots} (with {@code analysis=}),
 * {@code repeats}, {@code encampments}, {@code strategic}, {@code needles}, {@code near-repeat}, {@code areas}; each takes its own route's
 * parameters.
 */
final class ExportRoutes {
    private final Workspace workspace;
    private final ApiServer api;
    private final RecordRoutes records;
    private final AreaRoutes areas;

    ExportRoutes(Workspace workspace, ApiServer api, RecordRoutes records, AreaRoutes areas) {
        this.workspace = workspace;
        this.api = api;
        this.records = records;
        this.areas = areas;
    }

    Object export(Request req, Response res) throws Exception {
        Exporter.Format format = org.wardheat.query.Values.choice("format", param(req, "format", "geojson"), org.wardheat.query.Values.words(Exporter.Format.values()));
        FeatureTable table = switch (req.params("layer")) {
            case "wards" -> {
                String set = required(req, "boundaries");
                WardStatistics.Result r = workspace.wardStatistics(set, ApiServer.wardQuery(req));
                yield Layers.wards(r, workspace.boundarySet(set).wards(), set);
            }
            case "hotspots" -> Layers.cells(api.hotspotResult(req));
            case "repeats" -> Layers.repeats(records.repeatResult(req), param(req, "dataset", "all"));
            case "encampments" -> Layers.encampments(records.encampmentYears(req), required(req, "from") + "_" + required(req, "to"));
            case "strategic" -> areas.strategicTable(req);
            case "needles" -> Layers.monthly(records.monthlyTable(req), required(req, "from") + "_" + required(req, "to"));
            case "near-repeat" -> Layers.knox(records.nearRepeatResult(req), required(req, "from") + "_" + required(req, "to"));
            case "areas" -> Layers.focusAreas(workspace.store().focusAreas());
            default -> throw new NotFoundException("no layer '" + req.params("layer")
                    + "' to export; there are wards, hotspots, repeats, encampments, strategic, needles, near-repeat and areas");
        };
        byte[] bytes = Exporter.bytes(table, format);
        res.type(format.mediaType);
        res.header("Content-Disposition", "attachment; filename=\"" + table.name() + "." + format.extension + "\"");
        res.raw().setContentLength(bytes.length);
        return bytes;
    }
}
