package org.wardheat.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.TestFiles;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.imports.ImportReport;
import org.wardheat.imports.ImportSource;
import org.wardheat.imports.IncidentFormat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.POLICE_HEADER;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

/** An import in progress holds the write connection; reads go on and see the last committed data. */
class ReadsDuringImportTest {
    @TempDir
    Path dir;

    @Test
    void wardStatisticsAreServedWhileAnImportIsBlockedMidway() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("data"))) {
            ws.addBoundaries("three", TestFiles.threeWards(dir), null, null);
            ws.importFiles(List.of(Files.writeString(dir.resolve("first.csv"), POLICE_HEADER
                    + row("2022-01", "Burglary", lon(0), LAT) + row("2022-02", "Drugs", lon(2), LAT))),
                    IncidentFormat.POLICE_UK, "police-uk", null);

            // 10,500 rows (one batch of 10,000 is written inside the open transaction), then the stream waits
            StringBuilder rows = new StringBuilder(POLICE_HEADER);
            for (int i = 0; i < 10_500; i++) {
                rows.append(row("2022-03", "Burglary", lon(1), LAT));
            }
            CountDownLatch reading = new CountDownLatch(1), release = new CountDownLatch(1);
            InputStream waits = new InputStream() {
                @Override
                public int read() {
                    reading.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return -1;
                }
            };
            ImportSource blocking = new ImportSource("blocking.csv", (limits, budget) -> new SequenceInputStream(
                    new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)), waits));
            CompletableFuture<ImportReport> importing = CompletableFuture.supplyAsync(
                    () -> ws.importSources(List.of(blocking), IncidentFormat.POLICE_UK, "police-uk", "three"));
            assertTrue(reading.await(30, TimeUnit.SECONDS), "the import reached the waiting stream");
            assertFalse(importing.isDone());

            WardStatistics.Query year = WardStatistics.Query.of(null, null, "2022-01", "2022-12", null, 3);
            WardStatistics.Result during = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> ws.wardStatistics("three", year), "a read waited for the import");
            assertEquals(2, during.totals().count(), "the read sees the last committed data only");
            assertEquals(2, assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ws.categoryCounts().size()));
            assertFalse(importing.isDone(), "the import was still in progress during the reads");

            release.countDown();
            assertEquals(10_500, importing.get(30, TimeUnit.SECONDS).totals().imported());
            WardStatistics.Result after = ws.wardStatistics("three", year);
            assertEquals(10_502, after.totals().count(), "the committed import is seen by the next read");
            assertEquals(10_500, after.ward("E05000002").count());
        }
    }
}
