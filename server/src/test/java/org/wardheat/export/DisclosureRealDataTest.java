package org.wardheat.export;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.analysis.WardStatistics;
import org.wardheat.imports.IncidentFormat;
import org.wardheat.service.Workspace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recovery attack ({@link SuppressionAudit}) on the real Maidstone 2022 wards (the 26 December 2022 wards)
 * with Kent Police's 2022 police.uk crimes, from {@code ../shared/data/real} (skipped when absent; loaded as
 * {@code RealDataTest} does): the ward × category table with ward totals, category totals and a grand total,
 * and the ward table of one category with this half-year, last half-year and their difference. With secondary
 * suppression no suppressed cell is pinned; with primary suppression alone the attack recovers cells.
 */
class DisclosureRealDataTest {
    static Path real;
    @TempDir
    static Path dir;
    static Workspace ws;
    static final String SET = "maidstone-2022";

    @BeforeAll
    static void load() throws Exception {
        real = Path.of(System.getProperty("wardheat.realdata", "../shared/data/real"));
        Assumptions.assumeTrue(Files.isDirectory(real.resolve("police_uk_kent")), "no real data at " + real.toAbsolutePath());
        ws = Workspace.open(dir.resolve("maidstone"));
        ws.addBoundaries(SET, real.resolve("drkane_geo-lookups/boundaries/ward_WD22_commit_d23350ed/E07000110.geojson"), null, null);
        List<Path> files;
        try (Stream<Path> s = Files.list(real.resolve("police_uk_kent/karnmodi_BDML"))) {
            files = s.filter(f -> f.getFileName().toString().startsWith("2022-")).sorted().toList();
        }
        ws.importFiles(files, IncidentFormat.POLICE_UK, "police-uk", SET);
    }

    @AfterAll
    static void close() {
        if (ws != null) {
            ws.close();
        }
    }

    /** Wards × categories (2022), a "total" column per ward and an "All wards" row. */
    static FeatureTable wardsByCategory() {
        List<String> categories = new ArrayList<>(ws.categoryCounts().keySet());
        Map<String, long[]> byWard = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (int c = 0; c < categories.size(); c++) {
            WardStatistics.Result r = ws.wardStatistics(SET, WardStatistics.Query.of(List.of(categories.get(c)), null, "2022-01", "2022-12", null, 5));
            for (WardStatistics.WardRow w : r.wards()) {
                byWard.computeIfAbsent(w.code(), x -> new long[categories.size()])[c] = w.count();
                names.put(w.code(), w.name());
            }
        }
        List<Column> columns = new ArrayList<>(List.of(Column.text("ward_code"), Column.text("ward_name")));
        categories.forEach(c -> columns.add(Column.integer(c)));
        columns.add(Column.integer("total"));
        FeatureTable.Builder b = FeatureTable.builder("wards-by-category_maidstone-2022_2022", columns);
        long[] totals = new long[categories.size() + 1];
        Map<String, Long> all = new LinkedHashMap<>();
        ws.wardStatistics(SET, WardStatistics.Query.of(null, null, "2022-01", "2022-12", null, 5)).wards().forEach(w -> all.put(w.code(), w.count()));
        for (var e : byWard.entrySet()) {
            Object[] row = new Object[columns.size()];
            row[0] = e.getKey();
            row[1] = names.get(e.getKey());
            long sum = 0;
            for (int c = 0; c < categories.size(); c++) {
                row[c + 2] = e.getValue()[c];
                totals[c] += e.getValue()[c];
                sum += e.getValue()[c];
            }
            assertEquals(all.get(e.getKey()), sum, "a ward's categories add up to its count");
            row[row.length - 1] = sum;
            totals[categories.size()] += sum;
            b.add(null, row);
        }
        Object[] total = new Object[columns.size()];
        total[0] = "All wards";
        total[1] = "All wards";
        for (int c = 0; c < totals.length; c++) {
            total[c + 2] = totals[c];
        }
        b.add(null, total);
        return b.build();
    }

    static DisclosureRule byCategoryRule(FeatureTable t) {
        List<String> names = t.columnNames();
        List<String> categories = names.subList(2, names.size() - 1);
        List<String> counts = new ArrayList<>(categories);
        counts.add("total");
        return new DisclosureRule(DisclosureRule.DEFAULT_K, counts, Map.of(), List.of(),
                List.of(new DisclosureRule.RowTotal("total", categories)), new DisclosureRule.TotalRow("ward_code", "All wards"),
                false, List.of(), true);
    }

