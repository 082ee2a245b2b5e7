package org.wardheat.cli;

import org.wardheat.service.Workspace;
import org.wardheat.demo.DemoBorough;
import org.wardheat.http.AnalysisPool;
import org.wardheat.http.ApiServer;
import org.wardheat.http.CannotListenException;
import org.wardheat.http.HttpLimits;
import org.wardheat.http.ServerSettings;
import org.wardheat.query.Limits;
import org.wardheat.store.TileSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", description = "Start the web map and the HTTP API.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR",
            description = "The data directory (default: data, or demo-data with --demo).")
    Path dataDir;
    @Option(names = "--port", defaultValue = "8080", description = "TCP port (default: 8080; 0 for any free port).")
    int port;
    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for every interface).")
    String host;
    @Option(names = "--allowed-host", paramLabel = "NAME",
            description = "A host name browsers may use to reach the server, besides localhost, 127.0.0.1, [::1] and --host (repeatable).")
    List<String> allowedHosts = new ArrayList<>();
    @Option(names = "--max-upload-mb", defaultValue = "512", paramLabel = "MB",
            description = "Largest upload accepted by the page's import, in MiB (default: 512).")
    long maxUploadMb;
    @Option(names = "--analysis-seconds", defaultValue = "60", paramLabel = "S",
            description = "Running time allowed to one analysis before it is stopped (default: 60).")
    int analysisSeconds;
    @Option(names = "--demo", description = "Load the embedded synthetic demo borough (generated on first run).")
    boolean demo;
    @Option(names = "--basemap", paramLabel = "FILE",
            description = "A raster basemap file (.mbtiles or .pmtiles) served by this server at /tiles/{z}/{x}/{y}; works offline.")
    Path basemap;
    @Option(names = "--tiles", defaultValue = "none", paramLabel = "URL",
            description = "An online basemap's tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png, or 'none' (default: none, no basemap).")
    String tiles;
    @Option(names = "--tiles-attribution", defaultValue = "", paramLabel = "TEXT",
            description = "The online basemap's attribution, as text (e.g. \"© OpenStreetMap contributors\").")
    String attribution;
    @Option(names = "--no-login", description = "Serve without sign-in even on a non-loopback --host or where accounts exist: everyone who reaches the port has every right.")
    boolean noLogin;
    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS",
            description = "The address of a reverse proxy (nginx, Caddy) terminating TLS in front of wardheat: from it, X-Forwarded-For gives the client's address and X-Forwarded-Proto: https makes cookies Secure (repeatable).")
    List<String> trustedProxies = new ArrayList<>();
    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "Serve HTTPS from this PKCS#12 (or JKS) keystore; its password is read from the environment variable WARDHEAT_TLS_PASSWORD, or else from the first line of standard input.")
    Path tlsKeystore;

    @Override
    public Integer call() throws Exception {
        Limits.PORT.check("--port", port);
        Limits.MAX_UPLOAD_MIB.check("--max-upload-mb", maxUploadMb);
        Limits.ANALYSIS_SECONDS.check("--analysis-seconds", analysisSeconds);
        AnalysisPool.Settings pool = AnalysisPool.Settings.defaults();
        ServerSettings settings = new ServerSettings(host, port, allowedHosts, HttpLimits.DEFAULT.withUploadBytes(maxUploadMb << 20),
                new AnalysisPool.Settings(pool.threads(), pool.queue(), java.time.Duration.ofSeconds(analysisSeconds)));
        if (basemap != null && !tiles.equals("none")) {
            throw new IllegalArgumentException("--basemap and --tiles both name a basemap; give one");
        }
        TileSource tileFile = basemap == null ? null : TileSource.open(basemap);
        String tlsPassword = null;
        if (tlsKeystore != null) {
            tlsPassword = System.getenv("WARDHEAT_TLS_PASSWORD");
            if (tlsPassword == null) {
                tlsPassword = new String(PasswordInput.read("password of " + tlsKeystore));
            }
        }
        settings = settings.withAccess(new ServerSettings.Access(noLogin, trustedProxies, tlsKeystore, tlsPassword));
        Path dir = dataDir != null ? dataDir : Path.of(demo ? "demo-data" : "data");
        Workspace ws = Workspace.open(dir);
        if (demo) {
            System.out.println("loading the synthetic demo borough into " + dir.toAbsolutePath() + " ...");
            DemoBorough.install(ws, dir.resolve("demo-source"));
        }
        ApiServer server = new ApiServer(ws, tileFile != null ? ApiServer.WebConfig.basemap(tileFile, demo)
                : new ApiServer.WebConfig(tiles.equals("none") ? null : tiles, attribution, demo), tileFile);
        int actual;
        try {
            actual = server.start(settings);
        } catch (CannotListenException | IllegalStateException | IllegalArgumentException e) {
            ws.close();
            System.err.println("wardheat: error: " + e.getMessage());
            return 1;
        }
        if (noLogin) {
            System.out.println("WARNING: --no-login: no sign-in; everyone who reaches the port can read, import, export and delete everything");
        } else if (!server.access().hasAccounts()) {
            System.out.println("no accounts: running open on this machine only (add one with 'wardheat users add NAME --role admin' to require sign-in)");
        }
        String shown = host.equals("127.0.0.1") || host.equals("0.0.0.0") || host.equals("::") ? "localhost"
                : host.contains(":") ? "[" + host + "]" : host;
        System.out.println("wardheat is running at " + (tlsKeystore != null ? "https" : "http") + "://" + shown + ":" + actual + "/  (data: " + dir.toAbsolutePath() + ")");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            ws.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
