package org.wardheat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layering written in {@code org/wardheat/package-info.java}, checked on the source text: every
 * {@code org.wardheat.X} a main class names (in an import or written out in code) must be in a lower
 * layer, or its own package; packages of one layer do not use each other; only {@code store} uses JDBC
 * (GeoPackage files are written by the NGA library).
 */
class ArchitectureTest {
    /** Bottom to top; the boundaries module's packages ({@code boundaries}, {@code text}) are layer 0. */
    static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("boundaries", 0), Map.entry("text", 0),
            Map.entry("model", 1),
            Map.entry("geom", 2), Map.entry("stats", 2),
            Map.entry("analysis", 3), Map.entry("hotspot", 3), Map.entry("repeats", 3),
            Map.entry("store", 4),
            Map.entry("imports", 5),
            Map.entry("service", 6),
            Map.entry("output", 7),
            Map.entry("export", 8),
            Map.entry("demo", 9),
            Map.entry("query", 10),
            Map.entry("ogc", 11),
            Map.entry("http", 12),
            Map.entry("cli", 13));

    private static final Path MAIN = Path.of("src/main/java/org/wardheat");
    private static final Pattern USE = Pattern.compile("\\borg\\.wardheat\\.([a-z]+)\\.");

    @Test
    void noPackageUsesOneAboveItOrASiblingOfItsLayer() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            String from = packageOf(file);
            Integer own = LAYER.get(from);
            if (own == null) {
                violations.add(file + ": package '" + from + "' has no layer; add it to LAYER and package-info.java");
                continue;
            }
            Matcher m = USE.matcher(code(file));
            while (m.find()) {
                String to = m.group(1);
                Integer theirs = LAYER.get(to);
                if (to.equals(from)) {
                    continue;
                }
                if (theirs == null || theirs > own || theirs.equals(own)) {
                    violations.add(file.getFileName() + " (" + from + ", layer " + own + ") uses " + to
                            + (theirs == null ? " (no layer)" : " (layer " + theirs + ")"));
                }
            }
        }
        assertEquals(List.of(), new ArrayList<>(new TreeSet<>(violations)));
    }

    @Test
    void onlyTheStoreRunsSql() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : sources()) {
            if (!packageOf(file).equals("store") && code(file).contains("java.sql.")) {
                violations.add(file.getFileName().toString());
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theScanSeesUpwardUses() {
        // the check above must be able to fail: a store class naming a service is caught
        Matcher m = USE.matcher(strip("import org.wardheat.service.Workspace; // org.wardheat.cli.Main\n"
                + "String s = \"org.wardheat.http.ApiServer\";"));
        assertTrue(m.find());
        assertEquals("service", m.group(1));
        assertTrue(!m.find(), "comments and strings are not uses");
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            List<Path> out = files.filter(f -> f.toString().endsWith(".java") && !f.getParent().equals(MAIN)).sorted().toList();
            assertTrue(out.size() > 50, "found the main sources: " + out.size());
            return out;
        }
    }

    private static String packageOf(Path file) {
        return MAIN.relativize(file).getName(0).toString();
    }

    private static String code(Path file) throws IOException {
        return strip(Files.readString(file));
    }

    /** The text without comments and string literals (text blocks included). */
    static String strip(String java) {
        return java.replaceAll("(?s)\"\"\".*?\"\"\"", "\"\"")
                .replaceAll("\"(?:\\\\.|[^\"\\\\\\n])*\"", "\"\"")
                .replaceAll("(?s)/\\*.*?\\*/", "")
                .replaceAll("//[^\\n]*", "");
    }
}
