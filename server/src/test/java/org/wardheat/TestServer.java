package org.wardheat;

import org.wardheat.http.ApiServer;
import org.wardheat.service.Workspace;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** A workspace served on a free loopback port for a test class, and GETs against it. */
public final class TestServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    public final Workspace workspace;
    private final ApiServer server;
    private final String base;

    public interface Fill {
        void into(Workspace ws) throws Exception;
    }

    private TestServer(Workspace workspace, ApiServer server, int port) {
        this.workspace = workspace;
        this.server = server;
        this.base = "http://localhost:" + port;
    }

    /** Opens the data directory, fills it, and serves it. */
    public static TestServer start(Path dataDir, Fill fill) throws Exception {
        Workspace ws = Workspace.open(dataDir);
        fill.into(ws);
        ApiServer server = new ApiServer(ws, new ApiServer.WebConfig(null, "", false));
        return new TestServer(ws, server, server.start(0));
    }

    /** {@code http://localhost:PORT}. */
    public String base() {
        return base;
    }

    public HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        server.stop();
        workspace.close();
    }
}
