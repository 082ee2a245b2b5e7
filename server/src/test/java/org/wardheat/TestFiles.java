package org.wardheat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** Small input files the tests build themselves. */
public final class TestFiles {
    public static final String POLICE_HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,"
            + "LSOA code,LSOA name,Crime type,Last outcome category,Context\n";

    private TestFiles() {
    }

    /** A police.uk row at (lon, lat); {@code null} coordinates make a No Location row. */
    public static String row(String month, String type, Double lon, Double lat) {
        String where = lon == null ? ",,No Location,," : String.format(Locale.ROOT, "%.6f,%.6f,On or near High Street,E01024000,Maidstone 001A", lon, lat);
        String id = type.equals("Anti-social behaviour") ? "" : Integer.toHexString((month + type + lon + lat).hashCode());
        return id + "," + month + ",Kent Police,Kent Police," + where + "," + type + ",Under investigation,\n";
    }

    /**
     * Three wards side by side, each 0.01° wide, along latitude 51.20-51.21: E05000001 "West" from
     * lon 0.50, E05000002 "Middle" from 0.51, E05000003 "East" from 0.52.
     */
    public static Path threeWards(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        String[] names = {"West", "Middle", "East"};
        for (int i = 0; i < 3; i++) {
            double x = 0.50 + 0.01 * i;
            sb.append(i > 0 ? "," : "").append(String.format(Locale.ROOT,
                    "{\"type\":\"Feature\",\"properties\":{\"WD22CD\":\"E0500000%d\",\"WD22NM\":\"%s\"},\"geometry\":{\"type\":\"Polygon\","
                            + "\"coordinates\":[[[%.2f,51.20],[%.2f,51.20],[%.2f,51.21],[%.2f,51.21],[%.2f,51.20]]]}}",
                    i + 1, names[i], x, x + 0.01, x + 0.01, x, x));
        }
        return Files.writeString(dir.resolve("wards.geojson"), sb.append("]}").toString());
    }

    /** The centre of ward {@code i} (0, 1 or 2) of {@link #threeWards}. */
    public static double lon(int ward) {
        return 0.505 + 0.01 * ward;
    }

    public static final double LAT = 51.205;

    /** A police.uk file's text with {@code n} rows of {@code month}, spread over the three wards of {@link #threeWards}. */
    public static String policeRows(String month, int n) {
        StringBuilder csv = new StringBuilder(POLICE_HEADER);
        for (int i = 0; i < n; i++) {
            csv.append(row(month, "Drugs", lon(i % 3), LAT + (i % 1000) * 1e-6));
        }
        return csv.toString();
    }

    public static Path gzip(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** Three 0.01° squares side by side (as {@link #threeWards}); West and Middle in district D1 ("One"), East in D2 ("Two") by LAD22CD/LAD22NM. */
    public static Path threeWardsInTwoDistricts(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        String[] names = {"West", "Middle", "East"}, lads = {"D1", "D1", "D2"}, ladNames = {"One", "One", "Two"};
        for (int i = 0; i < 3; i++) {
            double x = 0.50 + 0.01 * i;
            sb.append(i > 0 ? "," : "").append(String.format(java.util.Locale.ROOT,
                    "{\"type\":\"Feature\",\"properties\":{\"WD22CD\":\"E0500000%d\",\"WD22NM\":\"%s\",\"LAD22CD\":\"%s\",\"LAD22NM\":\"%s\",\"note\":%s},"
                            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.2f,51.20],[%.2f,51.20],[%.2f,51.21],[%.2f,51.21],[%.2f,51.20]]]}}",
                    i + 1, names[i], lads[i], ladNames[i], i == 1 ? "null" : "\"x\"", x, x + 0.01, x + 0.01, x, x));
        }
        return java.nio.file.Files.writeString(dir.resolve("wards.geojson"), sb.append("]}").toString());
    }
}
