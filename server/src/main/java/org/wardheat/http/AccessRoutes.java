package org.wardheat.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.wardheat.export.Exporter;
import org.wardheat.model.Permission;
import org.wardheat.model.Role;
import org.wardheat.service.AccessService;
import org.wardheat.service.TooManyAttemptsException;
import org.wardheat.store.Account;
import org.wardheat.store.ImportLog;
import spark.Request;
import spark.Response;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sign-in and sign-out, what the page may show ({@code /api/session}), the admin's lists of accounts and of
 * the audit trail, and deletion of data. The audit trail has no route that changes it.
 */
final class AccessRoutes {
    private final AccessGate gate;
    private final AccessService access;

    AccessRoutes(AccessGate gate, AccessService access) {
        this.gate = gate;
        this.access = access;
    }

    /** {@code {"open", "signedIn", "user", "role", "csrf", "permissions", "disclosureK"}}: what the page shows. */
    Object session(Request req, Response res) throws IOException {
        Caller c = gate.caller(req);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("open", gate.open());
        out.put("signedIn", c != null && !c.open());
        out.put("user", c == null || c.open() ? null : c.user());
        out.put("role", c == null ? null : c.role().word());
        out.put("csrf", c == null || c.open() ? null : gate.session(req).map(Sessions.Session::csrf).orElse(null));
        out.put("permissions", c == null ? List.of() : Arrays.stream(Permission.values()).filter(c.role()::may)
                .map(p -> p.name().toLowerCase(java.util.Locale.ROOT)).toList());
        out.put("disclosureK", c != null && c.role().disclosureControlled() ? ViewerDisclosure.K : null);
        res.header("Cache-Control", "no-store");
        return Replies.json(res, out);
    }

    /** Body {@code {"name": "...", "password": "..."}}: 200 with the session, 401 when wrong, 429 when throttled. */
    Object login(Request req, Response res) throws IOException {
        JsonNode body = Json.object(req);
        String name = Json.text(body, "name");
        char[] password = Json.text(body, "password").toCharArray();
        try {
            if (gate.signIn(req, res, name, password).isEmpty()) {
                throw new AccessDeniedException(401, "wrong name or password");
            }
        } catch (TooManyAttemptsException e) {
            res.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            throw new AccessDeniedException(429, e.getMessage());
        } finally {
            Arrays.fill(password, '\0');
        }
        res.header("Cache-Control", "no-store");
        return Replies.json(res, Map.of("signedIn", true, "user", name));
    }

    Object logout(Request req, Response res) throws IOException {
        Caller c = gate.caller(req);
        if (c != null && !c.open()) {
            access.record(c.actor(), "logout", c.user(), Map.of());
        }
        gate.signOut(req, res);
        return Replies.json(res, Map.of("signedIn", false));
    }

    /** Every account: name, role, disabled, created and updated (never the hash). */
    Object users(Request req, Response res) throws IOException {
        return Replies.json(res, access.accounts().stream().map(AccessRoutes::shown).toList());
    }

    static Map<String, Object> shown(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("role", a.role().word());
        m.put("disabled", a.disabled());
        m.put("createdAt", a.createdAt());
        m.put("updatedAt", a.updatedAt());
        return m;
    }

    /** The audit trail, oldest first: {@code from}, {@code to} (ISO-8601 instants or dates), {@code user}, {@code limit} (1–10000, default 1000). */
    Object audit(Request req, Response res) throws IOException {
        Instant from = instant(QueryBinder.text(req, "from"), "from");
        Instant to = instant(QueryBinder.text(req, "to"), "to");
        Integer limit = QueryBinder.integer(req, "limit", org.wardheat.query.Range.closed(1, 10_000, "a whole number"), 1000);
        return Replies.json(res, access.audit(from, to, QueryBinder.text(req, "user"), limit));
    }

    /** Parses {@code 2026-11-23T10:00:00Z} or {@code 2026-11-23} (midnight UTC); null stays null. */
    static Instant instant(String text, String parameter) {
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.wardheat.query.InvalidParameterException(parameter, "is a date (2026-11-23) or an instant (2026-11-23T10:00:00Z), not '" + text + "'");
        }
    }

    Object deleteDataset(Request req, Response res) throws IOException {
        ImportLog.Deletion d = access.deleteDataset(RequestContext.current().caller().actor(), req.params("id"));
        return Replies.json(res, d);
    }

    Object deleteFile(Request req, Response res) throws IOException {
        long file;
        try {
            file = Long.parseLong(req.params("file"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a file id is a number, not '" + req.params("file") + "'");
        }
        ImportLog.Deletion d = access.deleteFile(RequestContext.current().caller().actor(), req.params("id"), file);
        return Replies.json(res, d);
    }

    /** Role names, for messages. */
    static String roles() {
        return String.join(", ", Arrays.stream(Role.values()).map(Role::word).toList());
    }

    /** The JSON body helpers. */
    static final class Json {
        private Json() {
        }

        static JsonNode object(Request req) {
            try {
                JsonNode n = Exporter.JSON.readTree(req.body());
                if (n == null || !n.isObject()) {
                    throw new IllegalArgumentException("send a JSON object");
                }
                return n;
            } catch (IOException e) {
                throw new IllegalArgumentException("the body is not valid JSON");
            }
        }

        static String text(JsonNode n, String field) {
            JsonNode v = n.get(field);
            if (v == null || !v.isTextual() || v.asText().length() > 1024) {
                throw new IllegalArgumentException("the body needs a text field '" + field + "'");
            }
            return v.asText();
        }
    }
}
