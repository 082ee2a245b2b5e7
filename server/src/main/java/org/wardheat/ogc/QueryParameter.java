package org.wardheat.ogc;

import org.wardheat.query.Range;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One query parameter as the OpenAPI definition documents it; the routes refuse any parameter a
 * collection does not list (400, naming it), as OGC API – Features Part 1 requires. The values themselves
 * are checked where the map's are: by the query records ({@code validate()} against {@code Limits}).
 *
 * @param name        the parameter
 * @param type        the OpenAPI type: string, number, integer or boolean
 * @param description what it does, with its unit and default
 * @param range       the allowed numbers (from {@code Limits}), or null
 * @param choices     the allowed words, or an empty list
 */
record QueryParameter(String name, String type, String description, Range range, List<String> choices) {

    static QueryParameter text(String name, String description) {
        return new QueryParameter(name, "string", description, null, List.of());
    }

    static QueryParameter number(String name, String description, Range range) {
        return new QueryParameter(name, "number", description + "; " + range.describe(), range, List.of());
    }

    static QueryParameter integer(String name, String description, Range range) {
        return new QueryParameter(name, "integer", description + "; " + range.describe(), range, List.of());
    }

    static QueryParameter flag(String name, String description) {
        return new QueryParameter(name, "boolean", description, null, List.of());
    }

    static QueryParameter word(String name, String description, java.util.Collection<String> choices) {
        return new QueryParameter(name, "string", description, null, List.copyOf(choices));
    }

    /** The OpenAPI 3.0 parameter object. */
    Map<String, Object> openApi() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        if (range != null) {
            schema.put("minimum", range.min());
            if (range.minOpen()) {
                schema.put("exclusiveMinimum", true);
            }
            if (range.max() < Long.MAX_VALUE) {
                schema.put("maximum", range.max());
            }
        }
        if (!choices.isEmpty()) {
            schema.put("enum", new ArrayList<>(choices));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("in", "query");
        p.put("required", false);
        p.put("description", description);
        p.put("style", "form");
        p.put("explode", false);
        p.put("schema", schema);
        return p;
    }
}
