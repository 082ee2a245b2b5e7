package org.wardheat.http;

import org.wardheat.output.WardOutput;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reading query parameters, with messages that name the parameter, and writing a JSON reply. The
 * helpers every route class shares (to be replaced by one typed parameter binder).
 */
final class Params {
    private Params() {
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

    /** All values of a repeatable parameter; {@code category=a|b} as well as {@code category=a&category=b}. */
    static List<String> values(Request req, String name) {
        String[] v = req.queryParamsValues(name);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : v) {
            out.addAll(Arrays.asList(s.split("\\|")));
        }
        return out;
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

    /** Writes {@code value} as the JSON body. */
    static String json(Response res, Object value) throws IOException {
        res.type("application/json");
        return WardOutput.JSON.writeValueAsString(value);
    }
}
