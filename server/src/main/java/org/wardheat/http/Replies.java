package org.wardheat.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.wardheat.export.Exporter;
import org.wardheat.export.FeatureTable;
import spark.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/** How routes answer: JSON, a table through the one {@link Exporter}, or a JSON error. */
final class Replies {
    private Replies() {
    }

    /** Writes {@code value} as the JSON body. */
    static String json(Response res, Object value) throws IOException {
        res.type("application/json");
        return Exporter.JSON.writeValueAsString(value);
    }

    /**
     * Writes a table as the body in {@code format}, as a download named after the table unless it is a map
     * layer ({@code attachment} false). This is where access control meets every table: within a route, the
     * {@link RequestContext} shows a viewer the disclosure-controlled table, and records every download in the
     * audit trail.
     *
     * @param members GeoJSON foreign members (a layer's parameters)
     */
    static byte[] table(Response res, FeatureTable table, Exporter.Format format, Map<String, ?> members, boolean attachment)
            throws IOException {
        RequestContext context = RequestContext.current();
        if (context != null && context.caller().role().disclosureControlled()) {
            table = context.shown(table);
            // the layer's totals and series are not disclosure-controlled: a viewer gets the query and the rule only
            Map<String, Object> kept = new java.util.LinkedHashMap<>();
            if (members.containsKey("query")) {
                kept.put("query", members.get("query"));
            }
            kept.put("disclosure_control", Map.of("k", ViewerDisclosure.K));
            members = kept;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.write(table, format, members, out);
        if (context != null && attachment) {
            context.exported(table, format);
        }
        res.type(format.mediaType);
        if (attachment) {
            res.header("Content-Disposition", "attachment; filename=\"" + table.name() + "." + format.extension + "\"");
        }
        res.raw().setContentLength(out.size());
        return out.toByteArray();
    }

    /** A JSON error {@code {"error": message}}, with {@code "parameter"} when one parameter is at fault. */
    static void error(Response res, int status, String message, String parameter) {
        res.status(status);
        res.type("application/json");
        res.body(errorBody(message, parameter));
    }

    /** {@code {"error": message, "parameter": parameter}} (no parameter when null), escaped. */
    static String errorBody(String message, String parameter) {
        ObjectNode body = Exporter.JSON.createObjectNode();
        body.put("error", message == null ? "bad request" : message);
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        return body.toString();
    }
}
