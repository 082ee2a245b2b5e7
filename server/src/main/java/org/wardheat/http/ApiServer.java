package org.wardheat.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wardheat.boundaries.BoundaryException;
import org.wardheat.imports.ImportException;
import org.wardheat.export.Exporter;
import org.wardheat.query.Analyses;
import org.wardheat.query.InvalidParameterException;
import org.wardheat.service.AreaService;
import org.wardheat.service.HotspotService;
import org.wardheat.service.RepeatService;
import org.wardheat.service.Workspace;
import org.wardheat.store.DiskFullException;
import org.wardheat.store.NotFoundException;
import org.wardheat.store.StoreBusyException;
import spark.Response;
import spark.Service;

import java.io.IOException;

/**
 * The HTTP API and the web app: wiring only. Routes are thin: each route class reads parameters (through
 * {@link QueryBinder}, which builds each analysis's query record, run by {@link Analyses}), calls a service,
 * and writes JSON or RFC 7946 GeoJSON (WGS84 lon/lat, no crs member). Bad input gets a 4xx with a JSON
 * body {@code {"error": "..."}} (with {@code "parameter"} when one parameter is out of range); a busy store
 * a 503 with {@code Retry-After}; a full disk a 507 saying so; an unexpected failure a 500 with no stack
 * trace (it is logged).
 */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final Workspace workspace;
    private final WebConfig config;
    private Service http;
    private AnalysisPool analyses;
    private long uploadBytes = HttpLimits.DEFAULT.uploadBytes();

    /** Settings the web app reads from {@code /api/config}. */
    public record WebConfig(String tileUrl, String tileAttribution, boolean demo) {
    }

    public ApiServer(Workspace workspace, WebConfig config) {
        this.workspace = workspace;
        this.config = config;
    }

    /** Starts listening on {@code 127.0.0.1:port} (0 for any free port) and returns the port. */
    public int start(int port) {
        return start(ServerSettings.loopback(port));
    }

    /**
     * Starts listening as {@code settings} say and returns the port.
     *
     * @throws CannotListenException when the port is taken or the host is not this machine's; nothing is started then
     */
    public int start(ServerSettings settings) {
        try {
            int left = org.wardheat.imports.Uploads.clean(workspace.store().dataDir());
            if (left > 0) {
                LOG.info("removed {} files left in {} by an earlier run", left, org.wardheat.imports.Uploads.DIR_NAME);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot clean the upload directory: " + e.getMessage(), e);
        }
        uploadBytes = settings.limits().uploadBytes();
        analyses = new AnalysisPool(settings.analyses());
        EmbeddedJetty jetty;
        try {
            jetty = EmbeddedJetty.bind(settings, config.tileUrl(), analyses);
        } catch (RuntimeException e) {
            analyses.close();
            throw e;
        }
        http = jetty.service();
        http.staticFiles.location("/public");
        http.staticFiles.expireTime(60);
        routes();
        jetty.start();
        return jetty.port();
    }

    /** The spark service, for tests that add a route of their own. */
    Service service() {
        return http;
    }

    public void stop() {
        if (http != null) {
            http.stop();
            http.awaitStop();
        }
        if (analyses != null) {
            analyses.close();
        }
    }

    private void routes() {
        HotspotService hotspotService = new HotspotService(workspace);
        RepeatService repeatService = new RepeatService(workspace);
        AreaService areaService = new AreaService(workspace, hotspotService, repeatService);
        Analyses queries = new Analyses(workspace, hotspotService, repeatService, areaService);
        CatalogRoutes catalog = new CatalogRoutes(workspace);
        WardRoutes wards = new WardRoutes(queries);
        HotspotRoutes hotspots = new HotspotRoutes(queries);
        RecordRoutes records = new RecordRoutes(queries);
        AreaRoutes areas = new AreaRoutes(areaService, queries);
        ExportRoutes exports = new ExportRoutes(queries);
        TrendRoutes trends = new TrendRoutes(queries);
        ImportRoutes imports = new ImportRoutes(workspace, uploadBytes);

        http.get("/webjars/*", Webjars::serve);
        http.get("/api/config", (req, res) -> Replies.json(res, config));
        http.get("/api/boundaries", catalog::boundarySets);
        http.get("/api/boundaries/:id", catalog::boundarySet);
        http.get("/api/datasets", catalog::datasets);
        http.get("/api/categories", catalog::categories);
        http.get("/api/months", catalog::months);
        http.get("/api/groups", catalog::groups);
        http.get("/api/periods", PeriodRoutes::periods);

        http.get("/api/wards", wards::layer);
        http.get("/api/wards/summary", wards::summary);
        http.get("/api/wards.csv", exports::wardsCsv);
        http.get("/api/hotspots/:analysis", hotspots::layer);

        http.get("/api/areas", areas::list);
        http.post("/api/areas", areas::save);
        http.put("/api/areas/:id", areas::rename);
        http.delete("/api/areas/:id", areas::delete);
        http.get("/api/area-summary", areas::summary);
        http.get("/api/strategic", areas::strategic);
        http.get("/api/trends", trends::trends);
        http.get("/api/priorities", trends::priorities);
        http.get("/api/export/:layer", exports::export);
        http.get("/api/repeats", records::repeats);
        http.get("/api/needles/table", records::needlesTable);
        http.get("/api/encampments", records::encampments);
        http.get("/api/near-repeat", records::nearRepeat);

        http.post("/api/import", imports::upload);

        // OGC API – Features (read-only): the same layers through the same binder and Analyses
        org.wardheat.ogc.OgcRoutes ogc = new org.wardheat.ogc.OgcRoutes(workspace, queries, new org.wardheat.ogc.Binders(
                QueryBinder::wards, QueryBinder::hotspotAnalysis, QueryBinder::repeats, QueryBinder::encampments));
        http.get("/ogc", ogc::landing);
        http.get("/ogc/", ogc::landing);
        http.get("/ogc/conformance", ogc::conformance);
        http.get("/ogc/api", ogc::api);
        http.get("/ogc/collections", ogc::collections);
        http.get("/ogc/collections/:collectionId", ogc::collection);
        http.get("/ogc/collections/:collectionId/items", ogc::items);
        http.get("/ogc/collections/:collectionId/items/:featureId", ogc::item);

        http.notFound((req, res) -> {
            res.type("application/json");
            return errorBody("no such resource: " + req.uri());
        });
        http.exception(InvalidParameterException.class, (e, req, res) -> Replies.error(res, 400, e.getMessage(), e.parameter()));
        http.exception(IllegalArgumentException.class, (e, req, res) -> error(res, 400, e.getMessage()));
        http.exception(BoundaryException.class, (e, req, res) -> error(res, 400, e.getMessage()));
        http.exception(ImportException.class, (e, req, res) -> error(res, 400, e.getMessage()));
        http.exception(NotFoundException.class, (e, req, res) -> error(res, 404, e.getMessage()));
        http.exception(StoreBusyException.class, (e, req, res) -> {
            res.header("Retry-After", String.valueOf(StoreBusyException.RETRY_AFTER_SECONDS));
            error(res, 503, e.getMessage());
        });
        http.exception(DiskFullException.class, (e, req, res) -> {
            LOG.warn("request {} failed: {}", req.pathInfo(), e.getMessage());
            error(res, 507, e.getMessage());
        });
        http.exception(java.time.DateTimeException.class, (e, req, res) -> error(res, 400, "bad date: " + e.getMessage()));
        http.exception(org.wardheat.Cancellation.CancelledException.class, (e, req, res) -> error(res, 503,
                "the analysis ran past its time budget of " + analyses.settings().budget().toSeconds()
                        + " s and was stopped; choose a shorter period, a smaller area or fewer simulations"));
        http.exception(Exception.class, (e, req, res) -> {
            LOG.error("request {} failed", req.uri(), e);
            error(res, 500, "internal error; the server log has the details");
        });
    }

    private static void error(Response res, int status, String message) {
        Replies.error(res, status, message, null);
    }

    /** {@code {"error": message}}, escaped. */
    static String errorBody(String message) {
        return Replies.errorBody(message, null);
    }
}
