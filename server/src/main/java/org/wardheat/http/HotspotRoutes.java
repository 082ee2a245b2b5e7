package org.wardheat.http;

import org.wardheat.export.Exporter;
import org.wardheat.export.Layers;
import org.wardheat.hotspot.CellLayer;
import org.wardheat.query.Analyses;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.util.Map;

/**
 * A hotspot layer: {@code kde}, {@code gistar}, {@code change}, {@code classify} or {@code evaluate},
 * as GeoJSON (default; {@code only=nonzero} leaves out empty cells, for the map; {@code download} makes it
 * an attachment) or {@code format=csv|gpkg} (the same download as {@code /api/export/hotspots}).
 */
final class HotspotRoutes {
    private final Analyses analyses;

    HotspotRoutes(Analyses analyses) {
        this.analyses = analyses;
    }

    Object layer(Request req, Response res) throws IOException {
        org.wardheat.query.HotspotAnalysis q = QueryBinder.hotspotAnalysis(req, req.params("analysis"));
        Exporter.Format format = QueryBinder.format(req, Exporter.Format.GEOJSON);
        boolean nonzero = format == Exporter.Format.GEOJSON
                && Boolean.TRUE.equals(QueryBinder.word(req, "only", Map.of("nonzero", true, "all", false)));
        CellLayer layer = analyses.hotspots(q);
        return Replies.table(res, analyses.cellsTable(q, layer, nonzero ? layer.nonEmptyCells() : null), format,
                Map.of("analysis", layer.analysis(), "parameters", layer.parameters()),
                format != Exporter.Format.GEOJSON || QueryBinder.text(req, "download") != null);
    }
}
