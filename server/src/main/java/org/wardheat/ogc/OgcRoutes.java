package org.wardheat.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.wardheat.export.Exporter;
import org.wardheat.export.FeatureTable;
import org.wardheat.model.Period;
import org.wardheat.query.Analyses;
import org.wardheat.query.DataMonths;
import org.wardheat.query.InvalidParameterException;
import org.wardheat.query.Range;
import org.wardheat.query.Values;
import org.wardheat.service.Workspace;
import org.wardheat.store.NotFoundException;
import spark.Request;
import spark.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OGC API – Features (Part 1: Core, Part 2: CRS by Reference) under {@code /ogc}: the landing page,
 * {@code conformance}, {@code api} (OpenAPI 3.0), {@code collections}, {@code collections/{id}},
 * {@code collections/{id}/items} and {@code collections/{id}/items/{featureId}}, each as JSON (GeoJSON for
 * features) or HTML ({@code f=json|html}, else the {@code Accept} header: HTML when it prefers
 * {@code text/html}, as browsers do). Read-only: GET only. The layers are the map's ({@link Catalogue}).
 *
 * <p>Items take {@code limit} ({@value #DEFAULT_LIMIT} by default, at most {@value #MAX_LIMIT}),
 * {@code offset} (for the {@code next}/{@code prev} links), {@code bbox} and {@code bbox-crs}
 * ({@link BoundingBox}), {@code datetime} ({@link DateTimeInterval}), {@code crs} ({@link OgcCrs}) and the
 * collection's wardheat parameters ({@link Kind#parameters()}); any other parameter is a 400 naming it.
 */
public final class OgcRoutes {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    static final Range LIMIT = Range.closed(1, MAX_LIMIT, "a whole number");
    static final Range OFFSET = Range.closed(0, Integer.MAX_VALUE, "a whole number");
    /** The OGC parameters every collection's items take. */
    static final List<String> COMMON = List.of("f", "limit", "offset", "bbox", "bbox-crs", "datetime", "crs");
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");

    private final Catalogue catalogue;

    /**
     * @param binders the HTTP layer's parameter binder, through which every query record is made
     */
    public OgcRoutes(Workspace workspace, Analyses analyses, Binders binders) {
        this.catalogue = new Catalogue(workspace, analyses, binders);
    }

    public Object landing(Request req, Response res) throws IOException {
        boolean html = Negotiation.html(req);
        String root = Links.root(req);
        ObjectNode doc = Exporter.JSON.createObjectNode();
        doc.put("title", "wardheat");
        doc.put("description", "Ward statistics, hotspot grids, repeat places, encampments and focus areas of this wardheat server "
                + "as OGC API – Features collections, computed on request from the data stored now.");
        List<Map<String, Object>> links = new ArrayList<>(Links.selfAndAlternate(root, html, Links.JSON));
        links.add(Links.link(root + "/api", "service-desc", Links.OPENAPI, "the API definition (OpenAPI 3.0)"));
        links.add(Links.link(root + "/api?f=html", "service-doc", Links.HTML, "the API definition as HTML"));
        links.add(Links.link(root + "/conformance", "conformance", Links.JSON, "the conformance classes implemented"));
        links.add(Links.link(root + "/collections", "data", Links.JSON, "the collections"));
        doc.set("links", Exporter.JSON.valueToTree(links));
        return reply(res, doc, html, Links.JSON, "wardheat OGC API – Features");
    }

    public Object conformance(Request req, Response res) throws IOException {
        boolean html = Negotiation.html(req);
        ObjectNode doc = Exporter.JSON.createObjectNode();
        doc.set("conformsTo", Exporter.JSON.valueToTree(CONFORMANCE));
        doc.set("links", Exporter.JSON.valueToTree(Links.selfAndAlternate(Links.root(req) + "/conformance", html, Links.JSON)));
        return reply(res, doc, html, Links.JSON, "Conformance");
    }

    public Object api(Request req, Response res) throws IOException {
        boolean html = Negotiation.html(req);
        JsonNode doc = Exporter.JSON.valueToTree(OpenApiDocument.build(Links.root(req), catalogue.collections()));
        return reply(res, doc, html, Links.OPENAPI, "API definition");
    }

    public Object collections(Request req, Response res) throws IOException {
        boolean html = Negotiation.html(req);
        String root = Links.root(req);
        ObjectNode doc = Exporter.JSON.createObjectNode();
        doc.set("links", Exporter.JSON.valueToTree(Links.selfAndAlternate(root + "/collections", html, Links.JSON)));
        List<Object> list = new ArrayList<>();
        for (Catalogue.Collection c : catalogue.collections()) {
            list.add(describe(root, c));
        }
        doc.set("collections", Exporter.JSON.valueToTree(list));
        doc.set("crs", Exporter.JSON.valueToTree(OgcCrs.uris()));
        return reply(res, doc, html, Links.JSON, "Collections");
    }

    public Object collection(Request req, Response res) throws IOException {
        boolean html = Negotiation.html(req);
        Catalogue.Collection c = catalogue.collection(req.params("collectionId"));
        String root = Links.root(req);
        Map<String, Object> d = describe(root, c);
        List<Map<String, Object>> links = new ArrayList<>(Links.selfAndAlternate(root + "/collections/" + Links.encode(c.id()), html, Links.JSON));
        links.addAll(items(root, c));
        d.put("links", links);
        return reply(res, Exporter.JSON.valueToTree(d), html, Links.JSON, c.title());
    }

    public Object items(Request req, Response res) throws IOException {
        boolean html = Negotiation.html(req);
        Catalogue.Collection c = catalogue.collection(req.params("collectionId"));
        checkParameters(req, c);
        int limit = req.queryParams("limit") == null ? DEFAULT_LIMIT : Values.integer("limit", req.queryParams("limit"), LIMIT);
        int offset = req.queryParams("offset") == null ? 0 : Values.integer("offset", req.queryParams("offset"), OFFSET);
        OgcCrs crs = OgcCrs.parse("crs", req.queryParams("crs"));
        BoundingBox box = BoundingBox.parse(req.queryParams("bbox"), OgcCrs.parse("bbox-crs", req.queryParams("bbox-crs")));
        Catalogue.Layer layer = catalogue.layer(c, req, period(req, c));

        List<Integer> matched = new ArrayList<>();
        for (int r = 0; r < layer.table().rows().size(); r++) {
            if (box == null || box.selects(layer.table().geometries().get(r))) {
                matched.add(r);
            }
        }
        List<Integer> page = matched.subList(Math.min(offset, matched.size()), (int) Math.min(matched.size(), (long) offset + limit));

        String root = Links.root(req);
        String url = Links.requestUrl(req, "/collections/" + Links.encode(c.id()) + "/items");
        Map<String, Object> members = new LinkedHashMap<>(layer.members());
        members.put("numberMatched", matched.size());
        members.put("numberReturned", page.size());
        members.put("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        List<Map<String, Object>> links = new ArrayList<>(Links.selfAndAlternate(url, html, Links.GEOJSON));
        if (offset + page.size() < matched.size()) {
            links.add(Links.link(Links.with(Links.with(url, "offset", String.valueOf(offset + page.size())), "f", html ? "html" : "json"),
                    "next", html ? Links.HTML : Links.GEOJSON, "the next page"));
        }
        if (offset > 0) {
            links.add(Links.link(Links.with(Links.with(url, "offset", String.valueOf(Math.max(0, offset - limit))), "f", html ? "html" : "json"),
                    "prev", html ? Links.HTML : Links.GEOJSON, "the previous page"));
        }
        links.add(Links.link(root + "/collections/" + Links.encode(c.id()), "collection", Links.JSON, c.title()));
        members.put("links", links);
        res.header("Content-Crs", crs.header());
        byte[] body = geojson(layer, page, crs, members);
        if (html) {
            return reply(res, Exporter.JSON.readTree(body), true, Links.GEOJSON, c.title() + ": features");
        }
        res.type(Links.GEOJSON);
        return body;
    }

    public Object item(Request req, Response res) throws IOException {
        boolean html = Negotiation.html(req);
        Catalogue.Collection c = catalogue.collection(req.params("collectionId"));
        checkParameters(req, c);
        for (String p : List.of("limit", "offset", "bbox", "bbox-crs")) {
            if (req.queryParams(p) != null) {
                throw new InvalidParameterException(p, "applies to the items, not to one feature");
            }
        }
        OgcCrs crs = OgcCrs.parse("crs", req.queryParams("crs"));
        Catalogue.Layer layer = catalogue.layer(c, req, period(req, c));
        String id = req.params("featureId");
        int row = -1;
        for (int r = 0; r < layer.table().rows().size() && row < 0; r++) {
            if (featureId(layer, r).equals(id)) {
                row = r;
            }
        }
        if (row < 0) {
            throw new NotFoundException("no feature '" + id + "' in " + c.id() + " for these parameters");
        }
        ObjectNode feature = (ObjectNode) Exporter.JSON.readTree(geojson(layer, List.of(row), crs, Map.of())).get("features").get(0);
        String root = Links.root(req);
        String url = Links.requestUrl(req, "/collections/" + Links.encode(c.id()) + "/items/" + Links.encode(id));
        List<Map<String, Object>> links = new ArrayList<>(Links.selfAndAlternate(url, html, Links.GEOJSON));
        links.add(Links.link(root + "/collections/" + Links.encode(c.id()), "collection", Links.JSON, c.title()));
        feature.set("links", Exporter.JSON.valueToTree(links));
        res.header("Content-Crs", crs.header());
        return reply(res, feature, html, Links.GEOJSON, c.title() + ": " + id);
    }

    // ---- helpers ----

    private Period period(Request req, Catalogue.Collection c) {
        DataMonths months = catalogue.months();
        return DateTimeInterval.period(c.kind().temporal() ? req.queryParams("datetime") : null, months);
    }

    /** Refuses a parameter the collection's items do not take, naming it. */
    private static void checkParameters(Request req, Catalogue.Collection c) {
        Set<String> allowed = new HashSet<>(COMMON);
        c.kind().parameters().forEach(p -> allowed.add(p.name()));
        for (String name : req.queryParams()) {
            if (!allowed.contains(name)) {
                throw new InvalidParameterException(name, "is not a parameter of " + c.id() + "; /ogc/api lists them");
            }
        }
    }

    /** The feature's id: its id column's value, or its 1-based row number. */
    private static String featureId(Catalogue.Layer layer, int row) {
        if (layer.idColumn() == null) {
            return String.valueOf(row + 1);
        }
        Object v = layer.table().rows().get(row).get(layer.table().columnNames().indexOf(layer.idColumn()));
        return String.valueOf(v);
    }

    /** The chosen rows as a GeoJSON FeatureCollection in {@code crs}, with {@code members}. */
    private static byte[] geojson(Catalogue.Layer layer, List<Integer> rows, OgcCrs crs, Map<String, ?> members) throws IOException {
        FeatureTable t = layer.table();
        List<org.wardheat.export.Column> columns = new ArrayList<>(t.columns());
        boolean numbered = layer.idColumn() == null;
        if (numbered) {
            columns.add(0, org.wardheat.export.Column.integer("feature_id"));
        }
        List<List<Object>> out = new ArrayList<>();
        List<Geometry> geometries = new ArrayList<>();
        for (int r : rows) {
            List<Object> values = new ArrayList<>(t.rows().get(r));
            if (numbered) {
                values.add(0, (long) (r + 1));
            }
            out.add(values);
            geometries.add(crs.fromCrs84(t.geometries().get(r)));
        }
        FeatureTable page = new FeatureTable(t.name(), columns, out, geometries, numbered ? "feature_id" : layer.idColumn());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Exporter.geojson(page, members, crs.decimals, bytes);
        return bytes.toByteArray();
    }

    private Map<String, Object> describe(String root, Catalogue.Collection c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", c.id());
        d.put("title", c.title());
        d.put("description", c.kind().description + (c.kind().temporal()
                ? "; datetime chooses the months (default: the last " + DateTimeInterval.DEFAULT_MONTHS + " months of data)" : ""));
        d.put("links", items(root, c));
        Map<String, Object> extent = new LinkedHashMap<>();
        Envelope e = catalogue.extent(c);
        if (e != null) {
            extent.put("spatial", Map.of("bbox", List.of(List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY())), "crs", OgcCrs.CRS84.uri));
        }
        DataMonths months = catalogue.months();
        if (c.kind().temporal() && months.first() != null) {
            extent.put("temporal", Map.of("interval", List.of(List.of(months.first().atDay(1) + "T00:00:00Z", months.last().atEndOfMonth() + "T23:59:59Z")),
                    "trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"));
        }
        d.put("extent", extent);
        d.put("itemType", "feature");
        d.put("crs", OgcCrs.uris());
        d.put("storageCrs", OgcCrs.CRS84.uri);
        return d;
    }

    private static List<Map<String, Object>> items(String root, Catalogue.Collection c) {
        String items = root + "/collections/" + Links.encode(c.id()) + "/items";
        return List.of(Links.link(items + "?f=json", "items", Links.GEOJSON, c.title() + " as GeoJSON"),
                Links.link(items + "?f=html", "items", Links.HTML, c.title() + " as HTML"));
    }

    private static Object reply(Response res, JsonNode doc, boolean html, String jsonType, String title) throws IOException {
        if (html) {
            res.type("text/html; charset=utf-8");
            return HtmlView.page(title, doc).getBytes(StandardCharsets.UTF_8);
        }
        res.type(jsonType);
        return Exporter.JSON.writeValueAsBytes(doc);
    }
}
