package org.wardheat.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.TestFiles;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.service.Workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.POLICE_HEADER;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

/** Disk full, a wedged connection and a busy store: each fails clearly, changes nothing, and the store goes on working. */
class DatabaseFailureTest {
    @TempDir
    Path dir;

    @AfterEach
    void freeDisk() {
        StoreTestHooks.freeDisk();
    }

    private Workspace openWithThreeRows(Path data) throws Exception {
        Workspace ws = Workspace.open(data);
        ws.addBoundaries("three", TestFiles.threeWards(dir), null, null);
        ws.importFiles(List.of(Files.writeString(dir.resolve("first.csv"), POLICE_HEADER
                + row("2022-01", "Burglary", lon(0), LAT) + row("2022-02", "Drugs", lon(1), LAT) + row("2022-03", "Drugs", lon(2), LAT))),
                IncidentFormat.POLICE_UK, "police-uk", null);
        return ws;
    }

    private Path rows(String name, int n) throws Exception {
        return Files.writeString(dir.resolve(name), TestFiles.policeRows("2022-04", n));
    }

    private static void insertDataset(java.sql.Connection c, String id) throws java.sql.SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO dataset(id, kind, added_at) VALUES ('" + id + "', 'police-uk', '2026-01-01')");
        }
    }

    @Test
    void diskFullDuringAnImportSaysSoAndLeavesTheStoreAsItWas() throws Exception {
        Path data = dir.resolve("data");
        try (Workspace ws = openWithThreeRows(data)) {
            Path big = rows("big.csv", 5_000); // about 100 pages of 4 KiB
            String before = StoreTestHooks.state(ws.store());
            assertTrue(before.startsWith("integrity_check: ok\n"), before);

            StoreTestHooks.fillDisk(ws.store(), 3);
            DiskFullException full = assertThrows(DiskFullException.class,
                    () -> ws.importFiles(List.of(big), IncidentFormat.POLICE_UK, "police-uk", null));
            assertTrue(full.getMessage().startsWith("disk full: no room left for the data directory " + data + " ([SQLITE_FULL] "),
                    full.getMessage());
            assertTrue(full.getMessage().contains("database or disk is full"), full.getMessage());
            assertEquals(before, StoreTestHooks.state(ws.store()), "row counts, import log and integrity as before");
            assertEquals(3, ws.incidents().size());
            // still full: the same clear error again, not a wedged connection's "no transaction is active"
            assertThrows(DiskFullException.class, () -> ws.importFiles(List.of(big), IncidentFormat.POLICE_UK, "police-uk", null));
            assertEquals(before, StoreTestHooks.state(ws.store()));

            StoreTestHooks.freeDisk();
            assertEquals(5_000, ws.importFiles(List.of(big), IncidentFormat.POLICE_UK, "police-uk", null).totals().imported());
            assertEquals(5_003, ws.incidents().size());
        }
        try (Workspace ws = Workspace.open(data)) {
            assertEquals(5_003, ws.incidents().size(), "reopened: the import after the disk was freed is stored, nothing else");
            assertEquals(2, ws.store().importLog().datasets().get(0).files().size());
        }
    }

    /**
     * SQLite ended the transaction behind the driver's back (as it does on SQLITE_FULL), so commit fails with
     * "cannot commit - no transaction is active" and so does the rollback. Before, the connection then ran every
     * later statement in auto-commit mode and every commit failed: all writes answered 500 until restart, and
     * each half of a failed write stayed stored.
     */
    @Test
    void aWedgedWriteConnectionIsReplacedAndLaterWritesAreAtomicAgain() throws Exception {
        try (Workspace ws = openWithThreeRows(dir.resolve("data"))) {
            Database db = ws.store().database();
            String before = StoreTestHooks.state(ws.store());
            StoreException wedged = assertThrows(StoreException.class, () -> db.inTransaction(c -> {
                insertDataset(c, "lost");
                try (Statement s = c.createStatement()) {
                    s.execute("ROLLBACK");
                }
                return null;
            }));
            assertTrue(wedged.getMessage().contains("cannot commit - no transaction is active"), wedged.getMessage());
            assertEquals(before, StoreTestHooks.state(ws.store()));

            // a failing write is still all-or-nothing (on the wedged connection its insert was committed at once)
            assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
                insertDataset(c, "half");
                throw new IllegalStateException("fails after its first statement");
            }));
            assertEquals(before, StoreTestHooks.state(ws.store()));
            // and a good write commits
            db.inTransaction(c -> {
                insertDataset(c, "whole");
                return null;
            });
            assertEquals(List.of("police-uk", "whole"), ws.store().importLog().datasets().stream().map(DatasetInfo::id).toList());
            assertEquals(3, ws.incidents().size());
        }
    }

    @Test
    void aWedgedReadConnectionIsDroppedFromThePool() throws Exception {
        try (Workspace ws = openWithThreeRows(dir.resolve("data"))) {
            Database db = ws.store().database();
            assertThrows(StoreException.class, () -> db.read(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("ROLLBACK"); // the driver's commit then fails, and so does its rollback
                }
                return null;
            }));
            for (int i = 0; i < 2 * Database.READERS; i++) {
                assertEquals(1, ws.store().importLog().datasets().size(), "read " + i);
            }
        }
    }

    /**
     * Another Workspace on the same data directory (as a CLI import is to the server) holds an open write
     * transaction. A write from a second Workspace, a second write from the same Workspace, and a write that
     * reads before it writes each wait {@link Database#BUSY_TIMEOUT_MS} and then fail with the "another import is running" message; reads go on;
     * once the holder commits, writing works again.
     */
    @Test
    void aWriteWhileAnotherHoldsTheStoreFailsAsBusyAfterTheTimeout() throws Exception {
        Path data = dir.resolve("data");
        try (Workspace server = openWithThreeRows(data); Workspace cli = Workspace.open(data); Workspace third = Workspace.open(data)) {
            Path next = rows("next.csv", 10);
            String before = StoreTestHooks.state(server.store());
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try (StoreTestHooks.WriteHold holder = new StoreTestHooks.WriteHold(server.store(), "holder")) {
                Path wards = dir.resolve("wards.geojson");
                List<Future<Long>> writes = List.of(
                        threads.submit(() -> busyAfterMs(() -> cli.importFiles(List.of(next), IncidentFormat.POLICE_UK, "police-uk", null))),
                        threads.submit(() -> busyAfterMs(() -> server.importFiles(List.of(next), IncidentFormat.POLICE_UK, "police-uk", null))),
                        // reads (is the id taken?) before it writes: it waits too, and never fails as a stale snapshot
                        threads.submit(() -> busyAfterMs(() -> third.addBoundaries("again", wards, null, null))));
                assertEquals(3, cli.incidents().size(), "reads go on meanwhile");
                assertEquals(before, StoreTestHooks.state(cli.store()));
                for (Future<Long> write : writes) {
                    long waitedMs = write.get(60, TimeUnit.SECONDS);
                    assertTrue(waitedMs >= Database.BUSY_TIMEOUT_MS - 50 && waitedMs < Database.BUSY_TIMEOUT_MS + 10_000, "waited " + waitedMs + " ms");
                }
                assertTrue(holder.isHolding());
                assertEquals(before, StoreTestHooks.state(cli.store()), "the busy writes changed nothing");
            } finally {
                threads.shutdown();
            }
            assertEquals(10, cli.importFiles(List.of(next), IncidentFormat.POLICE_UK, "police-uk", null).totals().imported());
            assertEquals(13, server.incidents().size());
        }
    }

    /** Runs a write that must fail as busy; returns how long it waited, in milliseconds. */
    private static long busyAfterMs(org.junit.jupiter.api.function.Executable write) {
        long start = System.nanoTime();
        StoreBusyException busy = assertThrows(StoreBusyException.class, write);
        assertEquals("another import is running on this data directory; retry when it has finished", busy.getMessage());
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aStoreCanBeOpenedWhileAnotherHoldsTheWriteLock() throws Exception {
        Path data = dir.resolve("data");
        try (Workspace server = openWithThreeRows(data)) {
            StoreTestHooks.WriteHold holder = new StoreTestHooks.WriteHold(server.store(), "holder");
            long start = System.nanoTime();
            try (Workspace cli = Workspace.open(data)) {
                assertEquals(3, cli.incidents().size());
                assertTrue(holder.isHolding());
            } finally {
                holder.close();
            }
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3), "opening did not wait for the lock");
        }
    }
}
