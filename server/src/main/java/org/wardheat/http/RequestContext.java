package org.wardheat.http;

import org.wardheat.export.Exporter;
import org.wardheat.export.FeatureTable;
import org.wardheat.service.AccessService;
import spark.Request;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a route's answer depends on besides its parameters: the {@link Caller}, and what the gate does with
 * tables on their way out ({@link Replies#table}): disclosure control for a viewer, and an audit entry for
 * every download. Set by {@link AccessGate} on the request's thread while the route runs.
 */
record RequestContext(Caller caller, Request request, AccessService access, ViewerDisclosure disclosure) {
    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    static RequestContext current() {
        return CURRENT.get();
    }

    static void set(RequestContext c) {
        if (c == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(c);
        }
    }

    /** The table as this caller may see it: disclosure-controlled for a viewer, as it is otherwise. */
    FeatureTable shown(FeatureTable table) {
        return caller.role().disclosureControlled() ? disclosure.apply(table) : table;
    }

    /** Records a download of {@code table} in the audit trail: layer, format, rows, the query's parameters. */
    void exported(FeatureTable table, Exporter.Format format) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("path", request.pathInfo());
        detail.put("format", format.extension);
        detail.put("rows", table.rows().size());
        detail.put("disclosure_control", caller.role().disclosureControlled());
        detail.put("parameters", parameters(request));
        access.record(caller.actor(), "export", table.name(), detail);
    }

    /** The query parameters, sorted, repeated ones joined with {@code |}; values cut to 500 characters. */
    static Map<String, String> parameters(Request request) {
        Map<String, String> out = new TreeMap<>();
        for (String name : request.queryParams()) {
            String v = String.join("|", request.queryParamsValues(name));
            out.put(name, v.length() > 500 ? v.substring(0, 500) + "…" : v);
        }
        return out;
    }
}
