package org.wardheat.hotspot;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.wardheat.boundaries.BoundaryReader;
import org.wardheat.boundaries.Projection;
import org.wardheat.boundaries.Ward;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grid built block by block, KDE walked along the lattice and Gi* on it give, cell by cell, exactly what
 * the dense computation gave ({@link DenseReference}): the same cells in the same order, the same centres,
 * areas and polygons, the same densities to the last bit, the same counts and Gi* values; and a grid
 * written to a grid file reads back the same. On a generated area (a ragged polygon with a hole and an
 * island) and on Kent's 255 wards with real police.uk points (skipped when ../shared/data/real is absent).
 */
class SparseGridEquivalenceTest {
    private static final GeometryFactory F = new GeometryFactory();

    @Test
    void generatedAreaMatchesTheDenseComputation() throws Exception {
        Geometry area = raggedArea(new Random(7));
        Random r = new Random(11);
        Points points = pointsNear(area, 12_000, r);
        for (double cell : new double[]{250, 137.5}) {
            compare(area, cell, points, 1_800);
        }
    }

    @Test
    void kentMatchesTheDenseComputation() throws Exception {
        Path real = Path.of(System.getProperty("wardheat.realdata", "../shared/data/real"));
        Path wards = real.resolve("drkane_geo-lookups/boundaries/ward/E10000016.geojson");
        Assumptions.assumeTrue(Files.isRegularFile(wards), "no real data at " + real.toAbsolutePath());
        List<Geometry> projected = new ArrayList<>();
        for (Ward w : new BoundaryReader(null, null).read(wards).wards()) {
            projected.add(Projection.transform(w.geometry(), Projection.WGS84, Projection.BNG));
        }
        Geometry kent = UnaryUnionOp.union(projected, F);
        Points points = realPoints(real.resolve("police_uk_kent"));
        assertTrue(points.size() > 10_000, "real points read: " + points.size());
        compare(kent, 250, points, 2_500);
    }

