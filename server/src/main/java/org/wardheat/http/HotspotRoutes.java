package org.wardheat.http;

import org.wardheat.export.Exporter;
import org.wardheat.export.Layers;
import org.wardheat.hotspot.CellLayer;
import org.wardheat.hotspot.DrawnCells;
import org.wardheat.service.HotspotService;
import spark.Request;
import spark.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A hotspot layer: {@code kde}, {@code gistar}, {@code change}, {@code classify} or {@code evaluate},
 * as GeoJSON (default) or {@code format=csv}. {@code only=all} (default) sends every cell, {@code only=nonzero}
 * leaves out empty cells and {@code only=significant} sends only the cells a map draws ({@link DrawnCells}, with
 * {@code kde_floor}, default {@value DrawnCells#DEFAULT_KDE_FLOOR} × the average density); the GeoJSON says what
 * was sent in its {@code cells} member. Exports always send every cell.
 */
final class HotspotRoutes {
    private final HotspotService hotspots;

    HotspotRoutes(HotspotService hotspots) {
        this.hotspots = hotspots;
    }

    Object layer(Request req, Response res) throws IOException {
        DrawnCells.Only only = DrawnCells.Only.parse(req.queryParams("only"));
        Double floor = Params.decimal(req, "kde_floor");
        double kdeFloor = DrawnCells.checkKdeFloor(floor == null ? DrawnCells.DEFAULT_KDE_FLOOR : floor);
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
            boolean[] sent = DrawnCells.select(layer, only, kdeFloor);
            int count = 0;
            for (int c = 0; sent != null && c < sent.length; c++) {
                count += sent[c] ? 1 : 0;
            }
            Map<String, Object> cells = new java.util.LinkedHashMap<>();
            cells.put("only", only.name().toLowerCase(java.util.Locale.ROOT));
            cells.put("sent", sent == null ? layer.grid().size() : count);
            cells.put("total", layer.grid().size());
            if (only == DrawnCells.Only.SIGNIFICANT && layer.analysis().equals("kde")) {
                cells.put("kde_floor", kdeFloor);
            }
            Exporter.geojson(Layers.cells(layer, sent),
                    Map.of("analysis", layer.analysis(), "parameters", layer.parameters(), "cells", cells), out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
