package org.wardheat.export;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wardheat.export.Column.decimal;
import static org.wardheat.export.Column.integer;
import static org.wardheat.export.Column.text;

/**
 * Disclosure control on hand-made tables: what is suppressed, what is shown, and the recovery attack
 * ({@link SuppressionAudit}) that pins a cell when secondary suppression is off and none when it is on.
 */
class DisclosureTest {

    /**
     * Four wards × three categories with a total column and a total row:
     * <pre>
     *        A   B   C  total
     *  w1    3  20  15     38
     *  w2   12   9  30     51
     *  w3    8   2   6     16
     *  w4   25  40  10     75
     *  All  48  71  61    180
     * </pre>
     */
    static FeatureTable crossTable() {
        FeatureTable.Builder b = FeatureTable.builder("wards-by-category", text("ward"), integer("A"), integer("B"), integer("C"), integer("total"));
        b.add(null, "w1", 3, 20, 15, 38);
        b.add(null, "w2", 12, 9, 30, 51);
        b.add(null, "w3", 8, 2, 6, 16);
        b.add(null, "w4", 25, 40, 10, 75);
        b.add(null, "All", 48, 71, 61, 180);
        return b.build();
    }

    static DisclosureRule crossRule(FeatureTable t) {
        return new DisclosureRule(5, List.of("A", "B", "C", "total"), Map.of(),
                List.of(), List.of(new DisclosureRule.RowTotal("total", List.of("A", "B", "C"))),
                new DisclosureRule.TotalRow("ward", "All"), false, List.of(), true);
    }

    private static List<Object> row(FeatureTable t, int r) {
        return t.rows().get(r);
    }

    @Test
    void primaryAloneIsRecoveredFromRowAndColumnTotals() {
        FeatureTable t = crossTable();
        DisclosureRule rule = crossRule(t).primaryOnly();
        Disclosure.Result r = Disclosure.suppress(t, rule);
        assertEquals(Arrays.asList("w1", "<5", 20L, 15L, 38L), row(r.table(), 0));
        assertEquals(Arrays.asList("w3", 8L, "<5", 6L, 16L), row(r.table(), 2));
        // 38 − 20 − 15 = 3 and 16 − 8 − 6 = 2: both primary cells are pinned
        List<SuppressionAudit.Interval> pinned = SuppressionAudit.recovered(t, rule, r);
        assertEquals(2, pinned.size(), pinned.toString());
        assertEquals(3, pinned.get(0).min(), 1e-9);
        assertEquals(3, pinned.get(0).max(), 1e-9);
    }

    @Test
    void secondarySuppressionLeavesNoCellRecoverable() {
        FeatureTable t = crossTable();
        DisclosureRule rule = crossRule(t);
        Disclosure.Result r = Disclosure.suppress(t, rule);
        // Column A has 3 alone: the smallest other, w3's 8, goes; column B has 2 alone: w2's 9 goes; then row w1
        // (3 alone): C's 15; row w2 (9 alone): A's 12; row w3 (8 and 2) is covered; on the second pass column C
        // (15 alone): w3's 6. Two primary and five secondary cells.
        assertEquals(Arrays.asList("w1", "<5", 20L, "[c]", 38L), row(r.table(), 0));
        assertEquals(Arrays.asList("w2", "[c]", "[c]", 30L, 51L), row(r.table(), 1));
        assertEquals(Arrays.asList("w3", "[c]", "<5", "[c]", 16L), row(r.table(), 2));
        assertEquals(Arrays.asList("w4", 25L, 40L, 10L, 75L), row(r.table(), 3));
        assertEquals(Arrays.asList("All", 48L, 71L, 61L, 180L), row(r.table(), 4));
        for (Disclosure.Equation e : r.equations()) {
            long suppressed = e.cells().stream().filter(c -> r.marks()[c[0]][c[1]] != Disclosure.Mark.SHOWN).count();
            assertTrue(suppressed != 1, "an equation with one suppressed cell");
        }
        List<SuppressionAudit.Interval> intervals = SuppressionAudit.attack(t, rule, r);
        assertEquals(7, intervals.size());
        intervals.forEach(i -> assertFalse(i.pinned(), i.toString()));
        // w1's A is 2 to 4 as far as anyone can tell: w1's C is 18 − A, so w3's C is 21 − (18 − A) = 3 + A, which is
        // a secondary cell and so at least 5
        SuppressionAudit.Interval a1 = intervals.stream().filter(i -> i.row() == 0 && i.column() == 1).findFirst().orElseThrow();
        assertEquals(2, a1.min(), 1e-9);
        assertEquals(4, a1.max(), 1e-9);
        assertEquals(Map.of("applied", true, "k", 5, "secondary_suppression", true, "primary_cells", 2, "secondary_cells", 5,
                "derived_withheld", 0, "recovery_audit", "passed"), without(r.table().parameters().get("disclosure"), "marks"));
        assertEquals("wards-by-category_shareable-k5", r.table().name());
    }

