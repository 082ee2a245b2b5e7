package org.wardheat.boundaries;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;

import org.wardheat.text.BoundedInput;
import org.wardheat.text.InputLimitException;
import org.wardheat.text.InputLimits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a ward boundary GeoJSON FeatureCollection of any ONS vintage into {@link Ward}s in WGS84
 * longitude/latitude.
 *
 * <ul>
 *   <li>Code and name properties are detected ({@code WD13CD/WD13NM}, {@code WD22CD/WD22NM},
 *       {@code WD25CD/WD25NM}, ...) unless given.</li>
 *   <li>The CRS is taken from a {@code crs} member naming EPSG:27700 or CRS84/EPSG:4326, or else from
 *       the coordinate range; British National Grid is transformed with GeoTools.</li>
 *   <li>Invalid polygons are repaired with JTS {@link GeometryFixer} and listed in
 *       {@link Result#repaired()}.</li>
 *   <li>A file with no polygons, a non-polygon feature, a duplicate or missing ward code, or coordinates
 *       outside the UK in both lon/lat and grid terms is rejected with a {@link BoundaryException}.</li>
 * </ul>
 */
public final class BoundaryReader {
    private static final Pattern WARD_CODE = Pattern.compile("(?i)^WD\\d{2}CD$");
    private static final Pattern DISTRICT_CODE = Pattern.compile("(?i)^LAD\\d{2}CD$");

    /**
     * What was read, with the choices made on the way.
     *
     * @param properties each ward's scalar feature properties (name → text, in file order), in the order of
     *                   {@code wards}; kept so that a set can later be dissolved by any of them
     */
    public record Result(List<Ward> wards, String codeField, String nameField, String districtField,
                         String sourceCrs, List<String> repaired, List<Map<String, String>> properties) {
    }

    private final String codeField;
    private final String nameField;
    private final Pattern codePattern;

    /**
     * @param codeField the property holding the ward code, or {@code null} to detect it
     * @param nameField the property holding the ward name, or {@code null} to detect it
     */
    public BoundaryReader(String codeField, String nameField) {
        this(codeField, nameField, WARD_CODE);
    }

    private BoundaryReader(String codeField, String nameField, Pattern codePattern) {
        this.codeField = codeField;
        this.nameField = nameField;
        this.codePattern = codePattern;
    }

    /** A reader for LSOA polygons ({@code LSOA21CD/LSOA21NM}, {@code LSOA11CD/...}). */
    public static BoundaryReader forLsoas() {
        return new BoundaryReader(null, null, Pattern.compile("(?i)^LSOA\\d{2}CD$"));
    }

    /** Reads a GeoJSON file of at most {@link InputLimits#MAX_GEOJSON_BYTES}. */
    public Result read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new BoundaryException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads GeoJSON text within the {@link InputLimits}: at most {@link InputLimits#MAX_GEOJSON_BYTES}
     * bytes, {@link InputLimits#MAX_GEOJSON_VERTICES} positions, {@link InputLimits#MAX_JSON_DEPTH} levels
     * of nesting, strict JSON (no duplicate member names).
     *
     * @param in     the GeoJSON text
     * @param source the file name used in messages
     */
    public Result read(InputStream in, String source) {
        JsonNode root;
        try {
            root = GeoJsonGeometry.STRICT_JSON.readTree(BoundedInput.capped(in, InputLimits.MAX_GEOJSON_BYTES,
                    "InputLimits.MAX_GEOJSON_BYTES"));
        } catch (InputLimitException e) {
            throw new BoundaryException(source + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BoundaryException(source + ": not valid JSON: " + org.wardheat.text.Text.shorten(e.getMessage()), e);
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
            throw new BoundaryException(source + ": expected a GeoJSON FeatureCollection");
        }
        JsonNode features = root.path("features");
        if (!features.isArray() || features.isEmpty()) {
            throw new BoundaryException(source + ": the FeatureCollection has no features, so no ward polygons");
        }
        JsonNode firstProps = features.get(0).path("properties");
        String code = codeField != null ? codeField : detect(firstProps, codePattern, source);
        String name = nameField != null ? nameField : namePropertyFor(code);
        String district = findField(firstProps, DISTRICT_CODE);

        List<Geometry> geometries = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> districts = new ArrayList<>();
        List<Map<String, String>> properties = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        GeoJsonGeometry.VertexBudget vertices = new GeoJsonGeometry.VertexBudget(InputLimits.MAX_GEOJSON_VERTICES,
                "InputLimits.MAX_GEOJSON_VERTICES");
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            String where = source + ": feature " + (i + 1);
            JsonNode props = feature.path("properties");
            String wardCode = text(props, code);
            if (wardCode == null || wardCode.isBlank()) {
                throw new BoundaryException(where + ": property '" + code + "' (ward code) is missing or empty"
                        + " (properties: " + fieldNames(props) + ")");
            }
            Integer earlier = seen.put(wardCode, i + 1);
            if (earlier != null) {
                throw new BoundaryException(where + ": duplicate ward code " + wardCode + " (also feature " + earlier + ")");
            }
            Geometry g;
            try {
                g = GeoJsonGeometry.read(feature.get("geometry"), vertices);
            } catch (IllegalArgumentException e) {
                throw new BoundaryException(where + " (" + wardCode + "): " + e.getMessage(), e);
            }
            if (g == null || g.isEmpty()) {
                throw new BoundaryException(where + " (" + wardCode + "): has no geometry");
            }
            if (!(g instanceof Polygonal)) {
                throw new BoundaryException(where + " (" + wardCode + "): geometry is " + g.getGeometryType()
                        + "; wards must be Polygon or MultiPolygon");
            }
            String wardName = text(props, name);
            geometries.add(g);
            codes.add(wardCode);
            names.add(wardName == null ? wardCode : wardName);
            districts.add(district == null ? null : text(props, district));
            properties.add(scalars(props));
        }

        String crs = detectCrs(root, geometries, source);
        List<String> repaired = new ArrayList<>();
        List<Ward> wards = new ArrayList<>();
        for (int i = 0; i < geometries.size(); i++) {
            Geometry g = geometries.get(i);
            if (crs.equals(Projection.BNG)) {
                Envelope grid = g.getEnvelopeInternal();
                if (!UkExtent.isGrid(grid.getMinX(), grid.getMinY()) || !UkExtent.isGrid(grid.getMaxX(), grid.getMaxY())) {
                    throw new BoundaryException(source + ": feature " + (i + 1) + " (" + codes.get(i)
                            + ") lies outside the UK's British National Grid extent: " + grid);
                }
                g = Projection.transform(g, Projection.BNG, Projection.WGS84);
            } else if (crs.equals("swapped")) {
                g = swapAxes(g);
            }
            if (!g.isValid()) {
                g = polygonal(GeometryFixer.fix(g));
                repaired.add(codes.get(i));
                if (g.isEmpty()) {
                    throw new BoundaryException(source + ": feature " + (i + 1) + " (" + codes.get(i)
                            + "): the polygon is degenerate and nothing is left after repair");
                }
            }
            Envelope e = g.getEnvelopeInternal();
            if (!UkExtent.isLonLat(e.getMinX(), e.getMinY()) || !UkExtent.isLonLat(e.getMaxX(), e.getMaxY())) {
                throw new BoundaryException(source + ": feature " + (i + 1) + " (" + codes.get(i)
                        + ") lies outside the UK after reading as " + crs + ": " + e);
            }
            wards.add(new Ward(codes.get(i), names.get(i), districts.get(i), g));
        }
        String reportedCrs = crs.equals("swapped") ? Projection.WGS84 + " (latitude first, swapped)" : crs;
        return new Result(List.copyOf(wards), code, name, district, reportedCrs, List.copyOf(repaired),
                List.copyOf(properties));
    }

    /** Keeps the polygons of a repaired geometry (repair can leave slivers of lines or points). */
    private static Geometry polygonal(Geometry g) {
        if (g instanceof Polygonal) {
            return g;
        }
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        return GeoJsonGeometry.FACTORY.buildGeometry(polygons);
    }

    private static Geometry swapAxes(Geometry g) {
        Geometry copy = g.copy();
        copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            double x = c.x;
            c.x = c.y;
            c.y = x;
        });
        copy.geometryChanged();
        return copy;
    }

    /**
     * Decides the CRS: a {@code crs} member when it names one we know, checked against the coordinates;
     * otherwise the coordinate range alone.
     */
    private static String detectCrs(JsonNode root, List<Geometry> geometries, String source) {
        String declared = root.path("crs").path("properties").path("name").asText("").toUpperCase(Locale.ROOT);
        Coordinate c = geometries.get(0).getCoordinate();
        String byRange;
        if (UkExtent.isLonLat(c.x, c.y)) {
            byRange = Projection.WGS84;
        } else if (UkExtent.isSwappedLonLat(c.x, c.y)) {
            byRange = "swapped";
        } else if (UkExtent.isGrid(c.x, c.y)) {
            byRange = Projection.BNG;
        } else {
            throw new BoundaryException(source + ": coordinates such as (" + c.x + ", " + c.y
                    + ") are neither UK longitude/latitude nor British National Grid (EPSG:27700) metres");
        }
        if (declared.contains("27700") && !byRange.equals(Projection.BNG)) {
            throw new BoundaryException(source + ": the crs member says EPSG:27700 but coordinates such as ("
                    + c.x + ", " + c.y + ") are not British National Grid metres");
        }
        if ((declared.contains("CRS84") || declared.endsWith(":4326")) && byRange.equals(Projection.BNG)) {
            throw new BoundaryException(source + ": the crs member says " + declared
                    + " (degrees) but coordinates such as (" + c.x + ", " + c.y + ") are metres");
        }
        return byRange;
    }

    /** {@code WD22CD} gives {@code WD22NM}; a code property not ending in CD gives itself. */
    private static String namePropertyFor(String codeProperty) {
        String stem = codeProperty.substring(0, Math.max(0, codeProperty.length() - 2));
        String tail = codeProperty.substring(stem.length());
        return tail.equals("CD") ? stem + "NM" : tail.equals("cd") ? stem + "nm" : codeProperty;
    }

    private static String detect(JsonNode props, Pattern pattern, String source) {
        String found = findField(props, pattern);
        if (found == null) {
            throw new BoundaryException(source + ": no code property matching " + pattern.pattern().substring(4) + " found (properties: "
                    + fieldNames(props) + "); name it with --code-field and --name-field");
        }
        return found;
    }

    /** The matching property name; with several vintages (WD19CD and WD22CD), the newest. */
    private static String findField(JsonNode props, Pattern pattern) {
        TreeSet<String> matches = new TreeSet<>();
        for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (pattern.matcher(f).matches()) {
                matches.add(f);
            }
        }
        return matches.isEmpty() ? null : matches.last();
    }

    private static String text(JsonNode props, String field) {
        JsonNode v = props.get(field);
        return v == null || v.isNull() ? null : v.asText().trim();
    }

    /** The feature's scalar properties as trimmed text, in file order (nested values and nulls are left out). */
    private static Map<String, String> scalars(JsonNode props) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        props.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                out.put(e.getKey(), e.getValue().asText().trim());
            }
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    private static List<String> fieldNames(JsonNode props) {
        List<String> names = new ArrayList<>();
        props.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
