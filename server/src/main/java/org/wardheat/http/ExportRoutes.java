package org.wardheat.http;

import org.wardheat.export.Exporter;
import org.wardheat.export.FeatureTable;
import org.wardheat.query.Analyses;
import org.wardheat.store.NotFoundException;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /api/export/{layer}?format=geojson|csv|gpkg&...}: every table and layer as a download named
 * after what it holds and when, built by {@link Analyses} from the query {@link QueryBinder} reads (the
 * same record and the same table as the command line, so the CSV is the same bytes). Layers: {@code wards},
 * {@code hotspots} (with {@code analysis=}, default gistar), {@code repeats}, {@code encampments} (each one),
 * {@code encampment-years}, {@code strategic}, {@code needles}, {@code near-repeat}, {@code areas}, {@code trends}, {@code priorities}.
 * {@code /api/wards.csv} is {@code /api/export/wards?format=csv}.
 */
final class ExportRoutes {
    /** The layers, for the message that names them. */
    static final String LAYERS = "wards, hotspots, repeats, encampments, encampment-years, strategic, needles, near-repeat, areas, trends and priorities";

    private final Analyses analyses;
    /** Refuses a saved focus area ({@code area_id}) the caller may not read. */
    private final java.util.function.Consumer<Long> areaCheck;

    /** Checks a trends query for the caller (its saved area, a viewer's view). */
    private final TrendRoutes trends;

    ExportRoutes(Analyses analyses, java.util.function.Consumer<Long> areaCheck) {
        this.analyses = analyses;
        this.areaCheck = areaCheck;
        this.trends = new TrendRoutes(analyses, areaCheck);
    }

    Object export(Request req, Response res) throws IOException {
        return send(req, res, req.params("layer"), QueryBinder.format(req, Exporter.Format.GEOJSON));
    }

    /** The route of one layer's export, {@code /api/export/LAYER} (each registered with the permission it needs). */
    spark.Route layer(String layer) {
        return (req, res) -> send(req, res, layer, QueryBinder.format(req, Exporter.Format.GEOJSON));
    }

    /** The layers whose rows are single records (places, encampments, needle finds, near-repeat pairs). */
    static final java.util.List<String> RECORD_LAYERS = java.util.List.of("repeats", "encampments", "encampment-years", "needles", "near-repeat");

    /** {@code /api/wards.csv}: the ward table as CSV, the same download as {@code /api/export/wards?format=csv}. */
    Object wardsCsv(Request req, Response res) throws IOException {
        return send(req, res, "wards", Exporter.Format.CSV);
    }

    private byte[] send(Request req, Response res, String layer, Exporter.Format format) throws IOException {
        return Replies.table(res, table(req, layer), format, Map.of(), true);
    }

    FeatureTable table(Request req, String layer) {
        return switch (layer) {
            case "wards" -> analyses.wardsTable(QueryBinder.wards(req));
            case "hotspots" -> analyses.hotspotTable(QueryBinder.hotspotAnalysis(req, QueryBinder.text(req, "analysis", "gistar")));
            case "repeats" -> analyses.repeatsTable(QueryBinder.repeats(req));
            case "encampments" -> analyses.encampmentsTable(QueryBinder.encampments(req), true);
            case "encampment-years" -> analyses.encampmentsTable(QueryBinder.encampments(req), false);
            case "strategic" -> {
                org.wardheat.query.StrategicQuery q = QueryBinder.strategic(req);
                areaCheck.accept(q.area().areaId());
                yield analyses.strategicTable(q);
            }
            case "needles" -> analyses.needlesTable(QueryBinder.needles(req));
            case "near-repeat" -> analyses.nearRepeatTable(QueryBinder.nearRepeat(req));
            case "areas" -> analyses.focusAreasTable();
            case "trends" -> analyses.trendsTable(trends.trendsQuery(req));
            case "priorities" -> analyses.prioritiesTable(QueryBinder.priorities(req));
            default -> throw new NotFoundException("no layer '" + layer + "' to export; there are " + LAYERS);
        };
    }
}
