package org.wardheat.cli;

import org.wardheat.boundaries.BoundaryException;
import org.wardheat.imports.ImportException;
import org.wardheat.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.Path;

/** The {@code wardheat} command line: {@code wardheat <command> [options]}. */
@Command(name = "wardheat", mixinStandardHelpOptions = true, version = "wardheat 0.1.0",
        description = "Ward hotspot analysis for community safety partnerships.",
        subcommands = {BoundariesCommand.class, PopulationCommand.class, ImportCommand.class, DatasetsCommand.class,
                WardsCommand.class, HotspotsCommand.class, RepeatsCommand.class, NeedlesCommand.class,
                EncampmentsCommand.class, NearRepeatCommand.class, ServeCommand.class, BenchCommand.class, BenchHotspotsCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code: 0 success, 1 failure, 2 usage error. */
    public static int run(String... args) {
        configureGeoTools();
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("wardheat: error: " + describe(e));
            return 1;
        });
        return cli.execute(args);
    }

    static String describe(Exception e) {
        if (e instanceof BoundaryException || e instanceof ImportException || e instanceof StoreException
                || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Keeps GeoTools' Java preferences out of the user's home unless told otherwise. */
    static void configureGeoTools() {
        if (System.getProperty("java.util.prefs.userRoot") == null) {
            System.setProperty("java.util.prefs.userRoot",
                    Path.of(System.getProperty("java.io.tmpdir"), "wardheat-prefs").toString());
        }
        System.setProperty("org.geotools.referencing.forceXY", "true");
    }
}