    /**
     * Partners in row and column are not always enough: in
     * <pre>
     *        A   B   C  total
     *  w1    4   5  20     29
     *  w2    6   5  30     41
     *  All  10  10  50     70
     * </pre>
     * the fixed point suppresses the rectangle w1/w2 × A/B, yet w1's B = 9 − a and w2's B = 10 − (9 − a) = 1 + a,
     * a secondary and so at least 5: a = 4. The audit finds it and suppresses more.
     */
    @Test
    void theAuditWidensAPatternThatPartnersAloneLeaveOpen() {
        FeatureTable.Builder b = FeatureTable.builder("pinned", text("ward"), integer("A"), integer("B"), integer("C"), integer("total"));
        b.add(null, "w1", 4, 5, 20, 29);
        b.add(null, "w2", 6, 5, 30, 41);
        b.add(null, "All", 10, 10, 50, 70);
        FeatureTable t = b.build();
        DisclosureRule rule = crossRule(t);
        Disclosure.Result r = Disclosure.suppress(t, rule);
        Disclosure.Mark[][] rectangle = new Disclosure.Mark[3][5];
        for (Disclosure.Mark[] m : rectangle) {
            Arrays.fill(m, Disclosure.Mark.SHOWN);
        }
        rectangle[0][1] = Disclosure.Mark.PRIMARY;
        rectangle[0][2] = rectangle[1][1] = rectangle[1][2] = Disclosure.Mark.SECONDARY;
        List<SuppressionAudit.Interval> open = SuppressionAudit.recovered(t, rule, new Disclosure.Result(t, rectangle, r.equations()));
        assertEquals(4, open.size(), "all four cells of the rectangle are pinned");
        assertEquals(4, open.get(0).min(), 1e-9);
        assertEquals(4, open.get(0).max(), 1e-9);

        long suppressed = Arrays.stream(r.marks()).flatMap(Arrays::stream).filter(m -> m != Disclosure.Mark.SHOWN).count();
        assertTrue(suppressed > 4, "the audit suppressed more than the rectangle: " + suppressed);
        SuppressionAudit.attack(t, rule, r).forEach(i -> assertFalse(i.pinned(), i.toString()));
        assertEquals("passed", ((Map<?, ?>) r.table().parameters().get("disclosure")).get("recovery_audit"));
    }

    private static Map<?, ?> without(Object map, String key) {
        Map<?, ?> m = new java.util.LinkedHashMap<>((Map<?, ?>) map);
        m.remove(key);
        return m;
    }

