package org.wardheat.context;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real public files ({@code -Dwardheat.realdata}, default {@code ../shared/data/real}); a test is skipped when they are absent. */
final class RealData {
    private RealData() {
    }

    /** The folder, after assuming that {@code needed} (a path under it) exists. */
    static Path require(String needed) {
        Path real = Path.of(System.getProperty("wardheat.realdata", "../shared/data/real"));
        Assumptions.assumeTrue(Files.exists(real.resolve(needed)), "no real data at " + real.toAbsolutePath());
        return real;
    }
}
