package org.wardheat.imports;

import org.wardheat.text.Header;
import org.wardheat.text.InputLimits;
import org.wardheat.text.Text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which columns of a council incident CSV hold what. Each role names one or more candidate header
 * names (the first present is used); the category is either a fixed value or a column. Written as
 * CLI flags, a small {@code role = column} mapping file, or form fields in the web upload.
 *
 * <p>Roles: {@code date} (required: ISO {@code 2020-04-17}, UK {@code 17/04/2020} or month
 * {@code 2020-04}), {@code end_date}, {@code lon}+{@code lat} or {@code easting}+{@code northing}
 * (British National Grid metres), {@code category} (fixed) or {@code category_column}, {@code count}
 * (default 1), {@code location}, {@code vehicles}, {@code people}.
 */
public record ColumnMapping(Map<String, List<String>> columns, String category, String kind) {
    public static final List<String> ROLES = List.of("date", "end_date", "lon", "lat", "easting", "northing",
            "category_column", "count", "location", "vehicles", "people");

    /** Needle finds: date, location, easting, northing, count. See docs/samples/needle-finds.csv. */
    public static final ColumnMapping NEEDLE_FINDS = new ColumnMapping(map(
            "date", "Date|Date found|Date of find|Reported date",
            "easting", "Easting|X|BNG easting",
            "northing", "Northing|Y|BNG northing",
            "lon", "Longitude|Lon",
            "lat", "Latitude|Lat",
            "count", "Count|Number|Needles|Number of needles|Quantity",
            "location", "Location|Location description|Site|Address"), "Needle find", "needle-finds");

    /** Unauthorised encampments: start and end dates, location, coordinates, vehicles and people. */
    public static final ColumnMapping ENCAMPMENTS = new ColumnMapping(map(
            "date", "Start date|Date arrived|Arrived|Start",
            "end_date", "End date|Date left|Left|End",
            "easting", "Easting|X",
            "northing", "Northing|Y",
            "lon", "Longitude|Lon",
            "lat", "Latitude|Lat",
            "location", "Location|Site|Address",
            "vehicles", "Vehicles|Number of vehicles|Caravans",
            "people", "People|Number of people|Adults"), "Unauthorised encampment", "encampments");

    public static ColumnMapping preset(String name) {
        return switch (name) {
            case "needle-finds" -> NEEDLE_FINDS;
            case "encampments" -> ENCAMPMENTS;
            default -> throw new IllegalArgumentException("unknown preset '" + name + "'; there are needle-finds and encampments");
        };
    }

    private static Map<String, List<String>> map(String... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], List.of(pairs[i + 1].split("\\|")));
        }
        return m;
    }

    /**
     * A mapping from {@code role = column} pairs (a file's lines, or CLI flags); {@code category = X}
     * sets a fixed category, {@code kind = X} the dataset kind. Each value is 1 to
     * {@link InputLimits#MAX_MAPPING_VALUE_CHARS} characters with no control characters.
     *
     * @throws IllegalArgumentException naming an unknown role or a bad value
     */
    public static ColumnMapping of(Map<String, String> pairs) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        String category = null, kind = "council";
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            String role = e.getKey().trim().toLowerCase(Locale.ROOT).replace('-', '_');
            String value = checked(e.getKey(), e.getValue());
            if (role.equals("category")) {
                category = value;
            } else if (role.equals("kind")) {
                kind = value;
            } else if (ROLES.contains(role)) {
                columns.put(role, List.of(value));
            } else {
                throw new IllegalArgumentException("unknown mapping role '" + Text.shorten(e.getKey()) + "'; roles are " + ROLES
                        + ", category and kind");
            }
        }
        return new ColumnMapping(columns, category, kind);
    }

    private static String checked(String role, String raw) {
        String value = raw == null ? "" : raw.trim();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("mapping role '" + Text.shorten(role) + "' is given no column");
        }
        if (value.length() > InputLimits.MAX_MAPPING_VALUE_CHARS) {
            throw new IllegalArgumentException("mapping role '" + Text.shorten(role) + "': the value is longer than "
                    + InputLimits.MAX_MAPPING_VALUE_CHARS + " characters (limit InputLimits.MAX_MAPPING_VALUE_CHARS)");
        }
        int c = Text.controlCharacter(value);
        if (c >= 0) {
            throw new IllegalArgumentException("mapping role '" + Text.shorten(role) + "': control character "
                    + String.format("U+%04X", c) + " in the value");
        }
        return value;
    }

    /**
     * Reads a mapping file: one {@code role = column} per line, {@code #} comments; UTF-8, at most
     * {@link InputLimits#MAX_MAPPING_BYTES}; a role given twice is refused.
     *
     * @throws IllegalArgumentException naming the file and line
     */
    public static ColumnMapping read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Text.readLines(file, InputLimits.MAX_MAPPING_BYTES, "InputLimits.MAX_MAPPING_BYTES");
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return parse(lines, file.toString());
    }

    /**
     * Parses a mapping file's lines (see {@link #read}).
     *
     * @param file the file's name, for messages
     * @throws IllegalArgumentException naming the file and line
     */
    public static ColumnMapping parse(List<String> lines, String file) {
        Map<String, String> pairs = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(file + ": line " + (i + 1) + ": expected role = column, found '" + Text.shorten(line) + "'");
            }
            String role = line.substring(0, eq).trim().toLowerCase(Locale.ROOT).replace('-', '_');
            Integer earlier = lineOf.put(role, i + 1);
            if (earlier != null) {
                throw new IllegalArgumentException(file + ": line " + (i + 1) + ": role '" + Text.shorten(role)
                        + "' is given twice (also line " + earlier + ")");
            }
            pairs.put(line.substring(0, eq), line.substring(eq + 1));
        }
        try {
            return of(pairs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** This mapping with some roles replaced (CLI flags over a preset). */
    public ColumnMapping with(Map<String, String> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        ColumnMapping o = of(overrides);
        Map<String, List<String>> merged = new LinkedHashMap<>(columns);
        merged.putAll(o.columns());
        return new ColumnMapping(merged, o.category() != null ? o.category() : category,
                overrides.containsKey("kind") ? o.kind() : kind);
    }

    /** The column index of a role in a header, or -1. */
    int find(Header h, String role) {
        List<String> names = columns.get(role);
        return names == null ? -1 : h.find(names.toArray(new String[0]));
    }

    List<String> describe(String role) {
        return columns.getOrDefault(role, new ArrayList<>());
    }
}
