package org.wardheat.http;

import org.wardheat.model.Permission;
import org.wardheat.service.AccessService;
import org.wardheat.store.Account;
import spark.Request;
import spark.Response;
import spark.Route;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one seam where access is decided: every API route is registered through {@link #route}, with the
 * {@link Permission} it needs (null: anyone), and the list of them is {@link #routes()} (the route × role
 * test reads it). Per request, in order:
 * <ol>
 * <li>The caller: when the server runs open ({@code --no-login}, or no account exists, which {@code serve}
 *     allows on loopback only) the operator with every right; otherwise the account of the session cookie,
 *     as stored now (a disabled account's sessions stop at once; a changed role applies at once).</li>
 * <li>A route that needs a permission: 401 without a session, 403 when the role lacks it.</li>
 * <li>A state-changing request (not GET or HEAD) in a session must carry the session's CSRF token in the
 *     {@code X-CSRF-Token} header: 403 otherwise. (The {@link RequestGuard} has already refused cross-origin
 *     ones and non-JSON bodies.)</li>
 * <li>The route runs with its {@link RequestContext} (caller, disclosure control, audit of downloads).</li>
 * </ol>
 */
final class AccessGate {
    static final String COOKIE = "wardheat_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD");

    /** One registered route and what it needs. */
    record RouteSpec(String method, String path, Permission permission) {
    }

    private final AccessService access;
    private final Sessions sessions;
    private final ClientAddress addresses;
    private final boolean noLogin;
    private final ViewerDisclosure disclosure;
    private final spark.Service http;
    private final List<RouteSpec> routes = new ArrayList<>();

    AccessGate(spark.Service http, AccessService access, Sessions sessions, ClientAddress addresses, boolean noLogin,
               ViewerDisclosure disclosure) {
        this.http = http;
        this.access = access;
        this.sessions = sessions;
        this.addresses = addresses;
        this.noLogin = noLogin;
        this.disclosure = disclosure;
    }

    /** Registers {@code route} for {@code method} and {@code path}, open to callers with {@code permission} (null: anyone). */
    void route(String method, String path, Permission permission, Route route) {
        routes.add(new RouteSpec(method, path, permission));
        Route guarded = (req, res) -> {
            Caller caller = caller(req);
            if (permission != null) {
                if (caller == null) {
                    throw new AccessDeniedException(401, "sign in first");
                }
                if (!caller.role().may(permission)) {
                    throw new AccessDeniedException(403, "the role " + caller.role().word() + " may not do this ("
                            + permission.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
                }
            }
            if (!SAFE.contains(req.requestMethod()) && caller != null && !caller.open()) {
                String token = req.headers(CSRF_HEADER);
                String expected = session(req).map(Sessions.Session::csrf).orElse(null);
                if (token == null || expected == null || !java.security.MessageDigest.isEqual(
                        token.getBytes(java.nio.charset.StandardCharsets.UTF_8), expected.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                    throw new AccessDeniedException(403, "missing or wrong " + CSRF_HEADER + " header; reload the page");
                }
            }
            RequestContext.set(new RequestContext(caller == null ? Caller.anonymous(address(req)) : caller, req, access, disclosure));
            try {
                return route.handle(req, res);
            } finally {
                RequestContext.set(null);
            }
        };
        switch (method) {
            case "GET" -> http.get(path, guarded);
            case "POST" -> http.post(path, guarded);
            case "PUT" -> http.put(path, guarded);
            case "DELETE" -> http.delete(path, guarded);
            default -> throw new IllegalArgumentException("no method " + method);
        }
    }

    /** Every route registered, in order. */
    List<RouteSpec> routes() {
        return List.copyOf(routes);
    }

    /** True when no sign-in is required. */
    boolean open() {
        return noLogin || !access.hasAccounts();
    }

    /** The caller of {@code req}, or null when sign-in is required and there is no live session. */
    Caller caller(Request req) {
        String address = address(req);
        if (open()) {
            return Caller.open(address);
        }
        return session(req).flatMap(s -> access.current(s.user()))
                .filter(a -> !a.disabled())
                .map(a -> new Caller(a.name(), a.role(), address, false))
                .orElse(null);
    }

    Optional<Sessions.Session> session(Request req) {
        return sessions.touch(req.cookie(COOKIE));
    }

    String address(Request req) {
        return addresses.of(req.raw().getRemoteAddr(), req.headers("X-Forwarded-For"));
    }

    /** True when the browser reached us over TLS: directly, or through the trusted proxy saying so. */
    boolean secure(Request req) {
        return req.raw().isSecure() || (addresses.behindProxy(req.raw().getRemoteAddr())
                && "https".equalsIgnoreCase(req.headers("X-Forwarded-Proto")));
    }

    /** Signs in and sets the session cookie; the new session, or empty when the name or password is wrong. */
    Optional<Sessions.Session> signIn(Request req, Response res, String name, char[] password) {
        Optional<Account> account = access.signIn(name, password, address(req));
        if (account.isEmpty()) {
            return Optional.empty();
        }
        sessions.end(req.cookie(COOKIE));
        Sessions.Session s = sessions.start(account.get().name());
        res.raw().addHeader("Set-Cookie", cookie(s.id(), Sessions.ABSOLUTE.toSeconds(), secure(req)));
        return Optional.of(s);
    }

    void signOut(Request req, Response res) {
        sessions.end(req.cookie(COOKIE));
        res.raw().addHeader("Set-Cookie", cookie("", 0, secure(req)));
    }

    /** Ends the sessions of {@code user}. */
    void endSessions(String user) {
        sessions.endAll(user);
    }

    static String cookie(String value, long maxAgeSeconds, boolean secure) {
        return COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
