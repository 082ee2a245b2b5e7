package org.wardheat.boundaries;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.boundaries.Fixtures.collection;
import static org.wardheat.boundaries.Fixtures.feature;
import static org.wardheat.boundaries.Fixtures.square;
import static org.wardheat.boundaries.Fixtures.ward;

class BoundaryReaderTest {

    private static BoundaryReader.Result read(String json) {
        return new BoundaryReader(null, null).read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.geojson");
    }

    private static String error(String json) {
        return assertThrows(BoundaryException.class, () -> read(json)).getMessage();
    }

    @Test
    void detectsCodeNameAndDistrictOfAnyVintage() {
        BoundaryReader.Result r = read(collection(null,
                ward("E05000002", "Bearsted", square(0.50, 51.20, 0.01)),
                ward("E05000001", "Allington", square(0.51, 51.20, 0.01))));
        assertEquals("WD22CD", r.codeField());
        assertEquals("WD22NM", r.nameField());
        assertEquals("LAD22CD", r.districtField());
        assertEquals(Projection.WGS84, r.sourceCrs());
        assertEquals(2, r.wards().size());
        assertEquals("Bearsted", r.wards().get(0).name());
        assertEquals("E07000110", r.wards().get(0).district());
        assertEquals(1e-4, r.wards().get(0).geometry().getArea(), 1e-12);
    }

    @Test
    void explicitFieldsForFilesWithoutOnsCodes() {
        String json = collection(null, feature("\"Name\":\"W1\",\"Ward_name\":\"Rochester West\"", "Polygon", square(0.5, 51.38, 0.01)));
        BoundaryReader.Result r = new BoundaryReader("Name", "Ward_name")
                .read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "medway.geojson");
        assertEquals("W1", r.wards().get(0).code());
        assertEquals("Rochester West", r.wards().get(0).name());
        assertTrue(error(json).contains("--code-field"), "without the flags the message says how to name the fields");
    }

    /**
     * The ONS file states Allington's centroid both in BNG (574207, 157015) and in lon/lat
     * (0.496768, 51.28563); a BNG square there must come back within 10 m of the published lon/lat
     * (GeoTools uses a 7-parameter Helmert shift, ONS uses OSTN15: they differ by a few metres).
     */
    @Test
    void transformsBritishNationalGridFilesWithACrsMember() {
        BoundaryReader.Result r = read(collection("urn:ogc:def:crs:EPSG::27700",
                ward("E05004982", "Allington", square(574207 - 50, 157015 - 50, 100))));
        assertEquals(Projection.BNG, r.sourceCrs());
        Coordinate c = r.wards().get(0).geometry().getCentroid().getCoordinate();
        double metresPerDegreeLon = 111_320 * Math.cos(Math.toRadians(51.28563));
        assertEquals(0.496768, c.x, 10 / metresPerDegreeLon);
        assertEquals(51.28563, c.y, 10 / 111_320.0);
    }

    @Test
    void detectsBritishNationalGridFromTheCoordinateRange() {
        BoundaryReader.Result r = read(collection(null, ward("E05004982", "Allington", square(574157, 156965, 100))));
        assertEquals(Projection.BNG, r.sourceCrs());
        Envelope e = r.wards().get(0).geometry().getEnvelopeInternal();
        assertTrue(e.getMinX() > 0.49 && e.getMaxX() < 0.51 && e.getMinY() > 51.28 && e.getMaxY() < 51.29, e.toString());
    }

    @Test
    void swappedLatitudeLongitudeIsSwappedBack() {
        BoundaryReader.Result r = read(collection(null, ward("E05000001", "A", "[[[51.2,0.5],[51.2,0.51],[51.21,0.51],[51.21,0.5],[51.2,0.5]]]")));
        assertTrue(r.sourceCrs().contains("swapped"));
        assertEquals(0.505, r.wards().get(0).geometry().getCentroid().getX(), 1e-9);
    }

    @Test
    void repairsASelfIntersectingWardAndSaysSo() {
        String bowtie = "[[[0.50,51.20],[0.51,51.21],[0.51,51.20],[0.50,51.21],[0.50,51.20]]]";
        BoundaryReader.Result r = read(collection(null, ward("E05000009", "Bowtie", bowtie),
                ward("E05000001", "Fine", square(0.6, 51.2, 0.01))));
        assertEquals(java.util.List.of("E05000009"), r.repaired());
        assertTrue(r.wards().get(0).geometry().isValid());
        assertEquals(0.5e-4, r.wards().get(0).geometry().getArea(), 1e-10, "two triangles of a quarter each");
    }

    @Test
    void rejectsDuplicateCodesNamingBothFeatures() {
        String msg = error(collection(null, ward("E05000001", "A", square(0.5, 51.2, 0.01)),
                ward("E05000002", "B", square(0.6, 51.2, 0.01)), ward("E05000001", "C", square(0.7, 51.2, 0.01))));
        assertEquals("test.geojson: feature 3: duplicate ward code E05000001 (also feature 1)", msg);
    }

    @Test
    void rejectsFilesWithoutPolygons() {
        assertTrue(error(collection(null)).contains("no features"));
        assertTrue(error(collection(null, feature("\"WD22CD\":\"E05000001\"", "Point", "[0.5,51.2]")))
                .contains("feature 1 (E05000001): geometry is Point"));
        assertTrue(error("{\"type\":\"Feature\"}").contains("expected a GeoJSON FeatureCollection"));
        assertTrue(error("{not json").startsWith("test.geojson: not valid JSON"));
    }

    @Test
    void rejectsCoordinatesThatAreNeitherUkLonLatNorGrid() {
        String msg = error(collection(null, ward("E05000001", "Paris", square(2.35, 48.85, 0.01))));
        assertTrue(msg.contains("neither UK longitude/latitude nor British National Grid"), msg);
        String declaredWrong = error(collection("urn:ogc:def:crs:EPSG::27700", ward("E05000001", "A", square(0.5, 51.2, 0.01))));
        assertTrue(declaredWrong.contains("says EPSG:27700"), declaredWrong);
    }
}
