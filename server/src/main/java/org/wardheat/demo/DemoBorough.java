package org.wardheat.demo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.wardheat.service.Workspace;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.boundaries.Projection;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.output.CsvWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The embedded demo: a fictional, <b>synthetic</b> borough ("Wardheath", not a real place) of 20 wards
 * with two years (2023-01 to 2024-12) of police.uk-style monthly street-level CSVs, generated
 * deterministically from a fixed seed.
 *
 * <p>Planted patterns, so every view shows something:
 * <ul>
 *   <li>a town-centre concentration of violence, ASB, shoplifting, public order and theft from the person
 *       (a Gaussian of 350 m around {@link #TOWN_CENTRE_BNG});</li>
 *   <li>ASB in Eastfield ward rising sharply in the second year, around a park at {@link #EASTFIELD_PARK_BNG};</li>
 *   <li>seasonality: violence and ASB peak in summer;</li>
 *   <li>about 1% of rows with no location, as police.uk files have;</li>
 *   <li>everything else spread evenly over the borough: no other hotspot;</li>
 *   <li>needle finds at four planted places (River Steps: 250 finds in 2023, 344 in 2024) and scattered,
 *       with one outlier event: two sealed bags of 750 needles on 14 June 2024;</li>
 *   <li>21 unauthorised encampments at four recurring sites, the last still open.</li>
 * </ul>
 * Ward boundaries are written in British National Grid (EPSG:27700) with a {@code crs} member, so the
 * demo exercises the same transform as a real BNG file. Locations are snapped to a fixed set of
 * anonymous points, as police.uk does.
 */
public final class DemoBorough {
    public static final String BOUNDARIES = "demo-wards";
    public static final String DATASET = "demo-synthetic";
    /** The town centre, BNG easting/northing in metres. */
    public static final double[] TOWN_CENTRE_BNG = {452_000, 302_000};
    /** The park in Eastfield where ASB rises in 2024. */
    public static final double[] EASTFIELD_PARK_BNG = {455_300, 302_400};
    public static final YearMonth FIRST = YearMonth.of(2023, 1);
    public static final YearMonth LAST = YearMonth.of(2024, 12);

    static final String[] WARD_NAMES = {"Town Centre", "Riverside", "Northgate", "Eastfield", "Westbrook", "Southmead",
            "Castle Hill", "Mill Lane", "Oakwood", "Ashby Park", "Harbour Side", "St Mary's", "Kingsway", "Moorside",
            "Fairfield", "Hollins", "Brookvale", "Priory", "Greenlands", "Upton"};

    /** police.uk crime types with a base monthly count for the whole borough and whether the town centre draws them. */
    private record CrimeType(String name, double perMonth, double townCentreShare, boolean seasonal) {
    }

    private static final CrimeType[] TYPES = {
            new CrimeType("Anti-social behaviour", 260, 0.30, true),
            new CrimeType("Violence and sexual offences", 300, 0.30, true),
            new CrimeType("Public order", 70, 0.35, true),
            new CrimeType("Shoplifting", 75, 0.70, false),
            new CrimeType("Theft from the person", 12, 0.70, false),
            new CrimeType("Criminal damage and arson", 85, 0.10, false),
            new CrimeType("Burglary", 45, 0.0, false),
            new CrimeType("Vehicle crime", 50, 0.05, false),
            new CrimeType("Other theft", 60, 0.25, false),
            new CrimeType("Bicycle theft", 10, 0.40, false),
            new CrimeType("Drugs", 20, 0.35, false),
            new CrimeType("Robbery", 6, 0.40, false),
            new CrimeType("Possession of weapons", 6, 0.35, false),
            new CrimeType("Other crime", 14, 0.10, false)};

    private static final GeometryFactory GF = GeoJsonGeometry.FACTORY;

    private final Random random = new Random(20260101L);
    private final List<Polygon> wards = new ArrayList<>();
    private final double[] residents = new double[WARD_NAMES.length];
    private Geometry borough;

    /**
     * Writes the demo files to {@code dir} (if absent) and loads them into the workspace: boundary set
     * {@value #BOUNDARIES} with population, and dataset {@value #DATASET}. Safe to run again.
     */
    public static void install(Workspace ws, Path dir) throws IOException {
        Path boundaries = dir.resolve("wardheath-wards-bng.geojson");
        if (!Files.exists(boundaries)) {
            new DemoBorough().write(dir);
        }
        if (ws.store().boundaries().find(BOUNDARIES).isEmpty()) {
            ws.addBoundaries(BOUNDARIES, boundaries, null, null);
            ws.addPopulationCsv(BOUNDARIES, dir.resolve("wardheath-population.csv"));
        }
        List<Path> months = new ArrayList<>();
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            months.add(dir.resolve(m + "-wardheath-street.csv"));
        }
        ws.importFiles(months, IncidentFormat.POLICE_UK, DATASET, BOUNDARIES);
        ws.importFiles(List.of(dir.resolve("wardheath-needle-finds.csv")),
                IncidentFormat.council(org.wardheat.imports.ColumnMapping.NEEDLE_FINDS), "needle-finds", BOUNDARIES);
        ws.importFiles(List.of(dir.resolve("wardheath-encampments.csv")),
                IncidentFormat.council(org.wardheat.imports.ColumnMapping.ENCAMPMENTS), "encampments", BOUNDARIES);
    }

    /**
     * Planted needle-find places: name, BNG easting, northing, finds in 2023, finds in 2024. Every other
     * find is scattered over the borough. On 14 June 2024 two sealed bags of 750 needles each were found
     * at {@value #OUTLIER_PLACE}: the outlier event.
     */
    static final Object[][] NEEDLE_PLACES = {
            {"River Steps", 452_350.0, 301_650.0, 250, 344},
            {"Station Underpass", 451_700.0, 302_250.0, 120, 90},
            {"Mill Lane car park", 453_100.0, 302_900.0, 40, 60},
            {"St Mary's churchyard", 451_200.0, 301_400.0, 30, 25}};
    public static final String OUTLIER_PLACE = "Kingsway service road";
    static final int SCATTERED_FINDS_PER_YEAR = 150;

    /** Encampment sites, BNG easting and northing; each year's encampments use them in turn. */
    static final Object[][] ENCAMPMENT_SITES = {
            {"Fairfield recreation ground", 449_600.0, 299_800.0},
            {"Moorside industrial estate lay-by", 456_800.0, 304_100.0},
            {"Brookvale park car park", 448_400.0, 303_200.0},
            {"Upton Lane verge", 454_900.0, 298_900.0}};

    /** Generates all files into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        buildWards();
        writeBoundaries(dir.resolve("wardheath-wards-bng.geojson"));
        writePopulation(dir.resolve("wardheath-population.csv"));
        double[][] anonymousPoints = anonymousPoints();
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            writeMonth(dir.resolve(m + "-wardheath-street.csv"), m, anonymousPoints);
        }
        writeNeedleFinds(dir.resolve("wardheath-needle-finds.csv"));
        writeEncampments(dir.resolve("wardheath-encampments.csv"));
        Files.writeString(dir.resolve("README.txt"), "SYNTHETIC DATA. Wardheath is a fictional borough generated by"
                + " wardheat's DemoBorough for demonstration and tests. No row describes a real incident.\n");
    }

    private void buildWards() {
        // an irregular borough outline around the town centre, about 11 km by 8 km
        Coordinate[] outline = new Coordinate[49];
        for (int i = 0; i < 48; i++) {
            double a = 2 * Math.PI * i / 48;
            double r = 1 + 0.08 * Math.sin(3 * a) + 0.05 * Math.cos(5 * a);
            outline[i] = new Coordinate(TOWN_CENTRE_BNG[0] + 5_500 * r * Math.cos(a), TOWN_CENTRE_BNG[1] + 4_000 * r * Math.sin(a));
        }
        outline[48] = outline[0].copy();
        borough = GF.createPolygon(outline);
        // seeds: one at the centre, a ring of small central wards, the rest spread out
        List<Coordinate> seeds = new ArrayList<>();
        seeds.add(new Coordinate(TOWN_CENTRE_BNG[0], TOWN_CENTRE_BNG[1]));
        for (int i = 0; i < 5; i++) {
            double a = 2 * Math.PI * i / 5 + 0.3;
            seeds.add(new Coordinate(TOWN_CENTRE_BNG[0] + 1_600 * Math.cos(a), TOWN_CENTRE_BNG[1] + 1_300 * Math.sin(a)));
        }
        for (int i = 0; i < 14; i++) {
            double a = 2 * Math.PI * i / 14 + 0.1 * random.nextGaussian();
            double r = 0.62 + 0.08 * random.nextGaussian();
            seeds.add(new Coordinate(TOWN_CENTRE_BNG[0] + 5_500 * r * Math.cos(a), TOWN_CENTRE_BNG[1] + 4_000 * r * Math.sin(a)));
        }
        // Eastfield (index 3) must hold the park: put its seed there
        seeds.set(3, new Coordinate(EASTFIELD_PARK_BNG[0], EASTFIELD_PARK_BNG[1]));
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(seeds);
        Envelope clip = borough.getEnvelopeInternal();
        clip.expandBy(2_000);
        voronoi.setClipEnvelope(clip);
        Geometry cells = voronoi.getDiagram(GF);
        for (Coordinate seed : seeds) {
            for (int c = 0; c < cells.getNumGeometries(); c++) {
                Geometry cell = cells.getGeometryN(c);
                if (cell.contains(GF.createPoint(seed))) {
                    Geometry clipped = cell.intersection(borough);
                    wards.add((Polygon) (clipped instanceof Polygon ? clipped : clipped.getGeometryN(0)));
                    break;
                }
            }
        }
        for (int w = 0; w < wards.size(); w++) {
            double density = w == 0 ? 3_500 : w < 6 ? 2_600 : 650; // residents per km²
            residents[w] = Math.round(density * wards.get(w).getArea() / 1e6 / 10) * 10.0;
        }
    }

    private static String code(int w) {
        return String.format("X05%06d", w + 1);
    }

    /** Needle finds in the council's usual layout: UK dates, BNG coordinates, a count of needles. */
    private void writeNeedleFinds(Path file) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (int year = FIRST.getYear(); year <= LAST.getYear(); year++) {
            int y = year - FIRST.getYear();
            for (Object[] place : NEEDLE_PLACES) {
                int finds = (Integer) place[3 + y];
                for (int k = 0; k < finds; k++) {
                    rows.add(needleRow(year, (String) place[0], (Double) place[1] + 8 * random.nextGaussian(),
                            (Double) place[2] + 8 * random.nextGaussian(), 1 + random.nextInt(4)));
                }
            }
            for (int k = 0; k < SCATTERED_FINDS_PER_YEAR; k++) {
                double[] p = place(0, null, 0);
                rows.add(needleRow(year, STREETS[random.nextInt(STREETS.length)], p[0], p[1], 1 + random.nextInt(2)));
            }
        }
        for (int bag = 0; bag < 2; bag++) {
            rows.add(new Object[]{"14/06/2024", OUTLIER_PLACE, 452_600.0 + bag, 303_350.0, 750});
        }
        rows.sort((a, b) -> java.time.LocalDate.parse((String) a[0], UK_DATE).compareTo(java.time.LocalDate.parse((String) b[0], UK_DATE)));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(out);
            csv.row("Date", "Location", "Easting", "Northing", "Count");
            for (Object[] r : rows) {
                csv.row(r);
            }
        }
    }

    private static final java.time.format.DateTimeFormatter UK_DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Object[] needleRow(int year, String location, double e, double n, int count) {
        java.time.LocalDate day = java.time.LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
        return new Object[]{day.format(UK_DATE), location, Math.round(e * 10) / 10.0, Math.round(n * 10) / 10.0, count};
    }

    /** Encampments: ISO start and end dates, site, BNG coordinates, vehicles and people; the last one is still open. */
    private void writeEncampments(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(out);
            csv.row("Start date", "End date", "Location", "Easting", "Northing", "Vehicles", "People");
            for (int year = FIRST.getYear(); year <= LAST.getYear(); year++) {
                int count = year == FIRST.getYear() ? 9 : 12;
                for (int k = 0; k < count; k++) {
                    Object[] site = ENCAMPMENT_SITES[k % ENCAMPMENT_SITES.length];
                    java.time.LocalDate start = java.time.LocalDate.of(year, 1 + k * 11 / count, 3 + random.nextInt(20));
                    boolean open = year == LAST.getYear() && k == count - 1;
                    java.time.LocalDate end = start.plusDays(1 + random.nextInt(14));
                    csv.row(start.toString(), open ? "" : end.toString(), site[0], site[1], site[2],
                            2 + random.nextInt(10), 4 + random.nextInt(20));
                }
            }
        }
    }

    private void writeBoundaries(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             var g = org.wardheat.export.Exporter.JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            g.writeStringField("name", "Wardheath wards (SYNTHETIC, fictional borough)");
            g.writeObjectFieldStart("crs");
            g.writeStringField("type", "name");
            g.writeObjectFieldStart("properties");
            g.writeStringField("name", "urn:ogc:def:crs:EPSG::27700");
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("features");
            for (int w = 0; w < wards.size(); w++) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                g.writeObjectFieldStart("properties");
                g.writeStringField("WD23CD", code(w));
                g.writeStringField("WD23NM", WARD_NAMES[w]);
                g.writeStringField("LAD23CD", "X07000001");
                g.writeStringField("LAD23NM", "Wardheath (synthetic)");
                g.writeEndObject();
                g.writeFieldName("geometry");
                g.writeRawValue(org.wardheat.export.Exporter.geometry(wards.get(w), 1));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private void writePopulation(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(out);
            csv.row("ward_code", "ward_name", "residents");
            for (int w = 0; w < wards.size(); w++) {
                csv.row(code(w), WARD_NAMES[w], residents[w]);
            }
        }
    }

    /** police.uk-style anonymous points: a jittered 150 m lattice over the borough, in BNG metres. */
    private double[][] anonymousPoints() {
        Envelope e = borough.getEnvelopeInternal();
        List<double[]> points = new ArrayList<>();
        for (double x = e.getMinX(); x <= e.getMaxX(); x += 150) {
            for (double y = e.getMinY(); y <= e.getMaxY(); y += 150) {
                points.add(new double[]{x + 40 * random.nextGaussian(), y + 40 * random.nextGaussian()});
            }
        }
        return points.toArray(new double[0][]);
    }

    private void writeMonth(Path file, YearMonth month, double[][] anonymousPoints) throws IOException {
        Envelope e = borough.getEnvelopeInternal();
        int columns = (int) Math.floor((e.getMaxY() - e.getMinY()) / 150) + 1;
        double season = Math.sin(2 * Math.PI * (month.getMonthValue() - 4) / 12.0); // peaks in July
        boolean secondYear = month.getYear() == LAST.getYear();
        List<Object[]> rows = new ArrayList<>();
        for (CrimeType type : TYPES) {
            double expected = type.perMonth() * (type.seasonal() ? 1 + 0.25 * season : 1) * (secondYear ? 1.03 : 1);
            int n = poisson(expected);
            for (int k = 0; k < n; k++) {
                rows.add(row(month, type.name(), place(type.townCentreShare(), null, 0), anonymousPoints, e, columns));
            }
            if (type.name().equals("Anti-social behaviour") && secondYear) {
                int extra = poisson(38 * (1 + 0.3 * season)); // the planted rise in Eastfield
                for (int k = 0; k < extra; k++) {
                    rows.add(row(month, type.name(), place(0, EASTFIELD_PARK_BNG, 220), anonymousPoints, e, columns));
                }
            }
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CsvWriter csv = new CsvWriter(out);
            csv.row("Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
                    "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context");
            for (Object[] r : rows) {
                csv.row(r);
            }
        }
    }

    /**
     * A BNG point: near {@code centre} (sigma metres); else in the town centre with the given share;
     * else anywhere in the borough with equal chance, so that no hotspot appears where none was planted.
     */
    private double[] place(double townCentreShare, double[] centre, double sigma) {
        if (centre != null) {
            return gaussianInBorough(centre, sigma);
        }
        if (random.nextDouble() < townCentreShare) {
            return gaussianInBorough(TOWN_CENTRE_BNG, 350);
        }
        Envelope env = borough.getEnvelopeInternal();
        while (true) {
            double x = env.getMinX() + random.nextDouble() * env.getWidth();
            double y = env.getMinY() + random.nextDouble() * env.getHeight();
            if (borough.contains(GF.createPoint(new Coordinate(x, y)))) {
                return new double[]{x, y};
            }
        }
    }

    private double[] gaussianInBorough(double[] centre, double sigma) {
        while (true) {
            double x = centre[0] + sigma * random.nextGaussian();
            double y = centre[1] + sigma * random.nextGaussian();
            if (borough.contains(GF.createPoint(new Coordinate(x, y)))) {
                return new double[]{x, y};
            }
        }
    }

    private Object[] row(YearMonth month, String type, double[] bng, double[][] anonymousPoints, Envelope e, int columns) {
        boolean noLocation = random.nextDouble() < 0.01;
        String id = type.equals("Anti-social behaviour") ? "" : String.format("%016x%016x", random.nextLong(), random.nextLong());
        if (noLocation) {
            return new Object[]{id, month.toString(), "Demo Police (synthetic)", "Demo Police (synthetic)", "", "",
                    "No Location", "", "", type, type.equals("Anti-social behaviour") ? "" : "Under investigation", ""};
        }
        int cx = (int) Math.round((bng[0] - e.getMinX()) / 150);
        int cy = (int) Math.round((bng[1] - e.getMinY()) / 150);
        double[] snapped = anonymousPoints[Math.min(anonymousPoints.length - 1, cx * columns + Math.min(cy, columns - 1))];
        double[] lonLat = snapped.clone();
        Projection.transformInPlace(lonLat, Projection.BNG, Projection.WGS84);
        String street = "On or near " + STREETS[Math.floorMod((cx * 31 + cy * 17), STREETS.length)];
        return new Object[]{id, month.toString(), "Demo Police (synthetic)", "Demo Police (synthetic)",
                CsvWriter.round(lonLat[0], 6), CsvWriter.round(lonLat[1], 6), street, "", "", type,
                type.equals("Anti-social behaviour") ? "" : OUTCOMES[random.nextInt(OUTCOMES.length)], ""};
    }

    private static final String[] STREETS = {"High Street", "Station Road", "Church Lane", "Mill Road", "Park Avenue",
            "Victoria Street", "Queens Road", "The Green", "London Road", "School Lane", "Bridge Street", "Market Place",
            "Orchard Close", "Riverside Walk", "King Street", "Chapel Row", "Shopping Area", "Parking Area",
            "Supermarket", "Sports/Recreation Area", "Petrol Station", "Nightclub", "Hospital", "Further/Higher Educational Building"};
    private static final String[] OUTCOMES = {"Investigation complete; no suspect identified", "Unable to prosecute suspect",
            "Under investigation", "Awaiting court outcome", "Offender given a caution", "Status update unavailable"};

    private int poisson(double mean) {
        // normal approximation is fine at these sizes; keep it deterministic and non-negative
        if (mean > 30) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double l = Math.exp(-mean), p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
