package org.wardheat.imports;

import org.wardheat.boundaries.Projection;
import org.wardheat.boundaries.UkExtent;
import org.wardheat.text.BoundedInput;
import org.wardheat.text.CsvReader;
import org.wardheat.text.Decimal;
import org.wardheat.text.Header;
import org.wardheat.text.InputLimits;
import org.wardheat.text.Text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A user-supplied postcode lookup in the style of the ONS Postcode Directory: a postcode column ({@code pcds},
 * {@code pcd}, {@code pcd7}, {@code pcd8} or {@code postcode}) and either {@code lat}/{@code long}
 * (WGS84 degrees) or {@code oseast1m}/{@code osnrth1m} ({@code easting}/{@code northing}, British National Grid
 * metres). Postcodes are compared {@link #normalise normalised}. Strict CSV within the default {@link InputLimits};
 * a bad row refuses the file naming its line and field. Rows with blank coordinates (terminated postcodes
 * without a grid reference) are left out.
 */
public final class PostcodeLookup {
    private final Map<String, double[]> lonLat;

    private PostcodeLookup(Map<String, double[]> lonLat) {
        this.lonLat = lonLat;
    }

    /** Upper case with every space removed: {@code "me14 1xx"}, {@code "ME141XX"} and {@code "ME14  1XX"} are one postcode. */
    public static String normalise(String postcode) {
        return postcode == null ? "" : postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    public static PostcodeLookup read(Path file) {
        Map<String, double[]> lonLat = new HashMap<>();
        try (CsvReader csv = new CsvReader(BoundedInput.open(file), StandardCharsets.UTF_8, InputLimits.DEFAULT)) {
            Header h = Header.read(csv);
            int pc = h.find("pcds", "pcd", "pcd7", "pcd8", "postcode");
            int lat = h.find("lat", "latitude"), lon = h.find("long", "lon", "longitude");
            int east = h.find("oseast1m", "easting"), north = h.find("osnrth1m", "northing");
            boolean degrees = lat >= 0 && lon >= 0, grid = east >= 0 && north >= 0;
            if (pc < 0 || !degrees && !grid) {
                throw new ImportException(file + ": line 1: a postcode lookup needs a postcode column (pcds, pcd or postcode) and"
                        + " lat/long or oseast1m/osnrth1m (easting/northing); found " + h.names());
            }
            long rows = 0;
            for (String[] row = csv.next(); row != null; row = csv.next()) {
                if (row.length == 1 && row[0].isBlank()) {
                    continue;
                }
                if (++rows > InputLimits.MAX_ROWS_PER_CALL) {
                    throw new ImportException(file + ": more than " + InputLimits.MAX_ROWS_PER_CALL + " rows (limit InputLimits.MAX_ROWS_PER_CALL)");
                }
                int line = csv.lastLine();
                if (row.length != h.size()) {
                    throw new ImportException(file + ": line " + line + ": expected " + h.size() + " fields, found " + row.length);
                }
                String key = normalise(row[pc]);
                if (key.isEmpty()) {
                    throw new ImportException(file + ": line " + line + ": field '" + h.name(pc) + "': no postcode");
                }
                double[] xy;
                if (degrees && !row[lat].isBlank() && !row[lon].isBlank()) {
                    xy = new double[]{number(file, line, h, lon, row), number(file, line, h, lat, row)};
                    if (!UkExtent.isLonLat(xy[0], xy[1])) {
                        if (grid || xy[1] == 99.999999) { // ONSPD's "no grid reference" marker
                            continue;
                        }
                        throw new ImportException(file + ": line " + line + ": field '" + h.name(lat) + "': (" + row[lon].trim() + ", "
                                + row[lat].trim() + ") is not a UK longitude/latitude");
                    }
                } else if (grid && !row[east].isBlank() && !row[north].isBlank()) {
                    xy = new double[]{number(file, line, h, east, row), number(file, line, h, north, row)};
                    if (!UkExtent.isGrid(xy[0], xy[1])) {
                        throw new ImportException(file + ": line " + line + ": field '" + h.name(east) + "': not a British National Grid easting/northing");
                    }
                    Projection.transformInPlace(xy, Projection.BNG, Projection.WGS84);
                } else {
                    continue;
                }
                lonLat.put(key, xy);
            }
        } catch (CsvReader.BadRecord e) {
            throw new ImportException(file + ": line " + e.line() + ": " + e.reason(), e);
        } catch (IOException e) {
            throw new ImportException(file + ": " + e.getMessage(), e);
        }
        return new PostcodeLookup(lonLat);
    }

    private static double number(Path file, int line, Header h, int column, String[] row) {
        try {
            return Decimal.parse(row[column].trim());
        } catch (NumberFormatException e) {
            throw new ImportException(file + ": line " + line + ": field '" + h.name(column) + "': not a number: '" + Text.shorten(row[column]) + "'");
        }
    }

    /** WGS84 {lon, lat} of a postcode (any spacing or case), or null when the lookup has no such postcode. */
    public double[] lonLat(String postcode) {
        double[] xy = lonLat.get(normalise(postcode));
        return xy == null ? null : xy.clone();
    }

    public int size() {
        return lonLat.size();
    }
}
