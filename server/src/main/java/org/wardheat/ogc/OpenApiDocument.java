package org.wardheat.ogc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.0 definition of {@code /ogc}: the fixed resources, then for each collection its
 * {@code items} and {@code items/{featureId}} paths with the OGC parameters and the collection's own
 * wardheat parameters ({@link Kind#parameters()}), each with its range.
 */
final class OpenApiDocument {
    private OpenApiDocument() {
    }

    static Map<String, Object> build(String root, List<Catalogue.Collection> collections) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "wardheat OGC API – Features", "version", "1.0.0",
                "description", "Ward statistics, hotspot grids, repeat places, encampments and focus areas, computed on request. "
                        + "datetime selects whole months: every month an instant or interval touches, both ends included "
                        + "(2022-01-15/2022-02-10 is 2022-01 to 2022-02; ../D starts at the first month of data, D/.. ends at the last); "
                        + "without it, the last " + DateTimeInterval.DEFAULT_MONTHS + " months of data."));
        doc.put("servers", List.of(Map.of("url", root)));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/", get("the landing page", List.of(format()), "application/json"));
        paths.put("/conformance", get("the conformance classes", List.of(format()), "application/json"));
        paths.put("/api", get("this definition", List.of(format()), Links.OPENAPI));
        paths.put("/collections", get("the collections", List.of(format()), "application/json"));
        for (Catalogue.Collection c : collections) {
            String base = "/collections/" + c.id();
            paths.put(base, get(c.title() + ": the collection", List.of(format()), "application/json"));
            List<Object> items = new ArrayList<>(common(true));
            c.kind().parameters().forEach(p -> items.add(p.openApi()));
            paths.put(base + "/items", get(c.title() + ": " + c.kind().description, items, Links.GEOJSON));
            List<Object> one = new ArrayList<>(List.of(Map.of("name", "featureId", "in", "path", "required", true, "schema", Map.of("type", "string"))));
            one.addAll(common(false));
            c.kind().parameters().forEach(p -> one.add(p.openApi()));
            paths.put(base + "/items/{featureId}", get(c.title() + ": one feature (computed with the same parameters as the items)", one, Links.GEOJSON));
        }
        doc.put("paths", paths);
        return doc;
    }

    private static List<Object> common(boolean items) {
        List<Object> p = new ArrayList<>();
        p.add(format());
        if (items) {
            p.add(QueryParameter.integer("limit", "features per page, default " + OgcRoutes.DEFAULT_LIMIT, OgcRoutes.LIMIT).openApi());
            p.add(QueryParameter.integer("offset", "features skipped (the next and prev links set it)", OgcRoutes.OFFSET).openApi());
            Map<String, Object> bbox = QueryParameter.text("bbox", "minx,miny,maxx,maxy (or 6 numbers with heights) in bbox-crs; "
                    + "features whose geometry intersects it").openApi();
            bbox.put("schema", Map.of("type", "array", "minItems", 4, "maxItems", 6, "items", Map.of("type", "number")));
            p.add(bbox);
            p.add(QueryParameter.word("bbox-crs", "the CRS of bbox, default CRS84", OgcCrs.uris()).openApi());
        }
        p.add(QueryParameter.text("datetime", "an RFC 3339 instant or interval; selects the months the layer is computed for").openApi());
        p.add(QueryParameter.word("crs", "the CRS of the response's coordinates, default CRS84 (EPSG:4326 is latitude first)", OgcCrs.uris()).openApi());
        return p;
    }

    private static Map<String, Object> format() {
        return QueryParameter.word("f", "the response format (else the Accept header decides)", List.of("json", "geojson", "html")).openApi();
    }

    private static Map<String, Object> get(String summary, List<Object> parameters, String type) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("summary", summary);
        op.put("parameters", parameters);
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "the document", "content", Map.of(type, Map.of(), "text/html", Map.of())));
        responses.put("400", Map.of("description", "a parameter is malformed or out of range: {\"error\", \"parameter\"}",
                "content", Map.of("application/json", Map.of())));
        responses.put("404", Map.of("description", "no such collection or feature", "content", Map.of("application/json", Map.of())));
        op.put("responses", responses);
        return Map.of("get", op);
    }
}
