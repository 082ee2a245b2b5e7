package org.wardheat.cli;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.wardheat.service.Workspace;
import org.wardheat.model.IncidentTable;
import org.wardheat.boundaries.Projection;
import org.wardheat.boundaries.Ward;
import org.wardheat.hotspot.GetisOrdGiStar;
import org.wardheat.hotspot.Grid;
import org.wardheat.hotspot.KernelDensity;
import org.wardheat.hotspot.PAdjust;
import org.wardheat.hotspot.Points;
import org.wardheat.imports.IncidentFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/** Times KDE and Gi* at county scale; writes the inputs for the R peer. See bench/run-hotspots.sh. */
@Command(name = "bench-hotspots", hidden = true)
final class BenchHotspotsCommand implements Callable<Integer> {
    @Option(names = "--boundaries-file", required = true)
    Path boundaries;
    @Option(names = "--points", defaultValue = "1000000")
    int pointCount;
    @Option(names = "--kde-cell", defaultValue = "250")
    double kdeCell;
    @Option(names = "--bandwidth", defaultValue = "1000")
    double bandwidth;
    @Option(names = "--gi-cell", defaultValue = "190")
    double giCell;
    @Option(names = "--peer-dir", description = "Write points.csv and counts.csv here for the R peer.")
    Path peerDir;
    @Parameters(arity = "1..*")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("wardheat-bench");
        try (Workspace ws = Workspace.open(dir)) {
            ws.addBoundaries("bench", boundaries, null, null);
            ws.importFiles(files, IncidentFormat.POLICE_UK, "police-uk", "bench");
            List<Geometry> wards = new ArrayList<>();
            for (Ward w : ws.boundarySet("bench").wards()) {
                wards.add(Projection.transform(w.geometry(), Projection.WGS84, Projection.BNG));
            }
            long t0 = System.nanoTime();
            Geometry area = UnaryUnionOp.union(wards, new GeometryFactory());
            Grid kdeGrid = Grid.build(area, Grid.Shape.SQUARE, kdeCell, Projection.BNG);
            double gridSeconds = (System.nanoTime() - t0) / 1e9;
            Grid giGrid = Grid.build(area, Grid.Shape.SQUARE, giCell, Projection.BNG);
            Points points = points(ws.incidents(), ws.wardOf("bench"));
            System.out.printf(Locale.ROOT, "area %.0f km²; grid %.0f m: %,d cells (union + build + clip %.2f s); grid %.0f m: %,d cells; %,d points%n",
                    area.getArea() / 1e6, kdeCell, kdeGrid.size(), gridSeconds, giCell, giGrid.size(), points.size());

            KernelDensity.compute(kdeGrid, points, bandwidth); // warm-up
            long t1 = System.nanoTime();
            double[] kde = KernelDensity.compute(kdeGrid, points, bandwidth);
            double kdeSeconds = (System.nanoTime() - t1) / 1e9;
            System.out.printf(Locale.ROOT, "kde: %,d points, %,d cells, quartic h = %.0f m: %.3f s (max %.0f per km²)%n",
                    points.size(), kdeGrid.size(), bandwidth, kdeSeconds, java.util.Arrays.stream(kde).max().orElse(0));

            double[] counts = points.countPerCell(giGrid, false);
            GetisOrdGiStar.compute(counts, giGrid.neighbours(giGrid.defaultNeighbourDistance()), PAdjust.FDR); // warm-up
            long t2 = System.nanoTime();
            GetisOrdGiStar.Result gi = GetisOrdGiStar.compute(counts, giGrid.neighbours(giGrid.defaultNeighbourDistance()), PAdjust.FDR);
            double giSeconds = (System.nanoTime() - t2) / 1e9;
            long hot = java.util.Arrays.stream(gi.bin()).filter(b -> b >= 2).count();
            System.out.printf(Locale.ROOT, "gistar: %,d cells, neighbours + z + p + FDR: %.3f s (%,d hot at 95%%)%n", giGrid.size(), giSeconds, hot);

            if (peerDir != null) {
                Files.createDirectories(peerDir);
                try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(peerDir.resolve("points.csv")))) {
                    out.println("x,y");
                    for (int i = 0; i < points.size(); i++) {
                        out.printf(Locale.ROOT, "%.1f,%.1f%n", points.x()[i], points.y()[i]);
                    }
                }
                try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(peerDir.resolve("counts.csv")))) {
                    out.println("x,y,n");
                    for (int c = 0; c < giGrid.size(); c++) {
                        out.printf(Locale.ROOT, "%.1f,%.1f,%.0f%n", giGrid.x(c), giGrid.y(c), counts[c]);
                    }
                }
            }
        } finally {
            BenchCommand.deleteTree(dir);
        }
        return 0;
    }

    /** The located incidents inside the wards, in BNG, repeated with 50 m jitter up to the wanted count. */
    private Points points(IncidentTable t, int[] wardOf) {
        List<double[]> base = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (wardOf[i] >= 0) {
                base.add(new double[]{t.lon(i), t.lat(i)});
            }
        }
        double[] xy = new double[2 * base.size()];
        for (int i = 0; i < base.size(); i++) {
            xy[2 * i] = base.get(i)[0];
            xy[2 * i + 1] = base.get(i)[1];
        }
        Projection.transformInPlace(xy, Projection.WGS84, Projection.BNG);
        Random random = new Random(1);
        double[] x = new double[pointCount], y = new double[pointCount], w = new double[pointCount];
        for (int i = 0; i < pointCount; i++) {
            int j = i % base.size();
            boolean copy = i >= base.size();
            x[i] = xy[2 * j] + (copy ? 50 * random.nextGaussian() : 0);
            y[i] = xy[2 * j + 1] + (copy ? 50 * random.nextGaussian() : 0);
            w[i] = 1;
        }
        return new Points(x, y, w);
    }
}