    /**
     * The ward table: count, previous count, their difference, rate and % change, with each period's total
     * published. Ward a's count 2 is primary; its change (2 − 10) would give it back, so the change goes; the
     * period's total would too, so the smallest other non-zero count (b's 6) goes.
     */
    static FeatureTable wardTable() {
        FeatureTable.Builder b = FeatureTable.builder("wards_x_2024", text("ward_code"), text("ward_name"), integer("count"),
                decimal("rate_per_1000", 3), decimal("share", 4), integer("rank"), integer("previous_count"), integer("change"),
                decimal("change_pct", 1));
        b.add(null, "a", "A", 2, 0.4, 0.0235, 4, 10, -8, -80.0);
        b.add(null, "b", "B", 6, 1.2, 0.0706, 3, 5, 1, 20.0);
        b.add(null, "c", "C", 30, 6.0, 0.3529, 2, 3, 27, 900.0);
        b.add(null, "d", "D", 47, 9.4, 0.5529, 1, 0, 47, null);
        b.add(null, "e", "E", 0, 0.0, 0.0, 5, 40, -40, -100.0);
        return b.build();
    }

    @Test
    void periodDifferencesAndPublishedTotalsAreCovered() {
        FeatureTable t = wardTable();
        DisclosureRule rule = DisclosureRule.forTable(t, 5);
        assertEquals(List.of("count", "previous_count"), rule.counts());
        assertEquals(List.of("count"), rule.derived().get("rate_per_1000"));
        assertEquals(List.of("count", "previous_count"), rule.derived().get("change_pct"));
        Disclosure.Result r = Disclosure.suppress(t, rule);
        assertEquals(Arrays.asList("a", "A", "<5", "[c]", "[c]", "[c]", 10L, "[c]", "[c]"), row(r.table(), 0));
        // c's previous 3 is primary: its change goes, and, for the previous total, the smallest non-zero other previous (b's 5);
        // b's change (1) may stay: b's count is 6 or 7 and a's 1 or 2 as far as anyone can tell
        assertEquals(Arrays.asList("b", "B", "[c]", "[c]", "[c]", "[c]", "[c]", 1L, "[c]"), row(r.table(), 1));
        assertEquals(Arrays.asList("c", "C", 30L, 6.0, 0.3529, 2L, "<5", "[c]", "[c]"), row(r.table(), 2));
        assertEquals(Arrays.asList("d", "D", 47L, 9.4, 0.5529, 1L, 0L, 47L, null), row(r.table(), 3));
        assertEquals(Arrays.asList("e", "E", 0L, 0.0, 0.0, 5L, 40L, -40L, -100.0), row(r.table(), 4));
        SuppressionAudit.attack(t, rule, r).forEach(i -> assertFalse(i.pinned(), i.toString()));
        assertFalse(SuppressionAudit.recovered(t, rule.primaryOnly(), Disclosure.suppress(t, rule.primaryOnly())).isEmpty(),
                "without secondary suppression a's count is 10 + (−8)");
    }

    @Test
    void zeroStaysZeroAndKIsConfigurable() {
        FeatureTable t = wardTable();
        Disclosure.Result r = Disclosure.suppress(t, DisclosureRule.forTable(t, 2));
        assertEquals(0L, row(r.table(), 4).get(2));
        assertEquals(2L, row(r.table(), 0).get(2));
        FeatureTable ten = Disclosure.apply(t, 10);
        assertEquals("<10", row(ten, 1).get(2));
        assertEquals("<10", row(ten, 0).get(2));
        assertThrows(IllegalArgumentException.class, () -> DisclosureRule.forTable(t, 1));
        assertThrows(IllegalArgumentException.class, () -> DisclosureRule.forTable(t, 101));
    }

