package org.wardheat.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wardheat.HotspotService;
import org.wardheat.Workspace;
import org.wardheat.hotspot.CellLayer;
import org.wardheat.hotspot.Grid;
import org.wardheat.hotspot.HotspotClassification;
import org.wardheat.hotspot.PAdjust;
import org.wardheat.export.Exporter;
import org.wardheat.export.Layers;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.boundaries.BoundaryException;
import org.wardheat.imports.ImportException;
import org.wardheat.imports.ImportReport;
import org.wardheat.imports.ImportSource;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.output.WardOutput;
import org.wardheat.store.NotFoundException;
import org.wardheat.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import spark.Request;
import spark.Response;
import spark.Service;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API and the web app. Routes are thin: they read parameters, call {@link Workspace}, and
 * write JSON or RFC 7946 GeoJSON (WGS84 lon/lat, no crs member). Bad input gets a 4xx with a JSON body
 * {@code {"error": "..."}}; an unexpected failure gets a 500 with no stack trace (it is logged).
 */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final Workspace workspace;
    private final HotspotService hotspots;
    private final WebConfig config;
    private Service http;
    private volatile long uploadBytes = HttpLimits.DEFAULT.uploadBytes();
    private AnalysisPool analyses;

    /** Settings the web app reads from {@code /api/config}. */
    public record WebConfig(String tileUrl, String tileAttribution, boolean demo) {
    }

    public ApiServer(Workspace workspace, WebConfig config) {
        this.workspace = workspace;
        this.hotspots = new HotspotService(workspace);
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
        http.get("/webjars/*", Webjars::serve);

        http.get("/api/config", (req, res) -> json(res, config));
        http.get("/api/boundaries", (req, res) -> json(res, workspace.store().boundarySets()));
        http.get("/api/boundaries/:id", (req, res) -> {
            Workspace.LoadedSet set = workspace.boundarySet(req.params("id"));
            res.type("application/geo+json");
            return new String(Exporter.bytes(Layers.boundaries(set.info().id(), set.wards()), Exporter.Format.GEOJSON), StandardCharsets.UTF_8);
        });
        http.get("/api/datasets", (req, res) -> json(res, datasets()));
        http.get("/api/categories", (req, res) -> json(res, named(workspace.categoryCounts(), "category")));
        http.get("/api/months", (req, res) -> json(res, named(workspace.monthCounts(), "month")));

        http.get("/api/wards", (req, res) -> {
            String set = required(req, "boundaries");
            WardStatistics.Result result = workspace.wardStatistics(set, wardQuery(req));
            res.type("application/geo+json");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WardOutput.geojson(result, workspace.boundarySet(set).wards(), out);
            return out.toString(StandardCharsets.UTF_8);
        });
        http.get("/api/wards/summary", (req, res) -> {
            WardStatistics.Result r = workspace.wardStatistics(required(req, "boundaries"), wardQuery(req));
            return json(res, Map.of("query", r.query(), "totals", r.totals(), "top", r.top(), "wards", r.wards(),
                    "months", r.months()));
        });
        http.get("/api/wards.csv", (req, res) -> {
            WardStatistics.Result r = workspace.wardStatistics(required(req, "boundaries"), wardQuery(req));
            res.type("text/csv; charset=utf-8");
            res.header("Content-Disposition", "attachment; filename=\"wards_" + req.queryParams("boundaries") + "_"
                    + r.query().period().from() + "_" + r.query().period().to() + ".csv\"");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            WardOutput.csv(r, new OutputStreamWriter(out, StandardCharsets.UTF_8));
            return out.toString(StandardCharsets.UTF_8);
        });

        http.get("/api/hotspots/:analysis", this::hotspotLayer);
        org.wardheat.RepeatService repeatService = new org.wardheat.RepeatService(workspace);
        RecordRoutes records = new RecordRoutes(repeatService);
        AreaRoutes areas = new AreaRoutes(workspace, new org.wardheat.AreaService(workspace, hotspots, repeatService));
        http.get("/api/areas", areas::list);
        http.post("/api/areas", areas::save);
        http.put("/api/areas/:id", areas::rename);
        http.delete("/api/areas/:id", areas::delete);
        http.get("/api/area-summary", areas::summary);
        http.get("/api/strategic", areas::strategic);
        ExportRoutes exports = new ExportRoutes(workspace, this, records, areas);
        http.get("/api/export/:layer", exports::export);
        http.get("/api/repeats", records::repeats);
        http.get("/api/needles/table", records::needlesTable);
        http.get("/api/encampments", records::encampments);
        http.get("/api/near-repeat", records::nearRepeat);

        http.post("/api/import", this::upload);

        http.notFound((req, res) -> {
            res.type("application/json");
            return errorBody("no such resource: " + req.uri());
        });
        http.exception(IllegalArgumentException.class, (e, req, res) -> error(res, 400, e.getMessage()));
        http.exception(BoundaryException.class, (e, req, res) -> error(res, 400, e.getMessage()));
        http.exception(ImportException.class, (e, req, res) -> error(res, 400, e.getMessage()));
        http.exception(NotFoundException.class, (e, req, res) -> error(res, 404, e.getMessage()));
        http.exception(java.time.DateTimeException.class, (e, req, res) -> error(res, 400, "bad date: " + e.getMessage()));
        http.exception(org.wardheat.Cancellation.CancelledException.class, (e, req, res) -> error(res, 503,
                "the analysis ran past its time budget of " + analyses.settings().budget().toSeconds()
                        + " s and was stopped; choose a shorter period, a smaller area or fewer simulations"));
        http.exception(Exception.class, (e, req, res) -> {
            LOG.error("request {} failed", req.uri(), e);
            error(res, 500, "internal error: " + e.getClass().getSimpleName());
        });
    }

    private Object upload(Request req, Response res) throws Exception {
        if (req.contentType() == null || !req.contentType().startsWith("multipart/form-data")) {
            throw new IllegalArgumentException("send the files as multipart/form-data in a field named 'file'");
        }
        Path tmp = Files.createTempDirectory("wardheat-upload");
        try {
            req.raw().setAttribute("org.eclipse.jetty.multipartConfig",
                    new MultipartConfigElement(tmp.toString(), uploadBytes, uploadBytes, 1 << 20));
            List<ImportSource> sources = new ArrayList<>();
            int n = 0;
            for (Part part : req.raw().getParts()) {
                if (!part.getName().equals("file") || part.getSubmittedFileName() == null) {
                    continue;
                }
                String name = Path.of(part.getSubmittedFileName()).getFileName().toString();
                Path saved = tmp.resolve("upload-" + (n++));
                try (InputStream in = part.getInputStream()) {
                    Files.copy(in, saved, StandardCopyOption.REPLACE_EXISTING);
                }
                sources.addAll(ImportSource.of(saved, name));
            }
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("no file in the upload: use a form field named 'file'");
            }
            String preset = param(req, "preset", null);
            java.util.Map<String, String> columns = new java.util.LinkedHashMap<>();
            for (String role : org.wardheat.imports.ColumnMapping.ROLES) {
                String v = param(req, "map_" + role, null);
                if (v != null) {
                    columns.put(role, v);
                }
            }
            if (param(req, "category", null) != null) {
                columns.put("category", req.queryParams("category"));
            }
            org.wardheat.imports.ColumnMapping mapping = preset != null ? org.wardheat.imports.ColumnMapping.preset(preset).with(columns)
                    : columns.isEmpty() ? null : org.wardheat.imports.ColumnMapping.of(columns);
            IncidentFormat format = mapping == null ? IncidentFormat.POLICE_UK : IncidentFormat.council(mapping);
            String dataset = param(req, "dataset", preset != null ? preset : mapping != null ? "council" : "police-uk");
            String boundaries = param(req, "boundaries", null);
            ImportReport report = workspace.importSources(sources, format, dataset, boundaries);
            return json(res, report);
        } catch (IOException e) {
            throw new ImportException(e.getMessage(), e);
        } finally {
            try (var files = Files.walk(tmp)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * A hotspot layer: {@code kde}, {@code gistar}, {@code change}, {@code classify} or {@code evaluate},
     * as GeoJSON (default; {@code only=nonzero} leaves out empty cells, for the map) or {@code format=csv}.
     */
    private Object hotspotLayer(Request req, Response res) throws IOException {
        CellLayer layer = hotspotResult(req);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String name = layer.analysis() + "_" + layer.parameters().get("boundaries") + "_" + String.valueOf(layer.parameters().get("period")).replace(':', '_');
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
                    java.util.Map.of("analysis", layer.analysis(), "parameters", layer.parameters()), out);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Computes the hotspot analysis named in the path from the query parameters. */
    CellLayer hotspotResult(Request req) {
        HotspotService.Request r = new HotspotService.Request(required(req, "boundaries"),
                java.util.Set.copyOf(values(req, "category")), java.util.Set.copyOf(values(req, "dataset")),
                org.wardheat.analysis.Period.of(required(req, "from"), required(req, "to")),
                Grid.Shape.parse(param(req, "shape", "square")), decimal(req, "cell"), param(req, "crs", "EPSG:27700"),
                new HotspotService.Weights("true".equals(req.queryParams("record_weights")), null),
                req.queryParams("area") == null ? null : org.wardheat.boundaries.AreaReader.read(req.queryParams("area")));
        PAdjust adjust = PAdjust.parse(param(req, "p_adjust", "fdr"));
        int hotBin = integer(req, "hot_bin") == null ? 2 : integer(req, "hot_bin");
        String analysis = req.params("analysis") != null ? req.params("analysis") : param(req, "analysis", "gistar");
        CellLayer layer = switch (analysis) {
            case "kde" -> hotspots.kde(r, decimal(req, "bandwidth"), decimal(req, "adjust") == null ? 1 : decimal(req, "adjust"));
            case "gistar" -> hotspots.gistar(r, adjust, decimal(req, "neighbour_distance"), "true".equals(req.queryParams("weighted")));
            case "change" -> hotspots.change(r, req.queryParams("before") == null ? null
                    : org.wardheat.analysis.Period.parse(req.queryParams("before")), adjust, hotBin);
            case "classify" -> hotspots.classify(r, switch (param(req, "every", "month")) {
                case "month" -> 1;
                case "quarter" -> 3;
                case "year" -> 12;
                default -> throw new IllegalArgumentException("every must be month, quarter or year");
            }, HotspotClassification.Thresholds.DEFAULT, adjust);
            case "evaluate" -> hotspots.evaluate(r, org.wardheat.analysis.Period.parse(required(req, "test")),
                    param(req, "method", "kde"), decimal(req, "top_share") == null ? 0.05 : decimal(req, "top_share"),
                    decimal(req, "bandwidth"), adjust, hotBin);
            default -> throw new NotFoundException("no hotspot analysis '" + analysis
                    + "'; there are kde, gistar, change, classify and evaluate");
        };
        return layer;
    }

    static Double decimal(Request req, String name) {
        String v = req.queryParams(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter '" + name + "' must be a number, not '" + v + "'");
        }
    }

    private List<JsonNode> datasets() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (Store.DatasetInfo d : workspace.store().datasets()) {
            ObjectNode node = WardOutput.JSON.createObjectNode();
            node.put("id", d.id());
            node.put("kind", d.kind());
            node.put("added_at", d.addedAt());
            node.put("incidents", d.incidents());
            ArrayNode files = node.putArray("files");
            for (Store.ImportedFile f : d.files()) {
                ObjectNode file = files.addObject();
                file.put("source", f.source());
                file.put("imported_at", f.importedAt());
                file.set("report", WardOutput.JSON.readTree(f.report()));
            }
            out.add(node);
        }
        return out;
    }

    static WardStatistics.Query wardQuery(Request req) {
        return WardStatistics.Query.of(values(req, "category"), values(req, "dataset"), required(req, "from"),
                required(req, "to"), req.queryParams("compare"), integer(req, "top"));
    }

    static List<String> values(Request req, String name) {
        String[] v = req.queryParamsValues(name);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : v) {
            out.addAll(Arrays.asList(s.split("\\|"))); // category=a|b as well as category=a&category=b
        }
        return out;
    }

    static String required(Request req, String name) {
        String v = req.queryParams(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing query parameter '" + name + "'");
        }
        return v;
    }

    static String param(Request req, String name, String fallback) {
        String v = req.queryParams(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    static Integer integer(Request req, String name) {
        String v = req.queryParams(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter '" + name + "' must be a whole number, not '" + v + "'");
        }
    }

    private static List<Map<String, Object>> named(Map<String, Long> counts, String key) {
        List<Map<String, Object>> out = new ArrayList<>();
        counts.forEach((k, v) -> out.add(Map.of(key, k, "count", v)));
        return out;
    }

    static String json(Response res, Object value) throws IOException {
        res.type("application/json");
        return WardOutput.JSON.writeValueAsString(value);
    }

    private static void error(Response res, int status, String message) {
        res.status(status);
        res.type("application/json");
        res.body(errorBody(message == null ? "bad request" : message));
    }

    /** {@code {"error": message}}, escaped. */
    static String errorBody(String message) {
        ObjectNode body = WardOutput.JSON.createObjectNode();
        body.put("error", message);
        return body.toString();
    }
}
