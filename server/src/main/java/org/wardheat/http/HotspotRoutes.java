package org.wardheat.http;

import org.wardheat.export.Exporter;
import org.wardheat.export.Layers;
import org.wardheat.hotspot.CellLayer;
import org.wardheat.hotspot.DrawnCells;
import org.wardheat.query.Analyses;
import org.wardheat.query.HotspotAnalysis;
import org.wardheat.query.LayerCells;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A hotspot layer: {@code kde}, {@code gistar}, {@code change}, {@code classify} or {@code evaluate},
 * as GeoJSON (default; {@code download} makes it an attachment) or {@code format=csv|gpkg} (the same download as
 * {@code /api/export/hotspots}, every cell). The GeoJSON takes {@link LayerCells}: {@code only=all} (default) sends
 * every cell, {@code only=nonzero} leaves out empty cells and {@code only=significant} sends only the cells a map
 * draws ({@link DrawnCells}, with {@code kde_floor}); its {@code cells} member says what was sent.
 */
final class HotspotRoutes {
    /** Budget in approximate bytes of the map's layers kept as sent (a county's Gi* layer of every 250 m cell is about 21 MB). */
    static final long LAYER_BYTES = 128L << 20;

    private final Analyses analyses;
    /** The map's layers (GeoJSON, not downloads) as sent, per snapshot of the data, query, cells and whether disclosure-controlled. */
    private final KeptLayers<LayerKey> layers = new KeptLayers<>("hotspot layers", LAYER_BYTES);

    private record LayerKey(HotspotAnalysis query, LayerCells cells, boolean disclosureControlled) {
    }

    HotspotRoutes(Analyses analyses) {
        this.analyses = analyses;
    }

    /**
     * The layer; a GeoJSON layer for the map (not a download) is kept as sent until the data change (a new snapshot),
     * so the same query asked again, by this caller or another of the same disclosure rule, is written once.
     */
    Object layer(Request req, Response res) throws IOException {
        LayerCells cells = QueryBinder.layerCells(req);
        cells.validate();
        Exporter.Format format = QueryBinder.format(req, Exporter.Format.GEOJSON);
        HotspotAnalysis q = QueryBinder.hotspotAnalysis(req, req.params("analysis"));
        if (format != Exporter.Format.GEOJSON || QueryBinder.text(req, "download") != null) {
            return render(res, q, cells, format, true);
        }
        RequestContext context = RequestContext.current();
        boolean controlled = context != null && context.caller().role().disclosureControlled();
        long snapshot = analyses.snapshotSerial();
        LayerKey key = new LayerKey(q, cells, controlled);
        String target = target(req.raw().getRequestURI(), req.raw().getQueryString()), session = session(req.cookie(AccessGate.COOKIE));
        if (PooledAnalyses.unpooled()) { // let past the pool as answered from memory: send the kept layer, never make one
            byte[] kept = layers.sendKept(res, snapshot, key, target, session);
            if (kept != null) {
                return kept;
            }
            res.header("Retry-After", String.valueOf(PooledAnalyses.RETRY_AFTER_SECONDS));
            Replies.error(res, 503, "the layer is no longer kept in memory; retry in " + PooledAnalyses.RETRY_AFTER_SECONDS
                    + " s and it is made again", null);
            return res.body();
        }
        return layers.send(res, snapshot, key, target, session, () -> render(res, q, cells, format, false));
    }

    /**
     * Whether a request for {@code target} (path and query as sent) with this session cookie (null without one) was
     * last answered with a layer kept for the current data, so it can be let past the analysis pool
     * ({@link PooledAnalyses}): it goes through every check as before, and is answered 503 if the layer has gone since.
     */
    boolean answersFromMemory(String path, String query, String sessionCookie) {
        return path.startsWith("/api/hotspots/") && layers.answered(analyses.snapshotSerial(), target(path, query), session(sessionCookie));
    }

    private static String target(String path, String query) {
        return query == null ? path : path + "?" + query;
    }

    private static String session(String cookie) {
        return cookie == null ? "" : cookie;
    }

    private byte[] render(Response res, HotspotAnalysis q, LayerCells cells, Exporter.Format format, boolean attachment) throws IOException {
        CellLayer layer = analyses.hotspots(q);
        boolean[] sent = format == Exporter.Format.GEOJSON ? DrawnCells.select(layer, cells.only(), cells.kdeFloor()) : null;
        int count = 0;
        for (int c = 0; sent != null && c < sent.length; c++) {
            count += sent[c] ? 1 : 0;
        }
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("only", sent == null ? "all" : cells.only().name().toLowerCase(Locale.ROOT));
        what.put("sent", sent == null ? layer.grid().size() : count);
        what.put("total", layer.grid().size());
        if (cells.only() == DrawnCells.Only.SIGNIFICANT && layer.analysis().equals("kde")) {
            what.put("kde_floor", cells.kdeFloor());
        }
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("analysis", layer.analysis());
        members.put("parameters", layer.parameters());
        members.put("cells", what);
        return Replies.table(res, analyses.cellsTable(q, layer, sent), format, members, attachment);
    }
}
