package org.wardheat.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.model.Role;
import org.wardheat.service.Actor;
import org.wardheat.service.Workspace;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code serve --tls-keystore}: HTTPS from a PKCS#12 keystore, Secure session cookies, and the admin rule. */
class TlsTest {
    static final String STORE_PASSWORD = "keystore-password";

    @Test
    void servesHttpsWithSecureCookiesAndNeedsAnAdmin(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("wardheat.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "wardheat", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        assertEquals(0, keytool.waitFor(), new String(keytool.getInputStream().readAllBytes()));
        ServerSettings settings = ServerSettings.loopback(0).withAccess(new ServerSettings.Access(false, List.of(), keystore, STORE_PASSWORD));
        try (Workspace ws = Workspace.open(dir.resolve("data"))) {
            ApiServer refused = new ApiServer(ws, new ApiServer.WebConfig(null, "", false));
            assertThrows(IllegalStateException.class, () -> refused.start(settings), "TLS counts as exposed: an admin is needed");
            ApiServer server = new ApiServer(ws, new ApiServer.WebConfig(null, "", false));
            server.access().add(new Actor("test", "test"), "root", Role.ADMIN, "correct horse battery staple".toCharArray());
            int port = server.start(settings);
            try {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(keystore)) {
                    trust.load(in, STORE_PASSWORD.toCharArray());
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, tmf.getTrustManagers(), null);
                HttpClient client = HttpClient.newBuilder().sslContext(tls).build();
                String base = "https://localhost:" + port;
                assertEquals(401, client.send(HttpRequest.newBuilder(URI.create(base + "/api/months")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode());
                HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"root\",\"password\":\"correct horse battery staple\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, login.statusCode(), login.body());
                String cookie = login.headers().firstValue("set-cookie").orElseThrow();
                assertTrue(cookie.contains("; Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
                HttpResponse<String> months = client.send(HttpRequest.newBuilder(URI.create(base + "/api/months"))
                        .header("Cookie", cookie.substring(0, cookie.indexOf(';'))).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, months.statusCode(), months.body());
                HttpClient plain = HttpClient.newHttpClient();
                assertThrows(java.io.IOException.class, () -> plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/config")).build(),
                        HttpResponse.BodyHandlers.ofString()), "no plain HTTP on the TLS port");
            } finally {
                server.stop();
            }
        }
    }
}
