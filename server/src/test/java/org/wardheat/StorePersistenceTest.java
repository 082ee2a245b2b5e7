package org.wardheat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.imports.IncidentFormat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.POLICE_HEADER;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;
import org.wardheat.service.Workspace;

class StorePersistenceTest {
    @TempDir
    Path dir;

    private static WardStatistics.Query year2022() {
        return WardStatistics.Query.of(null, null, "2022-01", "2022-12", null, 3);
    }

    @Test
    void reopeningGivesTheSameAnswers() throws Exception {
        Path data = dir.resolve("data");
        WardStatistics.Result before;
        try (Workspace ws = Workspace.open(data)) {
            ws.addBoundaries("three", TestFiles.threeWards(dir), null, null);
            Files.writeString(dir.resolve("pop.csv"), "ward_code,residents\nE05000001,1000\nE05000002,2000\nE05000003,4000\n");
            ws.addPopulationCsv("three", dir.resolve("pop.csv"));
            ws.importFiles(List.of(Files.writeString(dir.resolve("a.csv"), POLICE_HEADER
                    + row("2022-01", "Burglary", lon(0), LAT) + row("2022-05", "Drugs", lon(2), LAT)
                    + row("2021-05", "Drugs", lon(2), LAT))), IncidentFormat.POLICE_UK, "police-uk", null);
            before = ws.wardStatistics("three", year2022());
        }
        try (Workspace ws = Workspace.open(data)) {
            WardStatistics.Result after = ws.wardStatistics("three", year2022());
            assertEquals(before.wards(), after.wards());
            assertEquals(before.totals(), after.totals());
            assertEquals(0.25, after.ward("E05000003").ratePer1000());
            assertEquals(1, ws.store().importLog().datasets().get(0).files().size());
        }
    }

    @Test
    void anErrorInsideATransactionRollsItBack() throws Exception {
        Path data = dir.resolve("data");
        try (Workspace ws = Workspace.open(data)) {
            ws.addBoundaries("three", TestFiles.threeWards(dir), null, null);
            org.junit.jupiter.api.Assertions.assertThrows(OutOfMemoryError.class, () -> ws.store().database().inTransaction(c -> {
                try (var s = c.createStatement()) {
                    s.execute("INSERT INTO dataset(id, kind, added_at) VALUES ('half', 'police-uk', '2026-01-01')");
                }
                throw new OutOfMemoryError("simulated: a 3 GB line");
            }));
            // the next read must not commit the half-done write
            assertEquals(0, ws.store().importLog().datasets().size());
        }
        try (Workspace ws = Workspace.open(data)) {
            assertEquals(0, ws.store().importLog().datasets().size(), "nothing of the failed transaction is stored");
        }
    }

    @Test
    void anotherProcessesImportIsSeenWithoutRestart() throws Exception {
        Path data = dir.resolve("data");
        try (Workspace server = Workspace.open(data); Workspace cli = Workspace.open(data)) {
            server.addBoundaries("three", TestFiles.threeWards(dir), null, null);
            assertEquals(0, server.incidents().size());
            cli.importFiles(List.of(Files.writeString(dir.resolve("a.csv"), POLICE_HEADER + row("2022-01", "Burglary", lon(0), LAT))),
                    IncidentFormat.POLICE_UK, "police-uk", null);
            assertEquals(1, server.incidents().size(), "the cache notices the other connection's commit");
        }
    }

    /**
     * Kills a separate JVM in the middle of a large import (kill -9, no shutdown hooks), then reopens
     * the store: nothing of that import is there, and importing again works.
     */
    @Test
    void aKillDuringImportLeavesNothingHalfImported() throws Exception {
        Path data = dir.resolve("data");
        try (Workspace ws = Workspace.open(data)) {
            ws.addBoundaries("three", TestFiles.threeWards(dir), null, null);
        }
        StringBuilder big = new StringBuilder(POLICE_HEADER);
        for (int i = 0; i < 1_500_000; i++) {
            big.append(row("2022-01", "Drugs", lon(i % 3), LAT + (i % 1000) * 1e-6));
        }
        Path file = Files.writeString(dir.resolve("big.csv"), big);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.wardheat.cli.Main",
                "import", "--data", data.toString(), file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        // wait until the child is writing: its uncommitted rows go to the WAL file
        File wal = data.resolve("wardheat.db-wal").toFile();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (wal.length() < 8_000_000 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the import finished before it could be killed: " + Files.readString(dir.resolve("child.log")));
        p.destroyForcibly().waitFor();
        try (Workspace ws = Workspace.open(data)) {
            assertEquals(0, ws.incidents().size());
            assertTrue(ws.store().importLog().datasets().isEmpty());
            assertEquals(1_500_000, ws.importFiles(List.of(file), IncidentFormat.POLICE_UK, "police-uk", null).totals().imported());
        }
    }
}
