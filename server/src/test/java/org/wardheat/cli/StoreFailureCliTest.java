package org.wardheat.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.TestFiles;
import org.wardheat.service.Workspace;
import org.wardheat.store.StoreTestHooks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code wardheat import} on a full disk or a busy store: one clear line on stderr, exit 1, nothing stored. */
class StoreFailureCliTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
        StoreTestHooks.freeDisk();
    }

    private int importFile(Path file) {
        err.reset();
        return Main.run("import", "--data", dir.resolve("data").toString(), file.toString());
    }

    private Path rows(String name, int n) throws Exception {
        return Files.writeString(dir.resolve(name), TestFiles.policeRows("2022-04", n));
    }

    private Workspace serverWithBoundaries() throws Exception {
        Workspace ws = Workspace.open(dir.resolve("data"));
        ws.addBoundaries("three", TestFiles.threeWards(dir), null, null);
        return ws;
    }

    @Test
    void diskFullKeepsSqlitesCauseAndStoresNothing() throws Exception {
        Path big = rows("big.csv", 5_000);
        try (Workspace server = serverWithBoundaries()) {
            assertEquals(0, importFile(rows("first.csv", 3)), err.toString());
            String before = StoreTestHooks.state(server.store());
            StoreTestHooks.fillDisk(server.store(), 3);
            assertEquals(1, importFile(big));
            assertEquals("wardheat: error: disk full: no room left for the data directory " + dir.resolve("data")
                    + " ([SQLITE_FULL] Insertion failed because database is full (database or disk is full));"
                    + " nothing of this change was stored; free some space and retry\n", err.toString());
            assertEquals(before, StoreTestHooks.state(server.store()));
            StoreTestHooks.freeDisk();
            assertEquals(0, importFile(big), err.toString());
            assertEquals(5_003, server.incidents().size());
        }
    }

    /** The server (another Workspace on the data directory) holds an open write transaction during the CLI import. */
    @Test
    void aBusyStoreSaysRetryAndExits1() throws Exception {
        Path file = rows("next.csv", 10);
        try (Workspace server = serverWithBoundaries()) {
            String before;
            try (StoreTestHooks.WriteHold upload = new StoreTestHooks.WriteHold(server.store(), "upload")) {
                before = StoreTestHooks.state(server.store());
                assertEquals(1, importFile(file));
                assertEquals("wardheat: error: another import is running on this data directory; retry when it has finished\n",
                        err.toString());
                assertTrue(upload.isHolding());
            }
            assertEquals(before.replace("dataset: 0", "dataset: 1"), StoreTestHooks.state(server.store()),
                    "nothing but the holder's dataset was stored");
            assertEquals(0, importFile(file), err.toString());
            assertEquals(10, server.incidents().size());
        }
    }
}
