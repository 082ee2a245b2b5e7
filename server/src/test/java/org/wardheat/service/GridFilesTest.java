package org.wardheat.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.boundaries.Projection;
import org.wardheat.boundaries.Ward;
import org.wardheat.hotspot.Grid;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Grids on disk: built once, read back equal, new when the wards change, rebuilt when a file is damaged. */
class GridFilesTest {
    @TempDir
    Path dir;

    private static List<Ward> wards(double east) {
        Geometry square = GeoJsonGeometry.FACTORY.toGeometry(new Envelope(0.50, east, 51.20, 51.23));
        return List.of(new Ward("E05000001", "One", null, square));
    }

    private static Supplier<Grid> counting(List<Ward> wards, AtomicInteger builds) {
        return () -> {
            builds.incrementAndGet();
            return Grid.build(Projection.transform(wards.get(0).geometry(), Projection.WGS84, Projection.BNG), Grid.Shape.SQUARE, 250.0, Projection.BNG);
        };
    }

    @Test
    void aGridIsBuiltOnceAndReadBackEqual() throws Exception {
        GridFiles files = new GridFiles(dir);
        AtomicInteger builds = new AtomicInteger();
        List<Ward> wards = wards(0.55);
        Grid first = files.get(GridFiles.wardsDigest(wards), Projection.BNG, Grid.Shape.SQUARE, 250.0, counting(wards, builds));
        Grid again = new GridFiles(dir).get(GridFiles.wardsDigest(wards), Projection.BNG, Grid.Shape.SQUARE, 250.0, counting(wards, builds));
        assertEquals(1, builds.get(), "the second process reads the file");
        assertEquals(first.size(), again.size());
        for (int c = 0; c < first.size(); c++) {
            assertEquals(first.id(c), again.id(c));
            assertEquals(first.area(c), again.area(c));
            assertTrue(first.geometry(c).equalsExact(again.geometry(c)));
        }

        List<Ward> changed = wards(0.56);
        String digest = GridFiles.wardsDigest(wards);
        assertNotEquals(digest, GridFiles.wardsDigest(changed));
        assertNotEquals(GridFiles.key(digest, Projection.BNG, Grid.Shape.SQUARE, 250.0), GridFiles.key(digest, Projection.BNG, Grid.Shape.SQUARE, 200.0));
        Grid other = files.get(GridFiles.wardsDigest(changed), Projection.BNG, Grid.Shape.SQUARE, 250.0, counting(changed, builds));
        assertEquals(2, builds.get(), "changed wards: a new grid");
        assertTrue(other.totalArea() > first.totalArea());
    }

    @Test
    void aDamagedFileIsBuiltAgain() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        List<Ward> wards = wards(0.55);
        Grid built = new GridFiles(dir).get(GridFiles.wardsDigest(wards), Projection.BNG, Grid.Shape.SQUARE, 250.0, counting(wards, builds));
        Path file;
        try (Stream<Path> s = Files.list(dir.resolve("cache").resolve("grids"))) {
            file = s.filter(p -> p.toString().endsWith(".grid")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Grid rebuilt = new GridFiles(dir).get(GridFiles.wardsDigest(wards), Projection.BNG, Grid.Shape.SQUARE, 250.0, counting(wards, builds));
        assertEquals(2, builds.get());
        assertEquals(built.size(), rebuilt.size());
        assertEquals(bytes.length, Files.size(file), "written again whole");
    }

    @Test
    void aSetsExtentIsMadeOnceAndNewWhenItsWardsChange() {
        AtomicInteger makes = new AtomicInteger();
        List<Ward> wards = wards(0.55);
        Supplier<Envelope> make = () -> {
            makes.incrementAndGet();
            return new Envelope(571_234.5, 575_000.25, 151_000, 154_321.125);
        };
        Envelope first = new GridFiles(dir).extent(GridFiles.wardsDigest(wards), Projection.BNG, make);
        Envelope again = new GridFiles(dir).extent(GridFiles.wardsDigest(wards), Projection.BNG, make);
        assertEquals(1, makes.get(), "the second process reads the file");
        assertEquals(first, again);
        assertEquals(575_000.25, again.getMaxX());
        new GridFiles(dir).extent(GridFiles.wardsDigest(wards(0.56)), Projection.BNG, make);
        new GridFiles(dir).extent(GridFiles.wardsDigest(wards), "EPSG:32631", make);
        assertEquals(3, makes.get(), "other wards, another CRS: made again");
    }
}
