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
import org.wardheat.store.TileSource;
import spark.Response;
import spark.Service;

import org.wardheat.service.AccessService;

import java.io.IOException;
import java.util.List;

import static org.wardheat.model.Permission.ADMIN;
import static org.wardheat.model.Permission.DELETE_DATA;
import static org.wardheat.model.Permission.EXPORT;
import static org.wardheat.model.Permission.IMPORT;
import static org.wardheat.model.Permission.MAP;
import static org.wardheat.model.Permission.OWN_AREAS;
import static org.wardheat.model.Permission.RECORDS;
import static org.wardheat.model.Permission.STRATEGIC;

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
    /** The hotspot routes once made: the pool's fast lane asks them whether a layer is kept. */
    private volatile HotspotRoutes hotspotRoutes;
    private long uploadBytes = HttpLimits.DEFAULT.uploadBytes();
    private ServerSettings settings = ServerSettings.loopback(0);
    private AccessGate gate;
    private final AccessService access;
    /** Disclosure control for viewers; see {@link ViewerDisclosure}. */
    private final ViewerDisclosure disclosure;

    private final TileSource basemap;

    /**
     * Settings the web app reads from {@code /api/config}.
     *
     * @param tileUrl         the basemap's tile URL template, or null for no basemap
     * @param tileAttribution its attribution, plain text (the page escapes it)
     * @param tileMinZoom     the lowest zoom the basemap has tiles for, or null
     * @param tileMaxZoom     the highest, or null (the page zooms further by enlarging them)
     * @param tileBounds      [west, south, east, north] in degrees the tiles cover, or null
     */
    public record WebConfig(String tileUrl, String tileAttribution, boolean demo, Integer tileMinZoom, Integer tileMaxZoom,
                            double[] tileBounds) {
        public WebConfig(String tileUrl, String tileAttribution, boolean demo) {
            this(tileUrl, tileAttribution, demo, null, null, null);
        }

        /** The settings for a basemap file served by this server at {@code /tiles/{z}/{x}/{y}}. */
        public static WebConfig basemap(TileSource tiles, boolean demo) {
            return new WebConfig(BasemapRoutes.TEMPLATE, tiles.attributionText(), demo, tiles.zoom("minzoom", 0),
                    tiles.zoom("maxzoom", 19), tiles.bounds());
        }
    }

    public ApiServer(Workspace workspace, WebConfig config) {
        this(workspace, config, null);
    }

    /** @param basemap a basemap file to serve at {@code /tiles/{z}/{x}/{y}}, or null */
    public ApiServer(Workspace workspace, WebConfig config, TileSource basemap) {
        this.workspace = workspace;
        this.config = config;
        this.basemap = basemap;
        this.access = new AccessService(workspace.store());
        this.disclosure = table -> org.wardheat.export.Disclosure.apply(table, ViewerDisclosure.K);
    }

    /** The accounts and audit trail this server checks and writes. */
    public AccessService access() {
        return access;
    }

    /** The routes as registered, each with the permission it needs (null: anyone); for the route × role test. */
    java.util.List<AccessGate.RouteSpec> routeTable() {
        return gate.routes();
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
        boolean exposed = !settings.loopback() || !settings.access().trustedProxies().isEmpty() || settings.access().tlsKeystore() != null;
        if (exposed && !settings.access().noLogin() && !access.hasAdmin()) {
            throw new IllegalStateException("refusing to serve " + (settings.loopback() ? "behind a proxy or over TLS" : "on " + settings.host() + " (not this machine only)")
                    + " without an admin account:"
                    + " add one with 'wardheat users add NAME --role admin', or start with --no-login to run without sign-in");
        }
        this.settings = settings;
        uploadBytes = settings.limits().uploadBytes();
        analyses = new AnalysisPool(settings.analyses());
        EmbeddedJetty jetty;
        try {
            jetty = EmbeddedJetty.bind(settings, config.tileUrl(), analyses,
                    (path, query, session) -> hotspotRoutes != null && hotspotRoutes.answersFromMemory(path, query, session));
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
        hotspotRoutes = hotspots;
        RecordRoutes records = new RecordRoutes(queries);
        AreaRoutes areas = new AreaRoutes(areaService, queries, workspace.store().areaOwners(), access);
        ExportRoutes exports = new ExportRoutes(queries, areas::checkReadable);
        TrendRoutes trends = new TrendRoutes(queries, areas::checkReadable);
        ImportRoutes imports = new ImportRoutes(workspace, uploadBytes);

        gate = new AccessGate(http, access, new Sessions(java.time.Clock.systemUTC()),
                new ClientAddress(settings.access().trustedProxies()), settings.access().noLogin(), disclosure);
        AccessRoutes accounts = new AccessRoutes(gate, access);
        // the one table of routes and what each needs (null: anyone); Role says which role has which Permission
        http.get("/webjars/*", Webjars::serve); // the page's libraries: static, no data
        gate.route("GET", "/api/config", null, (req, res) -> Replies.json(res, config));
        gate.route("GET", "/api/session", null, accounts::session);
        gate.route("POST", "/api/login", null, accounts::login);
        gate.route("POST", "/api/logout", null, accounts::logout);
        if (basemap != null) {
            gate.route("GET", "/tiles/:z/:x/:y", null, new BasemapRoutes(basemap)::tile); // base map images, no data
        }

        gate.route("GET", "/api/boundaries", MAP, catalog::boundarySets);
        gate.route("GET", "/api/boundaries/:id", MAP, catalog::boundarySet);
        gate.route("GET", "/api/boundaries/:id/outline", MAP, catalog::outline);
        gate.route("GET", "/api/datasets", MAP, catalog::datasets);
        gate.route("GET", "/api/categories", MAP, catalog::categories);
        gate.route("GET", "/api/months", MAP, catalog::months);
        gate.route("GET", "/api/groups", MAP, catalog::groups);
        gate.route("GET", "/api/periods", MAP, PeriodRoutes::periods);

        gate.route("GET", "/api/wards", MAP, wards::layer);
        gate.route("GET", "/api/wards/summary", RECORDS, wards::summary); // JSON figures outside disclosure control
        gate.route("GET", "/api/wards.csv", MAP, exports::wardsCsv);
        gate.route("GET", "/api/hotspots/:analysis", MAP, hotspots::layer);
        gate.route("GET", "/api/context", MAP, wards::context); // Census/IoD figures per ward: published statistics

        gate.route("GET", "/api/areas", OWN_AREAS, areas::list);
        gate.route("POST", "/api/areas", OWN_AREAS, areas::save);
        gate.route("PUT", "/api/areas/:id", OWN_AREAS, areas::rename);
        gate.route("DELETE", "/api/areas/:id", OWN_AREAS, areas::delete);
        gate.route("GET", "/api/area-summary", RECORDS, areas::summary); // top places and hot cells are record-level
        gate.route("GET", "/api/strategic", STRATEGIC, areas::strategic);
        gate.route("GET", "/api/trends", STRATEGIC, trends::trends);
        gate.route("GET", "/api/priorities", STRATEGIC, trends::priorities);
        gate.route("GET", "/api/export/wards", MAP, exports.layer("wards"));
        gate.route("GET", "/api/export/hotspots", MAP, exports.layer("hotspots"));
        gate.route("GET", "/api/export/strategic", STRATEGIC, exports.layer("strategic"));
        gate.route("GET", "/api/export/trends", STRATEGIC, exports.layer("trends"));
        gate.route("GET", "/api/export/priorities", STRATEGIC, exports.layer("priorities"));
        gate.route("GET", "/api/export/areas", EXPORT, exports.layer("areas"));
        for (String layer : ExportRoutes.RECORD_LAYERS) {
            gate.route("GET", "/api/export/" + layer, EXPORT, exports.layer(layer));
        }
        gate.route("GET", "/api/export/:layer", MAP, exports::export); // any other layer: 404 naming them
        gate.route("GET", "/api/repeats", RECORDS, records::repeats);
        gate.route("GET", "/api/needles/table", RECORDS, records::needlesTable);
        gate.route("GET", "/api/encampments", RECORDS, records::encampments);
        gate.route("GET", "/api/near-repeat", RECORDS, records::nearRepeat);

        gate.route("POST", "/api/import", IMPORT, imports::upload);
        gate.route("DELETE", "/api/datasets/:id", DELETE_DATA, accounts::deleteDataset);
        gate.route("DELETE", "/api/datasets/:id/files/:file", DELETE_DATA, accounts::deleteFile);
        gate.route("GET", "/api/users", ADMIN, accounts::users);
        gate.route("GET", "/api/audit", ADMIN, accounts::audit);
        BoundaryUploadRoutes uploads = new BoundaryUploadRoutes(workspace, uploadBytes);
        gate.route("POST", "/api/boundaries", IMPORT, uploads::addBoundaries);
        gate.route("POST", "/api/population", IMPORT, uploads::addPopulation);
        DissolveRoutes dissolve = new DissolveRoutes(workspace); // the CLI's boundaries dissolve, from the page
        gate.route("GET", "/api/boundaries/:id/fields", IMPORT, dissolve::fields);
        gate.route("POST", "/api/boundaries/dissolve", IMPORT, dissolve::dissolve);

        // OGC API – Features (read-only): the same layers through the same binder and Analyses
        org.wardheat.ogc.OgcRoutes ogc = new org.wardheat.ogc.OgcRoutes(workspace, queries, new org.wardheat.ogc.Binders(
                QueryBinder::wards, QueryBinder::hotspotAnalysis, QueryBinder::repeats, QueryBinder::encampments));
        // a GIS download interface, ungated by disclosure control and able to serve record layers: analysts and admins
        for (String path : List.of("/ogc", "/ogc/", "/ogc/conformance", "/ogc/api", "/ogc/collections", "/ogc/collections/:collectionId",
                "/ogc/collections/:collectionId/items", "/ogc/collections/:collectionId/items/:featureId")) {
            gate.route("GET", path, EXPORT, switch (path) {
                case "/ogc", "/ogc/" -> ogc::landing;
                case "/ogc/conformance" -> ogc::conformance;
                case "/ogc/api" -> ogc::api;
                case "/ogc/collections" -> ogc::collections;
                case "/ogc/collections/:collectionId" -> ogc::collection;
                case "/ogc/collections/:collectionId/items" -> ogc::items;
                default -> ogc::item;
            });
        }

        http.notFound((req, res) -> {
            res.type("application/json");
            return errorBody("no such resource: " + req.uri());
        });
        http.exception(AccessDeniedException.class, (e, req, res) -> error(res, e.status(), e.getMessage()));
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
