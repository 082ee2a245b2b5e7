package org.wardheat.cli;

import org.wardheat.boundaries.BoundaryException;
import org.wardheat.imports.ImportException;
import org.wardheat.query.InvalidParameterException;
import org.wardheat.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.Path;

/** The {@code wardheat} command line: {@code wardheat <command> [options]}. */
@Command(name = "wardheat", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = Main.VERSION,
        description = "Ward hotspot analysis for community safety partnerships.",
        subcommands = {BoundariesCommand.class, PopulationCommand.class, ImportCommand.class, DatasetsCommand.class,
                WardsCommand.class, HotspotsCommand.class, RepeatsCommand.class, NeedlesCommand.class,
                EncampmentsCommand.class, NearRepeatCommand.class, StrategicCommand.class, GroupsCommand.class, TrendsCommand.class,
                PrioritiesCommand.class, AreaTotalsCommand.class, ContextCommand.class, ServeCommand.class, UsersCommand.class, AuditCommand.class,
                DeleteCommand.class, BenchCommand.class, BenchHotspotsCommand.class, TrainStartupCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    static final String VERSION = "wardheat 0.1.0";

    /**
     * The root with one subcommand registered: picocli builds the model of every command it is given (about
     * 0.2 s for all of them), so a run that names its command builds that one only. Root help, {@code help},
     * {@code --version} and unknown commands use the whole {@link Main}.
     */
    @Command(name = "wardheat", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = VERSION)
    static final class One {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns the exit code: 0 success, 1 failure, 2 usage error (including a
     * parameter outside its range, reported as {@code --option: reason}).
     */
    public static int run(String... args) {
        configureGeoTools();
        CommandLine cli = commandLine(args);
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


    /** The command line for these arguments: only the named command's model when the first argument names one. */
    static CommandLine commandLine(String... args) {
        if (args.length > 0) {
            for (Class<?> c : Main.class.getAnnotation(Command.class).subcommands()) {
                Command command = c.getAnnotation(Command.class);
                if (c != CommandLine.HelpCommand.class && command.name().equals(args[0])) {
                    return new CommandLine(new One()).addSubcommand(command.name(), c);
                }
            }
        }
        return new CommandLine(new Main());
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
