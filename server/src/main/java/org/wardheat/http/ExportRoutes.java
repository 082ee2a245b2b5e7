package org.wardheat.http;

import org.wardheat.analysis.WardStatistics;
import org.wardheat.export.Exporter;
import org.wardheat.export.FeatureTable;
import org.wardheat.export.Layers;
import org.wardheat.service.AreaService;
import org.wardheat.service.HotspotService;
import org.wardheat.service.RepeatService;
import org.wardheat.service.Workspace;
import org.wardheat.store.NotFoundException;
import spark.Request;
import spark.Response;

import static org.wardheat.http.Params.param;
import static org.wardheat.http.Params.required;

/**
 * {@code GET /api/export/{layer}?format=geojson|csv|gpkg&...}: every layer and table as a download
 * named after what it holds and when. Layers: {@code wards}, {@code hotspots} (with {@code analysis=}),
 * {@code repeats}, {@code encampments}, {@code strategic}, {@code needles}, {@code near-repeat}, {@code areas};
 * each takes its own route's parameters, read by the same {@link Queries}, and calls the services.
 */
final class ExportRoutes {
    private final Workspace workspace;
    private final HotspotService hotspots;
    private final RepeatService repeats;
    private final AreaService areas;

    ExportRoutes(Workspace workspace, HotspotService hotspots, RepeatService repeats, AreaService areas) {
        this.workspace = workspace;
        this.hotspots = hotspots;
        this.repeats = repeats;
        this.areas = areas;
    }

    Object export(Request req, Response res) throws java.io.IOException {
        Exporter.Format format = Exporter.Format.parse(param(req, "format", "geojson"));
        FeatureTable table = switch (req.params("layer")) {
            case "wards" -> {
                String set = required(req, "boundaries");
                WardStatistics.Result r = workspace.wardStatistics(set, Queries.wards(req));
                yield Layers.wards(r, workspace.boundarySet(set).wards(), set);
            }
            case "hotspots" -> Layers.cells(Queries.hotspot(hotspots, req));
            case "repeats" -> Layers.repeats(Queries.repeats(repeats, req), param(req, "dataset", "all"));
            case "encampments" -> Layers.encampments(Queries.encampments(repeats, req), span(req));
            case "strategic" -> Queries.strategic(areas, req);
            case "needles" -> Layers.monthly(Queries.needles(repeats, req), span(req));
            case "near-repeat" -> Layers.knox(Queries.nearRepeat(repeats, req), span(req));
            case "areas" -> Layers.focusAreas(areas.saved());
            default -> throw new NotFoundException("no layer '" + req.params("layer")
                    + "' to export; there are wards, hotspots, repeats, encampments, strategic, needles, near-repeat and areas");
        };
        byte[] bytes = Exporter.bytes(table, format);
        res.type(format.mediaType);
        res.header("Content-Disposition", "attachment; filename=\"" + table.name() + "." + format.extension + "\"");
        res.raw().setContentLength(bytes.length);
        return bytes;
    }

    private static String span(Request req) {
        return required(req, "from") + "_" + required(req, "to");
    }
}
