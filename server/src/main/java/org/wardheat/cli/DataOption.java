package org.wardheat.cli;

import org.wardheat.service.Workspace;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --data DIR} option every command takes. */
public final class DataOption {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "The data directory holding the database (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    /** The data directory as a command (one run) reads it: incidents of the months an analysis needs only. */
    Workspace open() {
        return Workspace.openForOneCommand(dataDir);
    }
}
