package org.wardheat.http;

import org.wardheat.TestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.model.Role;
import org.wardheat.service.Actor;
import org.wardheat.service.Workspace;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

/**
 * Every route × every role: anonymous callers get 401 on every route that needs a permission, each role gets
 * its route's answer or 403 exactly as the README's table says. The routes come from the server's own route
 * table; the expected least role of each is written out here, so a new route without an entry fails.
 */
class RouteRoleTest {
    /** The README's table: the least role each route needs ("anyone" for public ones). */
    static final Map<String, String> LEAST_ROLE = new LinkedHashMap<>();

    static {
        for (String r : List.of("GET /api/config", "GET /api/session", "POST /api/login", "POST /api/logout")) {
            LEAST_ROLE.put(r, "anyone");
        }
        for (String r : List.of("GET /api/boundaries", "GET /api/boundaries/:id", "GET /api/boundaries/:id/outline", "GET /api/datasets", "GET /api/categories",
                "GET /api/months", "GET /api/periods", "GET /api/wards", "GET /api/wards.csv", "GET /api/hotspots/:analysis", "GET /api/context",
                "GET /api/areas", "POST /api/areas", "PUT /api/areas/:id", "DELETE /api/areas/:id", "GET /api/strategic",
                "GET /api/export/wards", "GET /api/export/hotspots", "GET /api/export/strategic", "GET /api/export/:layer",
                "GET /api/groups", "GET /api/trends", "GET /api/priorities", "GET /api/export/trends", "GET /api/export/priorities")) {
            LEAST_ROLE.put(r, "viewer");
        }
        for (String r : List.of("GET /api/wards/summary", "GET /api/area-summary", "GET /api/repeats", "GET /api/needles/table",
                "GET /api/encampments", "GET /api/near-repeat")) {
            LEAST_ROLE.put(r, "planner");
        }
        for (String r : List.of("GET /api/export/areas", "GET /api/export/repeats", "GET /api/export/encampments",
                "GET /api/export/encampment-years", "GET /api/export/needles", "GET /api/export/near-repeat", "POST /api/import", "POST /api/boundaries", "POST /api/population",
                "GET /api/boundaries/:id/fields", "POST /api/boundaries/dissolve", "DELETE /api/datasets/:id", "DELETE /api/datasets/:id/files/:file", "GET /ogc", "GET /ogc/", "GET /ogc/conformance",
                "GET /ogc/api", "GET /ogc/collections", "GET /ogc/collections/:collectionId", "GET /ogc/collections/:collectionId/items",
                "GET /ogc/collections/:collectionId/items/:featureId")) {
            LEAST_ROLE.put(r, "analyst");
        }
        for (String r : List.of("GET /api/users", "GET /api/audit")) {
            LEAST_ROLE.put(r, "admin");
        }
    }

