package org.wardheat.text;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Column positions of a CSV header row, looked up by name without regard to case or spacing. */
public final class Header {
    private final String[] names;
    private final Map<String, Integer> index = new HashMap<>();

    public Header(String[] names) {
        this.names = names.clone();
        for (int i = 0; i < names.length; i++) {
            index.putIfAbsent(normalise(names[i]), i);
        }
    }

    public int size() {
        return names.length;
    }

    public List<String> names() {
        return List.of(names);
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
