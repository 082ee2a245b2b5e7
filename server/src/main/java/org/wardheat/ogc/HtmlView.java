package org.wardheat.ogc;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The plain HTML view of any OGC document: the JSON shown as nested tables, {@code links} as anchors and
 * {@code features} as one table (a row per feature, its id linking to the feature). Every text is escaped;
 * there is no script, so the server's strict Content-Security-Policy applies unchanged. Geometries are
 * summarised (type and number of positions), not printed.
 */
final class HtmlView {
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}"
            + "table{border-collapse:collapse;margin:.3rem 0}td,th{border:1px solid #ccc;padding:.2rem .45rem;text-align:left;vertical-align:top}"
            + "th{background:#f3f3f3}.k{font-weight:600;background:#fafafa}nav a{margin-right:1rem}";

    private HtmlView() {
    }

    static String page(String title, JsonNode doc) {
        StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title><style>").append(STYLE).append("</style></head><body>")
                .append("<nav><a href=\"/ogc\">Landing page</a><a href=\"/ogc/collections\">Collections</a>")
                .append("<a href=\"/ogc/conformance\">Conformance</a><a href=\"/ogc/api?f=html\">API definition</a></nav>")
                .append("<h1>").append(esc(title)).append("</h1>");
        if (doc.has("features")) {
            features(s, doc);
        } else {
            value(s, doc);
        }
        return s.append("</body></html>\n").toString();
    }

    private static void features(StringBuilder s, JsonNode doc) {
        for (String m : new String[]{"numberMatched", "numberReturned", "timeStamp"}) {
            if (doc.has(m)) {
                s.append("<p>").append(esc(m)).append(": ").append(esc(doc.get(m).asText())).append("</p>");
            }
        }
        links(s, doc.get("links"));
        Set<String> columns = new LinkedHashSet<>();
        doc.get("features").forEach(f -> f.get("properties").fieldNames().forEachRemaining(columns::add));
        s.append("<table><thead><tr><th>id</th>");
        columns.forEach(c -> s.append("<th>").append(esc(c)).append("</th>"));
        s.append("<th>geometry</th></tr></thead><tbody>");
        for (JsonNode f : doc.get("features")) {
            String id = f.path("id").asText();
            s.append("<tr><td><a href=\"items/").append(esc(Links.encode(id))).append("?f=html\">").append(esc(id)).append("</a></td>");
            for (String c : columns) {
                JsonNode v = f.get("properties").get(c);
                s.append("<td>").append(v == null || v.isNull() ? "" : esc(v.isValueNode() ? v.asText() : v.toString())).append("</td>");
            }
            s.append("<td>").append(esc(geometry(f.get("geometry")))).append("</td></tr>");
        }
        s.append("</tbody></table>");
        s.append("<details><summary>Layer members</summary>");
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!Set.of("type", "features", "links", "numberMatched", "numberReturned", "timeStamp").contains(e.getKey())) {
                s.append("<h2>").append(esc(e.getKey())).append("</h2>");
                value(s, e.getValue());
            }
        }
        s.append("</details>");
    }

    private static void value(StringBuilder s, JsonNode v) {
        if (v == null || v.isNull()) {
            return;
        }
        if (v.isValueNode()) {
            String t = v.asText();
            if (t.startsWith("http://") || t.startsWith("https://")) {
                s.append("<a href=\"").append(esc(t)).append("\">").append(esc(t)).append("</a>");
            } else {
                s.append(esc(t));
            }
        } else if (v.isArray()) {
            s.append("<ul>");
            v.forEach(x -> {
                s.append("<li>");
                value(s, x);
                s.append("</li>");
            });
            s.append("</ul>");
        } else if (v.has("type") && v.has("coordinates")) {
            s.append(esc(geometry(v)));
        } else {
            s.append("<table>");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                s.append("<tr><td class=\"k\">").append(esc(e.getKey())).append("</td><td>");
                if (e.getKey().equals("links")) {
                    links(s, e.getValue());
                } else {
                    value(s, e.getValue());
                }
                s.append("</td></tr>");
            }
            s.append("</table>");
        }
    }

    private static void links(StringBuilder s, JsonNode links) {
        if (links == null || !links.isArray()) {
            return;
        }
        s.append("<ul>");
        for (JsonNode l : links) {
            s.append("<li><a href=\"").append(esc(l.path("href").asText())).append("\">").append(esc(l.path("title").asText(l.path("href").asText())))
                    .append("</a> (").append(esc(l.path("rel").asText())).append(", ").append(esc(l.path("type").asText())).append(")</li>");
        }
        s.append("</ul>");
    }

    private static String geometry(JsonNode g) {
        if (g == null || g.isNull()) {
            return "";
        }
        int[] positions = {0};
        count(g.get("coordinates"), positions);
        return g.path("type").asText() + ", " + positions[0] + " positions";
    }

    private static void count(JsonNode c, int[] n) {
        if (c == null) {
            return;
        }
        if (c.isArray() && c.size() > 0 && c.get(0).isNumber()) {
            n[0]++;
        } else if (c.isArray()) {
            c.forEach(x -> count(x, n));
        }
    }

    /** HTML text and attribute escaping: {@code & < > " '}. */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
