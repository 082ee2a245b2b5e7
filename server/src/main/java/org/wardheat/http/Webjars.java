package org.wardheat.http;

import spark.Request;
import spark.Response;

import java.io.InputStream;
import java.util.Map;

/** Serves files of webjars on the classpath ({@code /webjars/leaflet/1.9.4/dist/leaflet.js}); rejects {@code ..}. */
final class Webjars {
    private static final Map<String, String> TYPES = Map.of("js", "application/javascript", "css", "text/css",
            "png", "image/png", "svg", "image/svg+xml", "map", "application/json");

    private Webjars() {
    }

    static Object serve(Request req, Response res) throws Exception {
        String path = req.splat().length == 0 ? "" : req.splat()[0];
        if (path.isEmpty() || path.contains("..") || path.contains("\\") || path.startsWith("/")) {
            res.status(400);
            res.type("application/json");
            return "{\"error\":\"bad webjar path\"}";
        }
        InputStream in = Webjars.class.getResourceAsStream("/META-INF/resources/webjars/" + path);
        if (in == null) {
            res.status(404);
            res.type("application/json");
            return "{\"error\":\"no such webjar file\"}";
        }
        String ext = path.substring(path.lastIndexOf('.') + 1);
        res.type(TYPES.getOrDefault(ext, "application/octet-stream"));
        res.header("Cache-Control", "max-age=86400");
        try (in) {
            return in.readAllBytes();
        }
    }
}
