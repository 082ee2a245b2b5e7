package org.wardheat.ogc;

import spark.Request;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** OGC links ({@code href}, {@code rel}, {@code type}, {@code title}) and the URLs they point to. */
final class Links {
    static final String JSON = "application/json";
    static final String GEOJSON = "application/geo+json";
    static final String HTML = "text/html";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

    private Links() {
    }

    static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("href", href);
        l.put("rel", rel);
        l.put("type", type);
        l.put("title", title);
        return l;
    }

    /** {@code http://HOST/ogc}: the service's root as the client named it (the Host header is checked before any route). */
    static String root(Request req) {
        return req.scheme() + "://" + req.host() + "/ogc";
    }

    /** The self link in JSON ({@code type}) and the alternate in HTML, or the other way round. */
    static List<Map<String, Object>> selfAndAlternate(String url, boolean html, String jsonType) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(link(with(url, "f", html ? "html" : "json"), "self", html ? HTML : jsonType, "this document"));
        out.add(link(with(url, "f", html ? "json" : "html"), "alternate", html ? jsonType : HTML, html ? "this document as JSON" : "this document as HTML"));
        return out;
    }

    /** {@code url} with {@code name=value} added (or replacing the one there). */
    static String with(String url, String name, String value) {
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        StringBuilder s = new StringBuilder(path);
        char sep = '?';
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                if (!pair.isEmpty() && !pair.startsWith(name + "=")) {
                    s.append(sep).append(pair);
                    sep = '&';
                }
            }
        }
        return s.append(sep).append(name).append('=').append(encode(value)).toString();
    }

    /** The request's URL (under {@link #root}) with its query parameters, sorted by name, re-encoded. */
    static String requestUrl(Request req, String path) {
        StringBuilder s = new StringBuilder(root(req)).append(path);
        char sep = '?';
        for (String name : new TreeSet<>(req.queryParams())) {
            for (String v : req.queryParamsValues(name)) {
                s.append(sep).append(encode(name)).append('=').append(encode(v));
                sep = '&';
            }
        }
        return s.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