    @Test
    void strategicTableTotalsAreTheAllRow() {
        FeatureTable.Builder b = FeatureTable.builder("strategic-assessment_x_2024", text("category"), integer("this_period"),
                integer("last_period"), integer("difference"), decimal("change_pct", 1), decimal("rate_per_1000", 3), text("period"),
                text("comparison"));
        b.add(null, "Arson", 4, 6, -2, -33.3, 0.2, "p", "q");
        b.add(null, "Burglary", 50, 40, 10, 25.0, 2.5, "p", "q");
        b.add(null, "Robbery", 12, 9, 3, 33.3, 0.6, "p", "q");
        b.add(null, "All", 66, 55, 11, 20.0, 3.3, "p", "q");
        FeatureTable t = b.build();
        DisclosureRule rule = DisclosureRule.forTable(t, 5);
        assertEquals(new DisclosureRule.TotalRow("category", "All"), rule.totalRow());
        Disclosure.Result r = Disclosure.suppress(t, rule);
        // Arson's 4 alone in the "All" equation: the smallest other (Robbery's 12) goes; each one's difference goes with it
        assertEquals(Arrays.asList("Arson", "<5", 6L, "[c]", "[c]", "[c]", "p", "q"), row(r.table(), 0));
        assertEquals(Arrays.asList("Robbery", "[c]", 9L, "[c]", "[c]", "[c]", "p", "q"), row(r.table(), 2));
        assertEquals(Arrays.asList("All", 66L, 55L, 11L, 20.0, 3.3, "p", "q"), row(r.table(), 3));
        SuppressionAudit.attack(t, rule, r).forEach(i -> assertFalse(i.pinned(), i.toString()));
        assertFalse(SuppressionAudit.recovered(t, rule.primaryOnly(), Disclosure.suppress(t, rule.primaryOnly())).isEmpty());
    }

    @Test
    void hotspotCellsHideSmallCountsAndTheirStatistics() throws Exception {
        FeatureTable.Builder b = FeatureTable.builder("hotspots-gistar_x_2024", text("cell_id"), decimal("lon", 6), decimal("lat", 6),
                Column.significant("n", 6), Column.significant("gistar", 6), integer("bin"));
        b.add(null, "c1", 0.1, 51.0, 1.0, 0.5, 0);
        b.add(null, "c2", 0.2, 51.0, 9.0, 2.1, 2);
        b.add(null, "c3", 0.3, 51.0, 0.0, -0.3, 0);
        b.add(null, "c4", 0.4, 51.0, 12.0, 2.9, 3);
        FeatureTable t = b.build();
        DisclosureRule rule = DisclosureRule.forTable(t, 5);
        Disclosure.Result r = Disclosure.suppress(t, rule);
        assertEquals(Arrays.asList("c1", 0.1, 51.0, "<5", "[c]", "[c]"), row(r.table(), 0));
        assertEquals(Arrays.asList("c2", 0.2, 51.0, "[c]", "[c]", "[c]"), row(r.table(), 1), "the layer's incident count is published");
        assertEquals(Arrays.asList("c3", 0.3, 51.0, 0.0, -0.3, 0L), row(r.table(), 2));
        SuppressionAudit.attack(t, rule, r).forEach(i -> assertFalse(i.pinned(), i.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.write(r.table(), Exporter.Format.GEOJSON, Map.of(), out);
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"disclosure\":{\"applied\":true,\"k\":5"), json);
        assertTrue(json.contains("\"n\":\"<5\""), json);
        assertTrue(json.contains("\"n\":12,"), json);
    }
    @Test
    void focusAreaSummaryFollowsTheSameRule() {
        List<org.wardheat.service.AreaService.CategoryRow> rows = List.of(
                new org.wardheat.service.AreaService.CategoryRow("Arson", 4, 6, -2L, -33.3, 0.2, null, null, null, 0.2, null, null),
                new org.wardheat.service.AreaService.CategoryRow("Burglary", 50, 40, 10L, 25.0, 2.5, null, null, null, 2.5, null, null),
                new org.wardheat.service.AreaService.CategoryRow("Robbery", 12, 9, 3L, 33.3, 0.6, null, null, null, 0.6, null, null));
        org.wardheat.service.AreaService.Summary s = new org.wardheat.service.AreaService.Summary("Town", "b", List.of("w1"), "2024-01:2024-12",
                "2023-01:2023-12", rows, new org.wardheat.service.AreaService.CategoryRow("All", 66, 55, 11L, 20.0, 3.3, null, null, null, 3.3, null, null), 20_000.0, 3.5, 900,
                66 / 900.0, 0.1, 0.05, List.of(), List.of(new org.wardheat.service.AreaService.HotCell("c1", 0.1, 51, 3, 2.5, 2),
                new org.wardheat.service.AreaService.HotCell("c2", 0.2, 51, 12, 3.5, 3)), "records", null, List.of());
        Map<String, Object> shared = SharedSummary.of(s, 5);
        List<?> categories = (List<?>) shared.get("categories");
        assertEquals(Map.of("category", "Arson", "count", "<5", "previous", 6L, "difference", "[c]", "changePct", "[c]", "ratePer1000", "[c]"),
                categories.get(0));
        assertEquals("[c]", ((Map<?, ?>) categories.get(2)).get("count"), "Robbery's 12 is the secondary cell");
        assertEquals(66L, ((Map<?, ?>) shared.get("total")).get("count"));
        assertEquals(66 / 900.0, shared.get("shareOfIncidents"));
        List<?> cells = (List<?>) shared.get("hotCells");
        assertEquals("<5", ((Map<?, ?>) cells.get(0)).get("n"));
        assertEquals("[c]", ((Map<?, ?>) cells.get(0)).get("gistar"));
        assertEquals(12.0, ((Map<?, ?>) cells.get(1)).get("n"));
        assertEquals(List.of(), shared.get("topPlaces"));
        assertEquals(5, ((Map<?, ?>) shared.get("disclosure")).get("k"));
    }

