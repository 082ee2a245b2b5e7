package org.wardheat.ogc;

import spark.Request;

import java.util.Map;
import java.util.Set;

/**
 * A request as the map's parameter binder reads it: the OGC request's own query parameters, with the
 * values the OGC API carries elsewhere put under the binder's names ({@code boundaries} from the
 * collection, {@code from}/{@code to} from {@code datetime}, the analysis grid's {@code crs} from
 * {@code grid_crs}, since {@code crs} names the output CRS here). Everything else (headers, session,
 * attributes, the servlet request) is the original request's.
 */
final class BoundRequest extends Request {
    private final Request original;
    private final Map<String, String> replaced;

    /**
     * @param replaced the binder's parameter names and their values here; a null value hides the original's
     */
    BoundRequest(Request original, Map<String, String> replaced) {
        this.original = original;
        this.replaced = replaced;
    }

    @Override
    public String queryParams(String name) {
        return replaced.containsKey(name) ? replaced.get(name) : original.queryParams(name);
    }

    @Override
    public String[] queryParamsValues(String name) {
        if (replaced.containsKey(name)) {
            String v = replaced.get(name);
            return v == null ? null : new String[]{v};
        }
        return original.queryParamsValues(name);
    }

    @Override
    public Set<String> queryParams() {
        return original.queryParams();
    }

    @Override
    public String params(String name) {
        return original.params(name);
    }

    @Override
    public Map<String, String> params() {
        return original.params();
    }

    @Override
    public String headers(String name) {
        return original.headers(name);
    }

    @Override
    public Set<String> headers() {
        return original.headers();
    }

    @Override
    public <T> T attribute(String name) {
        return original.attribute(name);
    }

    @Override
    public void attribute(String name, Object value) {
        original.attribute(name, value);
    }

    @Override
    public Set<String> attributes() {
        return original.attributes();
    }

    @Override
    public spark.Session session() {
        return original.session();
    }

    @Override
    public spark.Session session(boolean create) {
        return original.session(create);
    }

    @Override
    public Map<String, String> cookies() {
        return original.cookies();
    }

    @Override
    public String cookie(String name) {
        return original.cookie(name);
    }

    @Override
    public jakarta.servlet.http.HttpServletRequest raw() {
        return original.raw();
    }

    @Override
    public String requestMethod() {
        return original.requestMethod();
    }

    @Override
    public String pathInfo() {
        return original.pathInfo();
    }

    @Override
    public String uri() {
        return original.uri();
    }

    @Override
    public String ip() {
        return original.ip();
    }

    @Override
    public String host() {
        return original.host();
    }

    @Override
    public String queryString() {
        return original.queryString();
    }
}
