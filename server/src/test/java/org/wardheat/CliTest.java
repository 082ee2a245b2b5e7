package org.wardheat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * A test of the command line run in process: a temporary directory {@link #dir}, the data directory
 * {@code dir/data}, and {@link #cli} capturing standard output and error around each test.
 */
public abstract class CliTest {
    @TempDir
    protected Path dir;
    protected CliRun cli;

    @BeforeEach
    void captureOutput() {
        cli = new CliRun(dir.resolve("data"));
    }

    @AfterEach
    void restoreOutput() {
        cli.close();
    }
}
