package org.wardheat.cli;

import org.wardheat.service.Workspace;
import org.wardheat.model.IncidentTable;
import org.wardheat.boundaries.WardIndex;
import org.wardheat.imports.ImportReport;
import org.wardheat.imports.IncidentFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** Measures import throughput, join-only throughput and peak heap; see bench/run.sh and BENCHMARKS.md. */
@Command(name = "bench", hidden = true, description = "Benchmark import and ward join on the given files.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--boundaries-file", required = true)
    Path boundaries;
    @Option(names = "--join-points", defaultValue = "5000000", description = "Points to locate in the join-only run.")
    int joinPoints;
    @Parameters(arity = "1..*")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("wardheat-bench");
        try (Workspace ws = Workspace.open(dir)) {
            ws.addBoundaries("bench", boundaries, null, null);
            ws.boundarySet("bench");
            System.gc();
            resetPeaks();
            long t0 = System.nanoTime();
            ImportReport report = ws.importFiles(files, IncidentFormat.POLICE_UK, "police-uk", "bench");
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            long importPeak = heapPeak();
            ImportReport.Counts c = report.totals();
            System.out.printf("import: %d files, %,d rows (%,d in wards, %,d outside, %,d without location, %,d rejected) in %.2f s = %,.0f rows/s; peak heap %.0f MB%n",
                    report.files().size(), c.rowsRead(), c.imported(), c.outside(), c.withoutLocation(), c.rejected(),
                    importSeconds, c.rowsRead() / importSeconds, importPeak / 1e6);

            IncidentTable t = ws.incidents();
            int located = 0;
            for (int i = 0; i < t.size(); i++) {
                located += t.hasLocation(i) ? 1 : 0;
            }
            double[] lon = new double[joinPoints], lat = new double[joinPoints];
            for (int i = 0, j = 0; i < joinPoints; j = (j + 1) % t.size()) {
                if (t.hasLocation(j)) {
                    lon[i] = t.lon(j);
                    lat[i] = t.lat(j);
                    i++;
                }
            }
            WardIndex index = ws.boundarySet("bench").index();
            index.locateAll(lon, lat); // warm-up
            long t1 = System.nanoTime();
            int[] wards = index.locateAll(lon, lat);
            double joinSeconds = (System.nanoTime() - t1) / 1e9;
            long inside = java.util.Arrays.stream(wards).filter(w -> w >= 0).count();
            System.out.printf("join only: %,d points (the %,d located incidents, repeated) against %d wards in %.3f s = %,.0f points/s (%,d inside)%n",
                    joinPoints, located, index.wards().size(), joinSeconds, joinPoints / joinSeconds, inside);

            long t2 = System.nanoTime();
            ws.wardStatistics("bench", org.wardheat.analysis.WardStatistics.Query.of(null, null, "2022-01", "2022-12", null, 5));
            System.out.printf("ward table for 2022 (incidents in memory; join all %,d + count): %.2f s%n", t.size(), (System.nanoTime() - t2) / 1e9);
        } finally {
            deleteTree(dir);
        }
        return 0;
    }

    /** Deletes a benchmark's scratch data directory. */
    static void deleteTree(Path dir) throws java.io.IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