    static final String PASSWORD = "correct horse battery staple";
    static final String QUERY = "?boundaries=three&from=2022-01&to=2022-02&simulations=19&bandwidth=500&cell=100";
    @TempDir
    static Path dir;
    static TestServer test;
    static Workspace ws;
    static ApiServer server;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        test = TestServer.in(dir).threeWards(row("2022-01", "Burglary", lon(0), LAT) + row("2022-02", "Burglary", lon(0), LAT)
                + row("2021-12", "Drugs", lon(1), LAT)).before(s -> {
                    for (Role r : Role.values()) {
                        s.access().add(new Actor("test", "test"), r.word(), r, PASSWORD.toCharArray());
                    }
                }).start();
        ws = test.workspace;
        server = test.server();
        base = test.base();
    }

    @AfterAll
    static void stop() {
        test.close();
    }

    /** A signed-in client: its cookie and CSRF token. */
    record Client(String role, String cookie, String csrf) {
    }

    static Client signIn(String role) throws Exception {
        HttpResponse<String> r = send("POST", "/api/login", JSON.writeValueAsString(Map.of("name", role, "password", PASSWORD)), null);
        assertEquals(200, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        Client c = new Client(role, setCookie.substring(0, setCookie.indexOf(';')), null);
        JsonNode session = JSON.readTree(send("GET", "/api/session", null, c).body());
        assertEquals(role, session.get("role").asText());
        return new Client(role, c.cookie(), session.get("csrf").asText());
    }

    static HttpResponse<String> send(String method, String path, String body, Client c) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (c != null) {
            b.header("Cookie", c.cookie());
            if (c.csrf() != null) {
                b.header(AccessGate.CSRF_HEADER, c.csrf());
            }
        }
        if (method.equals("POST") && (path.startsWith("/api/import") || path.startsWith("/api/boundaries?") || path.equals("/api/boundaries")
                || path.startsWith("/api/population"))) {
            b.header("Content-Type", "multipart/form-data; boundary=xx");
            b.method(method, HttpRequest.BodyPublishers.ofString("--xx--\r\n"));
        } else if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.IOException(method + " " + path + " as " + (c == null ? "anonymous" : c.role()) + ": " + e.getMessage(), e);
        }
    }

    /** What a caller allowed on the route gets (a request built to succeed, or to reach the route's own 4xx). */
    static int allowedStatus(String route) {
        return switch (route) {
            case "POST /api/login" -> 401; // wrong password, on purpose: signing in again would end the session
            case "POST /api/areas" -> 201;
            case "GET /api/export/:layer", "DELETE /api/datasets/:id", "DELETE /api/datasets/:id/files/:file" -> 404; // no such layer or dataset
            case "POST /api/import", "POST /api/boundaries", "POST /api/population" -> 400; // no file in the upload
            case "POST /api/boundaries/dissolve" -> 400; // no ward has the property
            default -> 200;
        };
    }

    /** The request for a route: path parameters filled in, a body for writes. */
    static HttpResponse<String> call(String method, String path, Client c, Map<String, Long> areas) throws Exception {
        String role = c == null ? "anonymous" : c.role();
        String p = path.replace("/api/boundaries/:id", "/api/boundaries/three").replace(":analysis", "kde").replace(":layer", "no-such-layer")
                .replace("/api/datasets/:id", "/api/datasets/no-such-dataset").replace(":file", "999")
                .replace("/api/areas/:id", "/api/areas/" + areas.getOrDefault(role, 1L))
                .replace(":collectionId", "wards-three").replace(":featureId", "E05000001");
        String body = switch (method + " " + path) {
            case "POST /api/login" -> "{\"name\":\"nobody\",\"password\":\"wrong password, long enough\"}";
            case "POST /api/areas" -> "{\"name\":\"area of " + role + "\",\"boundaries\":\"three\",\"wards\":[\"E05000001\"]}";
            case "PUT /api/areas/:id" -> "{\"name\":\"renamed by " + role + "\"}";
            case "POST /api/logout" -> "{}";
            case "POST /api/boundaries/dissolve" -> "{\"from\":\"three\",\"by\":\"NO_SUCH_FIELD\",\"id\":\"by-" + role + "\"}";
            default -> null;
        };
        String query = method.equals("GET") && !p.startsWith("/api/boundaries/") && !p.equals("/api/audit") && !p.startsWith("/ogc") ? QUERY : "";
        HttpResponse<String> r = send(method, p + query, body, c);
        if (r.statusCode() == 201 && path.equals("/api/areas")) {
            areas.put(role, JSON.readTree(r.body()).get("id").asLong());
        }
        return r;
    }

    @Test
    void everyRouteAnswersEachRoleAsTheTableSays() throws Exception {
        List<AccessGate.RouteSpec> routes = server.routeTable();
        List<String> missing = new ArrayList<>();
        for (AccessGate.RouteSpec r : routes) {
            String key = r.method() + " " + r.path();
            if (!LEAST_ROLE.containsKey(key)) {
                missing.add(key);
            }
            String least = LEAST_ROLE.get(key);
            assertEquals(least == null || least.equals("anyone"), r.permission() == null, key + ": public exactly when the table says anyone");
        }
        assertEquals(List.of(), missing, "routes without a row in the role table (add them here and to the README)");
        assertEquals(LEAST_ROLE.size(), routes.size(), "every row of the table is a route");

        List<String> wrong = new ArrayList<>();
        Map<String, Long> areas = new HashMap<>();
        List<Client> callers = new ArrayList<>();
        callers.add(null);
        for (Role role : Role.values()) {
            callers.add(signIn(role.word()));
        }
        for (Client c : callers) {
            for (AccessGate.RouteSpec r : routes) {
                String key = r.method() + " " + r.path();
                if (key.equals("POST /api/logout")) {
                    continue; // last, below
                }
                String least = LEAST_ROLE.get(key);
                int expected;
                if (least.equals("anyone")) {
                    expected = allowedStatus(key);
                } else if (c == null) {
                    expected = 401;
                } else {
                    expected = Role.of(c.role()).ordinal() >= Role.of(least).ordinal() ? allowedStatus(key) : 403;
                }
                HttpResponse<String> answer = call(r.method(), r.path(), c, areas);
                if (answer.statusCode() != expected) {
                    wrong.add((c == null ? "anonymous" : c.role()) + " " + key + ": " + answer.statusCode() + " not " + expected + " " + answer.body());
                }
            }
            HttpResponse<String> out = send("POST", "/api/logout", "{}", c);
            if (out.statusCode() != 200) {
                wrong.add((c == null ? "anonymous" : c.role()) + " POST /api/logout: " + out.statusCode());
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * The ward and hotspot layers are kept as sent per disclosure rule: a viewer asking after an analyst gets the
     * disclosure-controlled layer, not the analyst's kept one, and the analyst asking again still gets the full one.
     */
    @Test
    void keptLayersAreKeptPerDisclosureRule() throws Exception {
        Client analyst = signIn("analyst"), viewer = signIn("viewer");
        for (String path : List.of("/api/hotspots/gistar" + QUERY, "/api/wards" + QUERY)) {
            JsonNode full = JSON.readTree(send("GET", path, null, analyst).body());
            JsonNode controlled = JSON.readTree(send("GET", path, null, viewer).body());
            JsonNode again = JSON.readTree(send("GET", path, null, analyst).body());
            assertFalse(full.has("disclosure_control"), path + ": " + full.toString().substring(0, 200));
            assertTrue(controlled.has("disclosure_control"), path + " as a viewer: " + controlled.toString().substring(0, 200));
            assertEquals(full, again, path);
        }
    }
}
