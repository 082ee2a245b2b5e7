package org.wardheat.http;

import org.wardheat.export.Exporter;
import org.wardheat.export.Layers;
import org.wardheat.hotspot.CellLayer;
import org.wardheat.service.HotspotService;
import spark.Request;
import spark.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A hotspot layer: {@code kde}, {@code gistar}, {@code change}, {@code classify} or {@code evaluate},
 * as GeoJSON (default; {@code only=nonzero} leaves out empty cells, for the map) or {@code format=csv}.
 */
final class HotspotRoutes {
    private final HotspotService hotspots;

    HotspotRoutes(HotspotService hotspots) {
        this.hotspots = hotspots;
    }

    Object layer(Request req, Response res) throws IOException {
        CellLayer layer = Queries.hotspot(hotspots, req);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String name = layer.analysis() + "_" + layer.parameters().get("boundaries") + "_"
                + String.valueOf(layer.parameters().get("period")).replace(':', '_');
        if ("csv".equals(req.queryParams("format"))) {
            res.type("text/csv; charset=utf-8");
            res.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
            Exporter.csv(Layers.cells(layer), out);
        } else {
            res.type("application/geo+json");
            if (req.queryParams("download") != null) {
                res.header("Content-Disposition", "attachment; filename=\"" + name + ".geojson\"");
            }
            Exporter.geojson(Layers.cells(layer, "nonzero".equals(req.queryParams("only")) ? layer.nonEmptyCells() : null),
                    Map.of("analysis", layer.analysis(), "parameters", layer.parameters()), out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
