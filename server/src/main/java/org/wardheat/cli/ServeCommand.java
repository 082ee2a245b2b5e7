package org.wardheat.cli;

import org.wardheat.service.Workspace;
import org.wardheat.demo.DemoBorough;
import org.wardheat.http.ApiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", description = "Start the web map and the HTTP API.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR",
            description = "The data directory (default: data, or demo-data with --demo).")
    Path dataDir;
    @Option(names = "--port", defaultValue = "8080")
    int port;
    @Option(names = "--demo", description = "Load the embedded synthetic demo borough (generated on first run).")
    boolean demo;
    @Option(names = "--tiles", defaultValue = "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            description = "Basemap tile URL template, or 'none' (default: OpenStreetMap).")
    String tiles;
    @Option(names = "--tiles-attribution", defaultValue = "&copy; OpenStreetMap contributors")
    String attribution;

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? dataDir : Path.of(demo ? "demo-data" : "data");
        Workspace ws = Workspace.open(dir);
        if (demo) {
            System.out.println("loading the synthetic demo borough into " + dir.toAbsolutePath() + " ...");
            DemoBorough.install(ws, dir.resolve("demo-source"));
        }
        ApiServer server = new ApiServer(ws, new ApiServer.WebConfig(tiles.equals("none") ? null : tiles, attribution, demo));
        int actual = server.start(port);
        System.out.println("wardheat is running at http://localhost:" + actual + "/  (data: " + dir.toAbsolutePath() + ")");
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