    private static void compare(Geometry area, double cellMetres, Points points, double bandwidth) throws Exception {
        Grid grid = Grid.build(area, Grid.Shape.SQUARE, cellMetres, Projection.BNG);
        Grid dense = DenseReference.squares(area, cellMetres);
        String at = cellMetres + " m: ";
        assertTrue(grid.lattice() != null && dense.lattice() == null, "the fast grid lies on a lattice, the reference does not");
        assertEquals(dense.size(), grid.size(), at + "cells");
        for (int c = 0; c < grid.size(); c++) {
            assertEquals(dense.x(c), grid.x(c), at + "centre x of cell " + c);
            assertEquals(dense.y(c), grid.y(c), at + "centre y of cell " + c);
            assertEquals(dense.area(c), grid.area(c), at + "area of cell " + c);
            assertTrue(dense.geometry(c).equalsExact(grid.geometry(c)), at + "polygon of cell " + c);
        }
        double[] fast = KernelDensity.compute(grid, points, bandwidth); // along the lattice
        double[] slow = KernelDensity.compute(dense, points, bandwidth); // through the centre index
        for (int c = 0; c < fast.length; c++) {
            assertEquals(Double.doubleToLongBits(slow[c]), Double.doubleToLongBits(fast[c]), at + "density of cell " + c);
        }
        double[] counts = points.countPerCell(grid, false);
        assertArrayEquals(DenseReference.counts(dense, points), counts, at + "counts");
        GetisOrdGiStar.Result gi = GetisOrdGiStar.compute(counts, grid.neighbours(grid.defaultNeighbourDistance()), PAdjust.FDR);
        GetisOrdGiStar.Result old = GetisOrdGiStar.compute(counts, dense.neighbours(dense.defaultNeighbourDistance()), PAdjust.FDR);
        assertArrayEquals(old.z(), gi.z(), at + "Gi*");
        assertArrayEquals(old.pAdjusted(), gi.pAdjusted(), at + "adjusted p");
        assertArrayEquals(old.bin(), gi.bin(), at + "bins");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GridFile.write(grid, bytes);
        Grid back = GridFile.read(new ByteArrayInputStream(bytes.toByteArray()), F);
        assertEquals(grid.size(), back.size());
        assertEquals(grid.cellSize(), back.cellSize());
        for (int c = 0; c < grid.size(); c++) {
            assertEquals(grid.x(c), back.x(c));
            assertEquals(grid.y(c), back.y(c));
            assertEquals(grid.area(c), back.area(c));
            assertEquals(grid.id(c), back.id(c));
            assertTrue(grid.geometry(c).equalsExact(back.geometry(c)), at + "polygon read back, cell " + c);
        }
        assertArrayEquals(grid.centresLonLat(), back.centresLonLat(), at + "centres in lon/lat, as kept in the file");

        // points on squares' edges and corners (ties go to the lower cell), a hair off them, and in squares that are
        // no cell: found by column and row, each lands where the nearest-centre search puts it
        SquareLattice l = grid.lattice();
        Random r = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            int col = r.nextInt(l.columns() + 1), row = r.nextInt(l.rows() + 1);
            double x = l.left(col), y = l.bottom(row);
            switch (i % 4) {
                case 0 -> y += r.nextDouble() * l.side();
                case 1 -> x += r.nextDouble() * l.side();
                case 2 -> { x = Math.nextUp(x); y = Math.nextDown(y + r.nextDouble() * l.side()); }
                default -> { x += r.nextDouble() * l.side(); y += r.nextDouble() * l.side(); }
            }
            assertEquals(grid.index().nearest(x, y, cellMetres), grid.cellOf(x, y), at + "cell of (" + x + ", " + y + ")");
        }
    }

    /** A star-shaped polygon with 400 jagged vertices, a hole, and an island off its edge (BNG metres). */
    private static Geometry raggedArea(Random r) {
        double cx = 560_000, cy = 150_000;
        Coordinate[] ring = new Coordinate[401];
        for (int i = 0; i < 400; i++) {
            double a = 2 * Math.PI * i / 400, radius = 9_000 + 2_500 * Math.sin(5 * a) + 600 * r.nextDouble();
            ring[i] = new Coordinate(cx + radius * Math.cos(a), cy + radius * Math.sin(a));
        }
        ring[400] = ring[0];
        Geometry hole = F.createPoint(new Coordinate(cx + 1_234, cy - 567)).buffer(1_500, 7);
        Geometry island = F.createPoint(new Coordinate(cx + 14_321, cy + 2_345)).buffer(800, 5);
        return F.createPolygon(ring).difference(hole).union(island);
    }

    private static Points pointsNear(Geometry area, int n, Random r) {
        org.locationtech.jts.geom.Envelope e = area.getEnvelopeInternal();
        double[] x = new double[n], y = new double[n], w = new double[n];
        for (int i = 0; i < n; i++) {
            boolean clustered = i % 3 == 0;
            x[i] = clustered ? e.centre().x + 2_000 * r.nextGaussian() : e.getMinX() + e.getWidth() * r.nextDouble();
            y[i] = clustered ? e.centre().y + 2_000 * r.nextGaussian() : e.getMinY() + e.getHeight() * r.nextDouble();
            w[i] = 1 + r.nextInt(3);
        }
        return new Points(x, y, w);
    }

    /** The located rows of the first real Kent police.uk street files found (up to 30,000), projected to BNG. */
    private static Points realPoints(Path dir) throws Exception {
        List<Path> files;
        try (var s = Files.walk(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith("-street.csv.gz")).sorted().limit(6).toList();
        }
        List<double[]> lonLat = new ArrayList<>();
        for (Path f : files) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
                in.readLine();
                for (String line = in.readLine(); line != null && lonLat.size() < 30_000; line = in.readLine()) {
                    String[] cells = line.split(",", -1);
                    if (cells.length > 5 && !cells[4].isEmpty() && !cells[5].isEmpty()) {
                        lonLat.add(new double[]{Double.parseDouble(cells[4]), Double.parseDouble(cells[5])});
                    }
                }
            }
        }
        double[] xy = new double[2 * lonLat.size()];
        for (int i = 0; i < lonLat.size(); i++) {
            xy[2 * i] = lonLat.get(i)[0];
            xy[2 * i + 1] = lonLat.get(i)[1];
        }
        Projection.transformInPlace(xy, Projection.WGS84, Projection.BNG);
        double[] x = new double[lonLat.size()], y = new double[lonLat.size()], w = new double[lonLat.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = xy[2 * i];
            y[i] = xy[2 * i + 1];
            w[i] = 1;
        }
        return new Points(x, y, w);
    }
}
