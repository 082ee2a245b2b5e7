package org.wardheat.context;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.boundaries.WardDissolve;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.model.Period;
import org.wardheat.service.AreaBreakdown;
import org.wardheat.service.Workspace;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Kent 2025 wards dissolved by {@code LAD25CD} (real files in {@code ../shared/data/real}; skipped when absent):
 * 12 districts whose police.uk counts equal a geopandas dissolve-and-join
 * ({@code reference/district_counts_geopandas.py}, outputs {@code kent-lad25-dissolved-kent-2022.csv} and
 * {@code -2024.csv}), and the district × category table with the force rows, Jan–Apr 2024 against Jan–Apr 2022.
 */
class DistrictRealDataTest {
    static Path real;
    @TempDir
    static Path dir;

    @BeforeAll
    static void locate() {
        real = RealData.require("police_uk_kent");
    }

    private static List<Path> crimes(String folder, String prefix) throws Exception {
        try (Stream<Path> files = Files.list(real.resolve("police_uk_kent").resolve(folder))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    /** area → month → category → count. */
    private static Map<String, Map<String, Map<String, Long>>> reference(String name) throws Exception {
        Map<String, Map<String, Map<String, Long>>> ref = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                DistrictRealDataTest.class.getResourceAsStream("/reference/" + name), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                ref.computeIfAbsent(f[0], k -> new HashMap<>()).computeIfAbsent(f[1], k -> new HashMap<>()).put(f[2], Long.parseLong(f[3]));
            }
        }
        return ref;
    }

    private static long sum(Map<String, Map<String, Map<String, Long>>> ref, String area, String fromMonth, String toMonth, String category) {
        long n = 0;
        for (var areas : ref.entrySet()) {
            if (area != null && !areas.getKey().equals(area)) {
                continue;
            }
            for (var m : areas.getValue().entrySet()) {
                if (m.getKey().compareTo(fromMonth) >= 0 && m.getKey().compareTo(toMonth) <= 0) {
                    n += category == null ? m.getValue().values().stream().mapToLong(Long::longValue).sum()
                            : m.getValue().getOrDefault(category, 0L);
                }
            }
        }
        return n;
    }

    @Test
    void kentWardsDissolvedByLad25cdMatchGeopandasAndTableTheDistrictsWithTheForceRows() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("kent"))) {
            ws.addBoundaries("kent-wards-2025", real.resolve("drkane_geo-lookups/boundaries/ward/E10000016.geojson"), null, null);
            WardDissolve.Result d = ws.dissolveBoundaries("kent-wards-2025", "LAD25CD", "kent-districts");
            assertEquals(12, d.areas().size());
            assertEquals(255, d.members().values().stream().mapToInt(List::size).sum());
            assertEquals("LAD25NM", d.nameField());
            assertEquals("Maidstone", ws.boundarySet("kent-districts").wards().stream()
                    .filter(w -> w.code().equals("E07000110")).findFirst().orElseThrow().name());
            assertEquals(22, d.members().get("E07000110").size(), "Maidstone has 22 wards since 2024");

            List<Path> files = new java.util.ArrayList<>(crimes("karnmodi_BDML", "2022-"));
            files.addAll(crimes("Leonard-Theodorus_UK-Q1-2024-Crime-Data-Analysis", "2024-"));
            ws.importFiles(files, IncidentFormat.POLICE_UK, "police-uk", "kent-districts");

            var ref2022 = reference("kent-lad25-dissolved-kent-2022.csv");
            var ref2024 = reference("kent-lad25-dissolved-kent-2024.csv");
            assertEquals(163_187, sum(ref2022, null, "2022-01", "2022-12", null), "geopandas total, 2022");
            for (int m = 1; m <= 12; m++) {
                String month = String.format("2022-%02d", m);
                WardStatistics.Result r = ws.wardStatistics("kent-districts", WardStatistics.Query.of(null, null, month, month, null, 5));
                assertEquals(12, r.wards().size());
                for (WardStatistics.WardRow w : r.wards()) {
                    assertEquals(sum(ref2022, w.code(), month, month, null), w.count(), w.code() + " " + w.name() + " " + month);
                }
            }

            List<AreaBreakdown.Row> rows = AreaBreakdown.rows(ws, "kent-districts", Set.of(),
                    Period.of("2024-01", "2024-04"), Period.of("2022-01", "2022-04"));
            Map<String, Long> forceNow = new TreeMap<>(), forceBefore = new TreeMap<>();
            int checked = 0;
            for (AreaBreakdown.Row row : rows) {
                String category = row.row().category().equals("All") ? null : row.row().category();
                String area = row.areaCode().equals(AreaBreakdown.WHOLE_SET) ? null : row.areaCode();
                assertEquals(sum(ref2024, area, "2024-01", "2024-04", category), row.row().count(), row.areaCode() + " " + row.row().category() + " 2024");
                assertEquals(sum(ref2022, area, "2022-01", "2022-04", category), row.row().previous(), row.areaCode() + " " + row.row().category() + " 2022");
                if (area != null) {
                    forceNow.merge(row.row().category(), row.row().count(), Long::sum);
                    forceBefore.merge(row.row().category(), row.row().previous(), Long::sum);
                } else {
                    assertEquals(forceNow.get(row.row().category()), row.row().count(), "force row = sum of the districts, " + row.row().category());
                    assertEquals(forceBefore.get(row.row().category()), row.row().previous());
                }
                checked++;
            }
            assertEquals(49_149, rows.stream().filter(r -> r.areaCode().equals(AreaBreakdown.WHOLE_SET) && r.row().category().equals("All"))
                    .findFirst().orElseThrow().row().count(), "Kent Jan–Apr 2024 inside the 12 districts (geopandas)");
            assertEquals(13 * 15, checked, "12 districts and the force, 14 categories and All each");
        }
    }
}
