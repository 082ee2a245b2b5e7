package org.wardheat.ogc;

import org.wardheat.query.InvalidParameterException;
import spark.Request;

/**
 * JSON or HTML: {@code f=json} (or {@code geojson}) and {@code f=html} decide; without {@code f}, HTML when
 * the {@code Accept} header names {@code text/html} before any JSON type (as browsers do), else JSON.
 */
final class Negotiation {
    private Negotiation() {
    }

    static boolean html(Request req) {
        String f = req.queryParams("f");
        if (f != null) {
            return switch (f) {
                case "html" -> true;
                case "json", "geojson" -> false;
                default -> throw new InvalidParameterException("f", "'" + f + "' is not a format; expected json, geojson or html");
            };
        }
        String accept = req.headers("Accept");
        if (accept == null) {
            return false;
        }
        int html = accept.indexOf("text/html");
        int json = accept.indexOf("json");
        return html >= 0 && (json < 0 || html < json);
    }
}
