package org.wardheat.text;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Column positions of a CSV header row, looked up by name without regard to case or spacing. Two columns
 * whose names are the same that way ("Crime ID" and "crime_id") are refused: which one a role would read
 * is not clear. Blank names may repeat (spreadsheets leave empty columns); they can never be looked up.
 */
public final class Header {
    private final String[] names;
    private final Map<String, Integer> index = new HashMap<>();

    /** @throws IllegalArgumentException naming a duplicated column */
    public Header(String[] names) {
        this.names = names.clone();
        for (int i = 0; i < names.length; i++) {
            String key = normalise(names[i]);
            if (key.isEmpty()) {
                continue;
            }
            Integer earlier = index.putIfAbsent(key, i);
            if (earlier != null) {
                throw new IllegalArgumentException("duplicate column name '" + names[i].trim() + "' (columns "
                        + (earlier + 1) + " and " + (i + 1) + "); rename one of them");
            }
        }
    }

    /**
     * Reads the header row: the first record of {@code csv}.
     *
     * @throws CsvReader.CsvException for an empty file, a header that is not valid CSV, or duplicated names
     */
    public static Header read(CsvReader csv) throws IOException {
        String[] head;
        try {
            head = csv.next();
        } catch (CsvReader.BadRecord e) {
            throw new CsvReader.CsvException(e.line(), "the header row is refused: " + e.reason());
        }
        if (head == null) {
            throw new CsvReader.CsvException(1, "the file is empty: no header row");
        }
        try {
            return new Header(head);
        } catch (IllegalArgumentException e) {
            throw new CsvReader.CsvException(csv.line(), e.getMessage());
        }
    }

    public int size() {
        return names.length;
    }

    public List<String> names() {
        return List.of(names);
    }

    /** The name of column {@code i} (0-based), or {@code "(row)"} outside the header. */
    public String name(int i) {
        return i >= 0 && i < names.length ? names[i].trim() : "(row)";
    }

    /** @return the column of the first name that is present, or -1 */
    public int find(String... candidates) {
        for (String c : candidates) {
            Integer i = index.get(normalise(c));
            if (i != null) {
                return i;
            }
        }
        return -1;
    }

    /** Lower case, with spaces, underscores and hyphens removed: "Crime ID" and "crime_id" match. */
    public static String normalise(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
