package org.wardheat.boundaries;

import org.geotools.api.referencing.crs.ProjectedCRS;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.referencing.CRS;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ProjectionTest {

    /** The database's transform between two codes, as Projection built it before it had EPSG:27700 built in. */
    private static MathTransform fromDatabase(String source, String target) throws Exception {
        return CRS.findMathTransform(CRS.decode(source, true), CRS.decode(target, true), true);
    }

    private static double[] points(Random r, double x0, double dx, double y0, double dy, int n) {
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xy[2 * i] = x0 + r.nextDouble() * dx;
            xy[2 * i + 1] = y0 + r.nextDouble() * dy;
        }
        return xy;
    }

    @Test
    void builtInBritishNationalGridEqualsTheEpsgDatabaseToTheLastBit() throws Exception {
        Random r = new Random(27700);
        double[] lonLat = points(r, -8, 10, 49.8, 11, 20_000); // Great Britain and around
        double[] expected = lonLat.clone(), actual = lonLat.clone();
        fromDatabase(Projection.WGS84, Projection.BNG).transform(expected, 0, expected, 0, expected.length / 2);
        Projection.transformInPlace(actual, Projection.WGS84, Projection.BNG);
        assertArrayEquals(expected, actual, 0.0);

        double[] en = points(r, 0, 700_000, 0, 1_250_000, 20_000);
        double[] back = en.clone(), backBuiltIn = en.clone();
        fromDatabase(Projection.BNG, Projection.WGS84).transform(back, 0, back, 0, back.length / 2);
        Projection.transformInPlace(backBuiltIn, Projection.BNG, Projection.WGS84);
        assertArrayEquals(back, backBuiltIn, 0.0);
    }

    @Test
    void transverseMercatorMatchesTheOrdnanceSurveyWorkedExample() throws Exception {
        // OS "A guide to coordinate systems in Great Britain", annex C: OSGB36 52°39'27.2531"N 1°43'4.5177"E
        // projects to E 651409.903, N 313177.270
        ProjectedCRS bng = (ProjectedCRS) Projection.crs(Projection.BNG);
        double[] xy = {1 + 43 / 60.0 + 4.5177 / 3600, 52 + 39 / 60.0 + 27.2531 / 3600};
        bng.getConversionFromBase().getMathTransform().transform(xy, 0, xy, 0, 1);
        assertEquals(651409.903, xy[0], 0.001);
        assertEquals(313177.270, xy[1], 0.001);
    }

    @Test
    void builtInCrsIsProjectedInMetresAndOtherCodesComeFromTheDatabase() throws Exception {
        assertInstanceOf(ProjectedCRS.class, Projection.crs(Projection.BNG));
        assertEquals("OSGB36 / British National Grid", Projection.crs(Projection.BNG).getName().getCode());
        assertEquals(CRS.decode(Projection.WGS84, true).getName().getCode(), Projection.crs(Projection.WGS84).getName().getCode());
        assertEquals(CRS.decode(Projection.BNG, true).getName().getCode(), Projection.crs(Projection.BNG).getName().getCode());
        assertInstanceOf(ProjectedCRS.class, Projection.crs("EPSG:32631"));
        double[] xy = {0.5, 51.3};
        Projection.transformInPlace(xy, Projection.WGS84, "EPSG:32631"); // UTM 31N: central meridian 3 E
        assertEquals(325_000, xy[0], 5_000);
    }
}
