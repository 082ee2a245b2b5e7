package org.wardheat.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The headers every response carries — page, static files, API, errors: a Content-Security-Policy that allows
 * no inline script and no other origin except the basemap's tile host for images, {@code nosniff}, no
 * framing, and no referrer.
 */
final class SecurityHeaders {
    private static final Pattern TEMPLATE_PART = Pattern.compile("\\{[^}]*}");
    private final List<HttpField> fields;

    /** @param tileUrl the basemap tile URL template ({@code https://{s}.tile.example/{z}/{x}/{y}.png}), or null */
    SecurityHeaders(String tileUrl) {
        fields = List.of(
                new PreEncodedHttpField("Content-Security-Policy", contentSecurityPolicy(tileUrl)),
                new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
                new PreEncodedHttpField("X-Frame-Options", "DENY"),
                new PreEncodedHttpField("Referrer-Policy", "no-referrer"),
                new PreEncodedHttpField("Cross-Origin-Opener-Policy", "same-origin"),
                new PreEncodedHttpField("Cross-Origin-Resource-Policy", "same-origin"));
    }

    static String contentSecurityPolicy(String tileUrl) {
        String tiles = tileSource(tileUrl);
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
                + (tiles == null ? "" : " " + tiles)
                + "; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";
    }

    /**
     * The CSP source for the tile host of a URL template: {@code https://{s}.tile.osm.org/...} gives
     * {@code https://*.tile.osm.org}; a template on this server (relative) needs none; one whose host cannot be
     * written as a CSP source gives only its scheme.
     */
    static String tileSource(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank() || tileUrl.startsWith("/")) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(TEMPLATE_PART.matcher(tileUrl).replaceAll("x"));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            return null;
        }
        String authority = tileUrl.substring(tileUrl.indexOf("://") + 3).split("/", 2)[0];
        String host = TEMPLATE_PART.matcher(authority).replaceAll("*");
        if (host.matches("(\\*\\.)?[A-Za-z0-9.-]+(:\\d+)?")) {
            return scheme + "://" + host.toLowerCase(java.util.Locale.ROOT);
        }
        return scheme + ":";
    }

    /** Sets the headers on {@code headers}, replacing any of the same name. */
    void apply(HttpFields.Mutable headers) {
        for (HttpField f : fields) {
            headers.put(f);
        }
    }
}