    /**
     * A strategic table with group rows (read by {@link DisclosureRule#forTable} from {@code group_categories}):
     * <pre>
     *   category               this_period last_period difference group_categories
     *   Anti-social behaviour            3          10         -7
     *   Burglary                        20          25         -5
     *   Robbery                         12           9          3
     *   All crime                       32          34         -2 Burglary|Robbery
     *   Acquisitive crime               32          34         -2 Burglary|Robbery
     *   All                             35          44         -9
     * </pre>
     * Without the group equations, All − All crime = 35 − 32 gives ASB's 3 back; with them, the audit finds nothing.
     */
    @Test
    void groupRowsAddUpTheirCategoriesAndGiveNothingBack() {
        FeatureTable.Builder b = FeatureTable.builder("strategic-assessment", text("category"), integer("this_period"), integer("last_period"),
                integer("difference"), text("group_categories"));
        b.add(null, "Anti-social behaviour", 3, 10, -7, null);
        b.add(null, "Burglary", 20, 25, -5, null);
        b.add(null, "Robbery", 12, 9, 3, null);
        b.add(null, "All crime", 32, 34, -2, "Burglary|Robbery");
        b.add(null, "Acquisitive crime", 32, 34, -2, "Burglary|Robbery");
        b.add(null, "All", 35, 44, -9, null);
        FeatureTable t = b.build();
        DisclosureRule rule = DisclosureRule.forTable(t, 5);
        assertEquals(List.of(new DisclosureRule.SumRow("All crime", List.of("Burglary", "Robbery")),
                new DisclosureRule.SumRow("Acquisitive crime", List.of("Burglary", "Robbery"))), rule.sumRows());
        Disclosure.Result r = Disclosure.suppress(t, rule);
        assertEquals("<5", row(r.table(), 0).get(1));
        assertEquals(List.of(), SuppressionAudit.recovered(t, rule, r), "no suppressed cell pinned");
        long hiddenThisPeriod = java.util.stream.IntStream.range(0, 6).filter(i -> !(row(r.table(), i).get(1) instanceof Long)).count();
        assertTrue(hiddenThisPeriod >= 2, "ASB's 3 has a partner in its column: " + r.table().rows());
        // All − All crime = 35 − 32 would give ASB's 3 back: All and All crime are never both shown
        assertFalse(row(r.table(), 5).get(1) instanceof Long && row(r.table(), 3).get(1) instanceof Long, r.table().rows().toString());
    }
}
