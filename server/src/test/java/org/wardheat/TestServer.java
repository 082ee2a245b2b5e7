package org.wardheat;

import org.wardheat.http.ApiServer;
import org.wardheat.http.ServerSettings;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.service.Workspace;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A workspace served on a free loopback port for a test class, and GETs against it: the one set-up of every HTTP
 * test. {@code TestServer.in(dir).threeWards(rows).start()} serves {@link TestFiles#threeWards} as boundary set
 * {@code three} with the police.uk rows imported as dataset {@code police-uk}.
 */
public final class TestServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    public final Workspace workspace;
    private final ApiServer server;
    private final int port;

    /** Fills a workspace before it is served. */
    public interface Fill {
        void into(Workspace ws) throws Exception;
    }

    /** Prepares the server before it listens: accounts, test-only routes. */
    public interface Setup {
        void before(ApiServer server) throws Exception;
    }

    private TestServer(Workspace workspace, ApiServer server, int port) {
        this.workspace = workspace;
        this.server = server;
        this.port = port;
    }

    /** Opens {@code dataDir}, fills it, and serves it with the default settings. */
    public static TestServer start(Path dataDir, Fill fill) throws Exception {
        return new Builder(dataDir.getParent(), dataDir).fill(fill).start();
    }

    /** A server whose data directory is {@code dir/data}; test files are written in {@code dir}. */
    public static Builder in(Path dir) {
        return new Builder(dir, dir.resolve("data"));
    }

    /** What to serve, and how. */
    public static final class Builder {
        private final Path dir;
        private final Path dataDir;
        private final List<Fill> fills = new ArrayList<>();
        private final List<Setup> setups = new ArrayList<>();
        private ApiServer.WebConfig web = new ApiServer.WebConfig(null, "", false);
        private ServerSettings settings = ServerSettings.loopback(0);

        private Builder(Path dir, Path dataDir) {
            this.dir = dir;
            this.dataDir = dataDir;
        }

        /** Boundary set {@code three} ({@link TestFiles#threeWards}) and {@code policeRows} (after the police.uk header) as dataset {@code police-uk}. */
        public Builder threeWards(String policeRows) {
            return fill(ws -> {
                ws.addBoundaries("three", TestFiles.threeWards(dir), null, null);
                ws.importFiles(List.of(Files.writeString(dir.resolve("a.csv"), TestFiles.POLICE_HEADER + policeRows)),
                        IncidentFormat.POLICE_UK, "police-uk", null);
            });
        }

        public Builder fill(Fill fill) {
            fills.add(fill);
            return this;
        }

        public Builder before(Setup setup) {
            setups.add(setup);
            return this;
        }

        public Builder web(ApiServer.WebConfig web) {
            this.web = web;
            return this;
        }

        public Builder settings(ServerSettings settings) {
            this.settings = settings;
            return this;
        }

        /** Opens, fills, sets up and serves; closes the workspace again if any step fails. */
        public TestServer start() throws Exception {
            Workspace ws = Workspace.open(dataDir);
            try {
                for (Fill f : fills) {
                    f.into(ws);
                }
                ApiServer server = new ApiServer(ws, web);
                for (Setup s : setups) {
                    s.before(server);
                }
                return new TestServer(ws, server, server.start(settings));
            } catch (Exception | Error e) {
                ws.close();
                throw e;
            }
        }
    }

    public ApiServer server() {
        return server;
    }

    public int port() {
        return port;
    }

    /** {@code http://localhost:PORT}. */
    public String base() {
        return "http://localhost:" + port;
    }

    public HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        server.stop();
        workspace.close();
    }
}
