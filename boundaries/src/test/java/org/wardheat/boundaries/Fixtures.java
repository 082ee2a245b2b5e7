package org.wardheat.boundaries;

import java.util.Locale;

/** Small GeoJSON texts built by the tests themselves. */
final class Fixtures {
    private Fixtures() {
    }

    /** A square ring from (x, y) with side {@code d}, as GeoJSON coordinates. */
    static String square(double x, double y, double d) {
        return String.format(Locale.ROOT, "[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]", x, y, x + d, y, x + d, y + d, x, y + d, x, y);
    }

    static String feature(String props, String type, String coordinates) {
        return "{\"type\":\"Feature\",\"properties\":{" + props + "},\"geometry\":{\"type\":\"" + type
                + "\",\"coordinates\":" + coordinates + "}}";
    }

    static String collection(String crs, String... features) {
        return "{\"type\":\"FeatureCollection\"" + (crs == null ? "" : ",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + crs + "\"}}")
                + ",\"features\":[" + String.join(",", features) + "]}";
    }

    static String ward(String code, String name, String coordinates) {
        return feature("\"WD22CD\":\"" + code + "\",\"WD22NM\":\"" + name + "\",\"LAD22CD\":\"E07000110\"", "Polygon", coordinates);
    }
}
