package org.wardheat.cli;

import org.wardheat.demo.DemoBorough;
import org.wardheat.service.Workspace;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Runs the common commands once on the synthetic demo borough in a temporary directory, writing nothing
 * else: the {@code wardheat} script runs it when it records its class-data-sharing archive, so the archive
 * holds the classes that ward tables, hotspot surfaces and the server load (GeoTools' referencing, units and
 * imaging registries among them), not only those of whichever command happened to run first after a build.
 */
@Command(name = "train-startup", hidden = true,
        description = "Runs wards, strategic and hotspot analyses on the demo in a temporary directory, for the start-up archive.")
final class TrainStartupCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("wardheat-train");
        PrintStream out = System.out, err = System.err;
        try {
            Path data = dir.resolve("data");
            try (Workspace ws = Workspace.open(data)) {
                DemoBorough.install(ws, dir.resolve("source"));
            }
            PrintStream none = new PrintStream(OutputStream.nullOutputStream());
            System.setOut(none);
            System.setErr(none);
            String[] on = {"--data", data.toString(), "--boundaries", DemoBorough.BOUNDARIES, "--from", "2024-01", "--to", "2024-12"};
            int failed = 0;
            for (String[] command : new String[][]{{"wards"}, {"strategic"}, {"hotspots", "kde"}, {"hotspots", "gistar"}}) {
                String[] args = Stream.concat(Stream.of(command), Stream.concat(Stream.of(on),
                        Stream.of("--output", dir.resolve(String.join("-", command) + ".csv").toString()))).toArray(String[]::new);
                failed += Main.run(args) == 0 ? 0 : 1;
            }
            return failed == 0 ? 0 : 1;
        } finally {
            System.setOut(out);
            System.setErr(err);
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
