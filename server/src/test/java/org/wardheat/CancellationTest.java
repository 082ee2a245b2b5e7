package org.wardheat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.boundaries.Projection;
import org.wardheat.hotspot.Grid;
import org.wardheat.hotspot.KernelDensity;
import org.wardheat.hotspot.Points;
import org.wardheat.model.Incident;
import org.wardheat.repeats.NearRepeat;
import org.wardheat.repeats.Places;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The kernels' hot loops stop when their thread is interrupted (the HTTP analysis pool's cancel). */
class CancellationTest {
    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void nearRepeatKdeGridAndDbscanStopWhenInterrupted() {
        Grid grid = Grid.build(GeoJsonGeometry.FACTORY.toGeometry(new Envelope(450_000, 452_000, 300_000, 302_000)),
                Grid.Shape.SQUARE, 100.0, Projection.BNG);
        Points points = new Points(new double[]{451_000, 451_100}, new double[]{301_000, 301_050}, new double[]{1, 1});
        NearRepeat.Parameters bands = new NearRepeat.Parameters(new double[]{100, 200}, 7, 2, "days", 99, 7);
        List<Incident> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(new Incident(i, "d", 202201, null, null, "c", null, 0.5 + i * 1e-5, 51.2, "x", null, null, 1, null));
        }
        assertEquals(1, Places.group(records, Places.Rule.DISTANCE, 50, 3).size(), "uninterrupted: one place");

        Thread.currentThread().interrupt();
        assertThrows(Cancellation.CancelledException.class, () -> NearRepeat.test(new double[]{0, 0, 150}, new double[]{0, 0, 0},
                new int[]{0, 3, 10}, bands, "burglary"));
        assertThrows(Cancellation.CancelledException.class, () -> KernelDensity.compute(grid, points, 300));
        assertThrows(Cancellation.CancelledException.class, () -> Grid.build(
                GeoJsonGeometry.FACTORY.toGeometry(new Envelope(450_000, 451_000, 300_000, 301_000)), Grid.Shape.SQUARE, 100.0, Projection.BNG));
        assertThrows(Cancellation.CancelledException.class, () -> Places.group(records, Places.Rule.DISTANCE, 50, 3));
    }
}
