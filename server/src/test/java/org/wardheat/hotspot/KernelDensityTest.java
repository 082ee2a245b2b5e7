package org.wardheat.hotspot;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.boundaries.Projection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KernelDensityTest {
    /** A square area in BNG metres. */
    static Geometry square(double minX, double minY, double side) {
        return GeoJsonGeometry.FACTORY.toGeometry(new Envelope(minX, minX + side, minY, minY + side));
    }

    @Test
    void closedFormForOnePoint() {
        Grid grid = Grid.build(square(450_000, 300_000, 2_000), Grid.Shape.SQUARE, 100.0, Projection.BNG);
        int centre = grid.cellOf(451_050, 301_050);
        Points one = new Points(new double[]{grid.x(centre)}, new double[]{grid.y(centre)}, new double[]{3});
        double h = 250;
        double[] d = KernelDensity.compute(grid, one, h);
        double peak = 3 * 3 / (Math.PI * h * h) * 1e6; // weight 3 x 3/(pi h^2), per km²
        assertEquals(peak, d[centre], 1e-9);
        int east = grid.cellOf(grid.x(centre) + 100, grid.y(centre));
        assertEquals(peak * Math.pow(1 - 100.0 * 100 / (h * h), 2), d[east], 1e-9, "one cell away: (1 - d²/h²)²");
        int diagonal = grid.cellOf(grid.x(centre) + 200, grid.y(centre) + 100);
        assertEquals(peak * Math.pow(1 - 50_000 / (h * h), 2), d[diagonal], 1e-9);
        int far = grid.cellOf(grid.x(centre) + 300, grid.y(centre));
        assertEquals(0, d[far], "nothing beyond the bandwidth");
    }

    @Test
    void densityIntegratesToTheTotalWeight() {
        Grid grid = Grid.build(square(450_000, 300_000, 4_000), Grid.Shape.SQUARE, 20.0, Projection.BNG);
        Points p = new Points(new double[]{451_000, 452_500, 452_000}, new double[]{301_000, 302_500, 303_010}, new double[]{1, 2, 0.5});
        double[] d = KernelDensity.compute(grid, p, 400);
        double mass = 0;
        for (int c = 0; c < grid.size(); c++) {
            mass += d[c] * grid.area(c) / 1e6;
        }
        assertEquals(3.5, mass, 3.5 * 0.005, "a fine grid far from the edges holds all the weight");
    }

    /** spatstat's density.ppp (quartic, sigma = h/√8, no edge correction) on 3,000 weighted points. */
    @Test
    void matchesSpatstat() throws Exception {
        List<String[]> pts = Reference.rows("kde-points.csv");
        double[] x = new double[pts.size()], y = new double[pts.size()], w = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            x[i] = Double.parseDouble(pts.get(i)[0]);
            y[i] = Double.parseDouble(pts.get(i)[1]);
            w[i] = Double.parseDouble(pts.get(i)[2]);
        }
        Grid grid = Grid.build(square(450_000, 300_000, 5_000), Grid.Shape.SQUARE, 250.0, Projection.BNG);
        assertEquals(400, grid.size());
        double[] d = KernelDensity.compute(grid, new Points(x, y, w), 600);
        Map<String, Double> mine = new HashMap<>();
        for (int c = 0; c < grid.size(); c++) {
            mine.put((long) grid.x(c) + "," + (long) grid.y(c), d[c]);
        }
        List<String[]> ref = Reference.rows("kde-spatstat.csv");
        assertEquals(400, ref.size());
        for (String[] r : ref) {
            double expected = Double.parseDouble(r[2]);
            assertEquals(expected, mine.get(r[0] + "," + r[1]), 1e-8 * Math.max(1, expected), "cell at " + r[0] + "," + r[1]);
        }
    }

    @Test
    void bandwidthRuleOfThumb() {
        // x = 0..4: sd 1.581, IQR (type 7) 3 - 1 = 2, 2/1.34 = 1.4925 is the smaller; y the same shifted
        Points p = new Points(new double[]{0, 1, 2, 3, 4}, new double[]{10, 11, 12, 13, 14}, new double[]{1, 1, 1, 1, 1});
        KernelDensity.Bandwidth b = KernelDensity.ruleOfThumb(p, 2);
        assertEquals(2 * 4 * 1.06 * (2 / 1.34) * Math.pow(5, -0.2), b.metres(), 1e-12);
        assertEquals(2 * 4.586665, b.metres(), 1e-5);
    }

    @Test
    void defaultCellSizeRule() {
        assertEquals(100, Grid.defaultSize(new Envelope(0, 10_000, 0, 6_000)).metres(), "6000/50 = 120, down to 100");
        assertEquals(400, Grid.defaultSize(new Envelope(0, 30_000, 0, 20_000)).metres(), "20000/50 = 400");
        assertEquals(40, Grid.defaultSize(new Envelope(0, 3_000, 0, 2_000)).metres(), "2000/50 = 40: below 100, kept");
    }
}