    @Test
    void wardByCategoryTableResistsTheRecoveryAttack() {
        FeatureTable t = wardsByCategory();
        assertEquals(27, t.rows().size(), "26 wards and the total row");
        assertEquals(17_902L, t.rows().get(26).get(t.columns().size() - 1), "MANIFEST.md: 17,902 Maidstone crimes in 2022");
        DisclosureRule rule = byCategoryRule(t);

        Disclosure.Result primaryOnly = Disclosure.suppress(t, rule.primaryOnly());
        List<SuppressionAudit.Interval> recovered = SuppressionAudit.recovered(t, rule.primaryOnly(), primaryOnly);
        assertFalse(recovered.isEmpty(), "primary suppression alone leaves cells that totals give back");
        for (SuppressionAudit.Interval i : recovered) {
            assertEquals(((Number) t.rows().get(i.row()).get(i.column())).doubleValue(), i.min(), 1e-6, "the attack finds the true value");
        }

        Disclosure.Result r = Disclosure.suppress(t, rule);
        List<SuppressionAudit.Interval> intervals = SuppressionAudit.attack(t, rule, r);
        long primary = intervals.stream().filter(i -> i.mark() == Disclosure.Mark.PRIMARY).count();
        long secondary = intervals.stream().filter(i -> i.mark() == Disclosure.Mark.SECONDARY).count();
        System.out.printf("Maidstone 2022 wards x %d categories: %d primary, %d secondary suppressed; primary alone: %d of %d recovered%n",
                t.columns().size() - 3, primary, secondary, recovered.size(), SuppressionAudit.attack(t, rule.primaryOnly(), primaryOnly).size());
        assertTrue(primary > 0, "the real table has small counts");
        for (SuppressionAudit.Interval i : intervals) {
            assertFalse(i.pinned(), "recovered: " + t.rows().get(i.row()).get(1) + ", " + t.columnNames().get(i.column()) + " " + i);
            if (i.mark() == Disclosure.Mark.PRIMARY) {
                assertTrue(i.min() >= 1 - 1e-6 && i.max() <= DisclosureRule.DEFAULT_K - 1 + 1e-6, i.toString());
            }
        }
        for (List<Object> row : r.table().rows()) {
            for (Object v : row) {
                assertFalse(v instanceof Number n && n.doubleValue() > 0 && n.doubleValue() < DisclosureRule.DEFAULT_K, "a small count shown: " + row);
            }
        }
    }

    @Test
    void wardTableOfOneCategoryAcrossTwoHalfYearsResistsTheRecoveryAttack() {
        String category = "Robbery";
        assertTrue(ws.categoryCounts().containsKey(category), ws.categoryCounts().keySet().toString());
        WardStatistics.Result r = ws.wardStatistics(SET, WardStatistics.Query.of(List.of(category), null, "2022-07", "2022-12", "2022-01:2022-06", 5));
        FeatureTable t = Layers.wards(r, ws.boundarySet(SET).wards(), SET);
        DisclosureRule rule = DisclosureRule.forTable(t, DisclosureRule.DEFAULT_K);
        assertEquals(List.of(new DisclosureRule.Difference("count", "previous_count", "change")), rule.differences());
        assertTrue(rule.columnTotalsPublished());

        Disclosure.Result alone = Disclosure.suppress(t, rule.primaryOnly());
        assertFalse(SuppressionAudit.recovered(t, rule.primaryOnly(), alone).isEmpty(), "the difference column gives primary cells back");

        Disclosure.Result s = Disclosure.suppress(t, rule);
        List<SuppressionAudit.Interval> intervals = SuppressionAudit.attack(t, rule, s);
        System.out.printf("Maidstone 2022 %s by ward, H2 against H1: %d cells suppressed (%d primary)%n", category, intervals.size(),
                intervals.stream().filter(i -> i.mark() == Disclosure.Mark.PRIMARY).count());
        assertTrue(intervals.stream().anyMatch(i -> i.mark() == Disclosure.Mark.PRIMARY));
        intervals.forEach(i -> assertFalse(i.pinned(), t.rows().get(i.row()).get(1) + ", " + t.columnNames().get(i.column()) + " " + i));
        assertEquals(5, ((Map<?, ?>) s.table().parameters().get("disclosure")).get("k"));
    }
}
