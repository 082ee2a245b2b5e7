package org.wardheat.http;

import org.wardheat.analysis.WardStatistics;
import org.wardheat.export.Exporter;
import org.wardheat.export.Layers;
import org.wardheat.query.Analyses;
import org.wardheat.query.WardsQuery;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.util.Map;

/**
 * The ward layer ({@code /api/wards}) and its statistics without geometry ({@code /summary}); the CSV is an export; the
 * context layer ({@code /api/context}).
 */
final class WardRoutes {
    /** Budget in approximate bytes of the ward layers kept as sent (a county's layer is about 0.7 MB). */
    static final long LAYER_BYTES = 64L << 20;

    private final Analyses analyses;
    /** The ward layers as sent, per snapshot of the data, query and whether the caller sees disclosure control. */
    private final KeptLayers<LayerKey> layers = new KeptLayers<>("ward layers", LAYER_BYTES);

    private record LayerKey(WardsQuery query, boolean disclosureControlled) {
    }

    WardRoutes(Analyses analyses) {
        this.analyses = analyses;
    }

    /**
     * The ward map layer (GeoJSON): statistics, district, residents and monthly series per ward; the query and
     * totals. Kept as sent until the data change (a new snapshot), so a warm layer is written once.
     */
    Object layer(Request req, Response res) throws IOException {
        WardsQuery q = QueryBinder.wards(req);
        RequestContext context = RequestContext.current();
        boolean controlled = context != null && context.caller().role().disclosureControlled();
        return layers.send(res, analyses.snapshotSerial(), new LayerKey(q, controlled), () -> {
            WardStatistics.Result result = analyses.wards(q);
            return Replies.table(res, analyses.wardLayer(q, result), Exporter.Format.GEOJSON, Layers.wardLayerMembers(result), false);
        });
    }

    /**
     * The context layer ({@code /api/context?boundaries=}, GeoJSON): per ward residents, population-weighted mean IMD rank,
     * share of residents in the most deprived decile and residents per age band (published statistics, no records).
     */
    Object context(Request req, Response res) throws IOException {
        org.wardheat.query.ContextQuery q = QueryBinder.context(req);
        return Replies.table(res, analyses.contextLayer(q), Exporter.Format.GEOJSON, analyses.contextNote(q), false);
    }

    Object summary(Request req, Response res) throws IOException {
        WardStatistics.Result r = analyses.wards(QueryBinder.wards(req));
        Map<String, Object> reply = new java.util.LinkedHashMap<>();
        reply.put("query", r.query());
        reply.put("totals", r.totals());
        reply.put("top", r.top());
        reply.put("wards", r.wards());
        reply.put("months", r.months());
        reply.put("measure", r.measure());
        reply.put("coverage", r.coverage());
        reply.put("warnings", r.coverage().warnings());
        return Replies.json(res, reply);
    }
}
