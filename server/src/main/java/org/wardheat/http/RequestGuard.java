package org.wardheat.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Checks every request before spark sees it (static files included) and puts the {@link SecurityHeaders}
 * on every response. In order:
 * <ol>
 * <li>{@code Host} must name this server ({@link AllowedHosts}): 400 when missing, 421 otherwise.</li>
 * <li>A body must come with a {@code Content-Length} (411 for chunked bodies) no larger than the route's limit
 *     ({@link HttpLimits#uploadBytes()} for the {@link #UPLOAD_PATHS}, {@link HttpLimits#jsonBodyBytes()} elsewhere):
 *     413 before a byte is read; the HTTP parser then stops at that length, and the multipart parser enforces
 *     the upload limit again while it streams.</li>
 * <li>A state-changing request (any method but GET, HEAD, OPTIONS) must be same-origin: an {@code Origin}
 *     header equal to this server's origin (scheme, host, port), or, without {@code Origin}, a
 *     {@code Sec-Fetch-Site} of {@code same-origin}; 403 otherwise. Browsers send {@code Origin} on every
 *     cross-origin POST, PUT and DELETE (fetch and forms alike), so a request with neither header is a
 *     non-browser client such as curl or a script, which the loopback bind and the Host check already confine;
 *     it is allowed.</li>
 * <li>Its body must be JSON ({@code application/json}), or multipart ({@code multipart/form-data}) for
 *     the {@link #UPLOAD_PATHS}: 415 otherwise, so the "simple" types a cross-site form can send (text/plain,
 *     application/x-www-form-urlencoded) are never parsed.</li>
 * </ol>
 * Refusals go through the server's {@link JsonErrorHandler}: {@code {"error": "..."}}.
 */
final class RequestGuard extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** The routes that take multipart uploads: incident files, a boundary set's GeoJSON, a population CSV. */
    static final Set<String> UPLOAD_PATHS = Set.of("/api/import", "/api/boundaries", "/api/population");

    private final SecurityHeaders headers;
    private final AllowedHosts hosts;
    private final HttpLimits limits;

    RequestGuard(Handler next, SecurityHeaders headers, AllowedHosts hosts, HttpLimits limits) {
        super(next);
        this.headers = headers;
        this.hosts = hosts;
        this.limits = limits;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        headers.apply(response.getHeaders());
        String path = request.getHttpURI().getPath();
        String host = request.getHttpURI().getHost();
        if (host == null || host.isBlank()) {
            return refuse(request, response, callback, 400, "a Host header is required");
        }
        if (!hosts.allows(host)) {
            return refuse(request, response, callback, 421, "this server does not answer to the host name '" + host
                    + "'; start it with --allowed-host " + AllowedHosts.normalise(host) + " to allow it");
        }
        if (request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            return refuse(request, response, callback, 411, "send the request body with a Content-Length");
        }
        long length = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        long limit = UPLOAD_PATHS.contains(path) ? limits.uploadBytes() : limits.jsonBodyBytes();
        if (length > limit) {
            return refuse(request, response, callback, 413, "the request body is " + length + " bytes; "
                    + path + " takes at most " + limit + " bytes");
        }
        if (!SAFE_METHODS.contains(request.getMethod())) {
            String crossOrigin = crossOrigin(request);
            if (crossOrigin != null) {
                return refuse(request, response, callback, 403, crossOrigin);
            }
            String wanted = UPLOAD_PATHS.contains(path) ? "multipart/form-data" : "application/json";
            String type = mediaType(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
            boolean hasBody = length > 0 || !request.getMethod().equals("DELETE");
            if (hasBody && !wanted.equals(type)) {
                return refuse(request, response, callback, 415, request.getMethod() + " " + path + " takes "
                        + wanted + ", not " + (type == null ? "a body without Content-Type" : type));
            }
        }
        return super.handle(request, response, callback);
    }

    /** Why the request is not same-origin, or null when it is. */
    static String crossOrigin(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null) {
            HttpURI own = request.getHttpURI();
            return sameOrigin(origin, own.getScheme(), own.getHost(), own.getPort()) ? null
                    : "cross-origin request refused: Origin " + origin + " is not this server";
        }
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null && !site.trim().equalsIgnoreCase("same-origin")) {
            return "cross-origin request refused: Sec-Fetch-Site is " + site;
        }
        return null;
    }

    /** True when {@code origin} has the scheme, host and port (-1: the scheme's default) given. */
    static boolean sameOrigin(String origin, String scheme, String host, int port) {
        try {
            URI o = new URI(origin.trim());
            if (o.getScheme() == null || o.getHost() == null || scheme == null || host == null) {
                return false;
            }
            return o.getScheme().equalsIgnoreCase(scheme)
                    && AllowedHosts.normalise(o.getHost()).equals(AllowedHosts.normalise(host))
                    && effectivePort(o.getScheme(), o.getPort()) == effectivePort(scheme, port);
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static int effectivePort(String scheme, int port) {
        return port > 0 ? port : scheme.equalsIgnoreCase("https") ? 443 : 80;
    }

    /** {@code "Application/JSON; charset=utf-8"} → {@code "application/json"}; null stays null. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean refuse(Request request, Response response, Callback callback, int status, String message) {
        LOG.warn("refused {} {} with {}: {}", request.getMethod(), request.getHttpURI().getPath(), status, message);
        Response.writeError(request, response, callback, status, message);
        return true;
    }
}
