package org.wardheat.imports;

import org.wardheat.text.BoundedInput;
import org.wardheat.text.CsvReader;
import org.wardheat.text.Header;
import org.wardheat.text.InputLimits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Locates council records that have a postcode and no coordinates: each CSV gets two more columns,
 * {@value #LON} and {@value #LAT}, holding the row's own longitude/latitude when it has them, else its
 * postcode's from the {@link PostcodeLookup}; the column mapping's {@code lon}/{@code lat} roles point at them
 * (easting/northing, when a row has them, still win). Rows whose postcode is not in the lookup import as
 * "without location", and their postcodes are reported by name. The rewritten CSV is UTF-8.
 */
public final class PostcodeLocator {
    public static final String LON = "wardheat_lon";
    public static final String LAT = "wardheat_lat";

    /**
     * @param sources   the rewritten sources
     * @param mapping   the mapping with {@code lon}/{@code lat} on the added columns
     * @param located   rows located by their postcode
     * @param unmatched postcodes (as written in the file, trimmed) not in the lookup → rows
     */
    public record Result(List<ImportSource> sources, ColumnMapping mapping, int located, Map<String, Integer> unmatched) {
    }

    private PostcodeLocator() {
    }

    public static Result locate(List<ImportSource> sources, ColumnMapping mapping, PostcodeLookup lookup, Charset encoding) {
        List<ImportSource> out = new ArrayList<>();
        Map<String, Integer> unmatched = new TreeMap<>();
        int located = 0;
        BoundedInput.Budget budget = new BoundedInput.Budget(InputLimits.DEFAULT);
        for (ImportSource s : sources) {
            StringBuilder csv = new StringBuilder();
            try (CsvReader in = new CsvReader(s.open(InputLimits.DEFAULT, budget), encoding, InputLimits.DEFAULT)) {
                Header h = Header.read(in);
                int pc = h.find("postcode", "post code", "pcds", "pcd");
                if (pc < 0) {
                    throw new ImportException(s.name() + ": line 1: no postcode column (postcode, post code, pcds or pcd) to locate rows by; found " + h.names());
                }
                int lon = mapping.find(h, "lon"), lat = mapping.find(h, "lat");
                row(csv, h.names().toArray(new String[0]), LON, LAT);
                while (true) {
                    String[] r;
                    try {
                        r = in.next();
                    } catch (CsvReader.BadRecord e) {
                        throw new ImportException(s.name() + ": line " + e.line() + ": " + e.reason()
                                + " (postcode location reads the whole file first; fix this record)", e);
                    }
                    if (r == null) {
                        break;
                    }
                    if (r.length != h.size()) { // passed on as it is: the importer rejects it with its line
                        row(csv, r);
                        continue;
                    }
                    String x = "", y = "";
                    if (lon >= 0 && lat >= 0 && !r[lon].isBlank() && !r[lat].isBlank()) {
                        x = r[lon].trim();
                        y = r[lat].trim();
                    } else if (!r[pc].isBlank()) {
                        double[] xy = lookup.lonLat(r[pc]);
                        if (xy == null) {
                            unmatched.merge(r[pc].trim().toUpperCase(Locale.ROOT), 1, Integer::sum);
                        } else {
                            x = String.format(Locale.ROOT, "%.6f", xy[0]);
                            y = String.format(Locale.ROOT, "%.6f", xy[1]);
                            located++;
                        }
                    }
                    String[] extended = java.util.Arrays.copyOf(r, r.length + 2);
                    extended[r.length] = x;
                    extended[r.length + 1] = y;
                    row(csv, extended);
                }
            } catch (IOException e) {
                throw new ImportException(s.name() + ": " + e.getMessage(), e);
            }
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            out.add(new ImportSource(s.name(), (limits, b) -> BoundedInput.limit(new ByteArrayInputStream(bytes), s.name(), bytes.length, limits, b)));
        }
        return new Result(out, mapping.with(Map.of("lon", LON, "lat", LAT)), located, unmatched);
    }

    private static void row(StringBuilder csv, String[] fields, String... more) {
        List<String> all = new ArrayList<>(List.of(fields));
        all.addAll(List.of(more));
        for (int i = 0; i < all.size(); i++) {
            String f = all.get(i);
            csv.append(i > 0 ? "," : "");
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                csv.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(f);
            }
        }
        csv.append("\r\n");
    }
}
