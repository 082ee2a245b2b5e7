package org.wardheat.cli;

import org.wardheat.boundaries.BoundaryException;
import org.wardheat.imports.ImportException;
import org.wardheat.query.InvalidParameterException;
import org.wardheat.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.Path;

/** The {@code wardheat} command line: {@code wardheat <command> [options]}. */
@Command(name = "wardheat", mixinStandardHelpOptions = true, version = "wardheat 0.1.0",
        description = "Ward hotspot analysis for community safety partnerships.",
        subcommands = {BoundariesCommand.class, PopulationCommand.class, ImportCommand.class, DatasetsCommand.class,
                WardsCommand.class, HotspotsCommand.class, RepeatsCommand.class, NeedlesCommand.class,
                EncampmentsCommand.class, NearRepeatCommand.class, StrategicCommand.class, GroupsCommand.class, TrendsCommand.class,
                PrioritiesCommand.class, AreaTotalsCommand.class, ContextCommand.class, ServeCommand.class, UsersCommand.class, AuditCommand.class,
                DeleteCommand.class, BenchCommand.class, BenchHotspotsCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns the exit code: 0 success, 1 failure, 2 usage error (including a
     * parameter outside its range, reported as {@code --option: reason}).
     */
    public static int run(String... args) {
        configureGeoTools();
        CommandLine cli = new CommandLine(new Main());
        // plain decimals only, as over HTTP: no hex, exponents, suffixes, NaN or infinities
        CommandLine.ITypeConverter<Double> decimal = s -> {
            if (!org.wardheat.query.Values.isPlainDecimal(s)) {
                throw new CommandLine.TypeConversionException("'" + s + "' is not a plain decimal number");
            }
            return Double.valueOf(s.trim());
        };
        cli.registerConverter(Double.class, decimal).registerConverter(double.class, decimal);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("wardheat: error: " + describe(e));
            return e instanceof InvalidParameterException ? 2 : 1;
        });
        return cli.execute(args);
    }


    /** The message for the user: the option and what is allowed, the domain error, or no Java exception text. */
    static String describe(Exception e) {
        if (e instanceof InvalidParameterException p) {
            return p.option() + ": " + p.reason();
        }
        if (e instanceof BoundaryException || e instanceof ImportException || e instanceof StoreException
                || e instanceof IllegalArgumentException || e instanceof java.nio.file.NoSuchFileException) {
            return e instanceof java.nio.file.NoSuchFileException ? "no such file: " + e.getMessage() : e.getMessage();
        }
        if (e instanceof java.io.IOException) {
            return "cannot read or write a file: " + e.getMessage();
        }
        org.slf4j.LoggerFactory.getLogger(Main.class).error("unexpected failure", e);
        return "unexpected failure (" + e.getClass().getSimpleName() + "); the log above has the details";
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
