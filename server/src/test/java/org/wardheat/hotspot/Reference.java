package org.wardheat.hotspot;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the CSVs in src/test/resources/reference (simple: no quoted commas). */
public final class Reference {
    private Reference() {
    }

    public static List<String[]> rows(String name) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Reference.class.getResourceAsStream("/reference/" + name), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.add(line.replace("\"", "").split(","));
            }
        }
        return rows;
    }
}
