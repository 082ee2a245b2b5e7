package org.wardheat.analysis;

import org.junit.jupiter.api.Test;
import org.wardheat.boundaries.GeoJsonGeometry;
import org.wardheat.boundaries.Ward;
import org.wardheat.boundaries.WardIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.wardheat.model.IncidentTable;
import org.wardheat.model.Period;

/** Ward statistics on a case small enough to check by hand (the expected values are worked out in comments). */
class WardStatisticsTest {
    private static final List<Ward> WARDS = List.of(ward("A", "Alpha"), ward("B", "Beta"), ward("C", "Gamma"));
    private static final Map<String, Double> POPULATION = Map.of("A", 2000.0, "B", 500.0); // C has none

    private static Ward ward(String code, String name) {
        return new Ward(code, name, null, GeoJsonGeometry.FACTORY.createPoint());
    }

    private final IncidentTable.Builder table = new IncidentTable.Builder();
    private final List<Integer> wardOf = new ArrayList<>();

    private void add(int times, int month, String category, int ward, boolean located) {
        for (int i = 0; i < times; i++) {
            table.add(month, category, "police-uk", located ? 0.5 : Double.NaN, located ? 51.2 : Double.NaN, 1);
            wardOf.add(ward);
        }
    }

    private WardStatistics.Result compute(Set<String> categories) {
        // A: 3 + 1 now, 2 before; B: 4 now, 0 before; C: 1 now, 3 before
        add(3, 202203, "Burglary", 0, true);
        add(1, 202204, "Burglary", 0, true);
        add(2, 202201, "Burglary", 0, true);
        add(5, 202112, "Burglary", 0, true); // in neither period
        add(4, 202204, "Anti-social behaviour", 1, true);
        add(1, 202203, "Anti-social behaviour", 2, true);
        add(3, 202202, "Anti-social behaviour", 2, true);
        add(1, 202203, "Burglary", WardIndex.OUTSIDE, true);
        add(2, 202204, "Burglary", WardIndex.OUTSIDE, false);
        Period now = Period.of("2022-03", "2022-04");
        return WardStatistics.compute(new WardStatistics.Query(categories, Set.of(), now, now.previous(), 2), WARDS,
                POPULATION, table.build(), wardOf.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void countsRatesSharesRanksAndChange() {
        WardStatistics.Result r = compute(Set.of());
        assertEquals(List.of("A", "B", "C"), r.wards().stream().map(WardStatistics.WardRow::code).toList(),
                "ranked by count, ties by code");
        WardStatistics.WardRow a = r.ward("A"), b = r.ward("B"), c = r.ward("C");
        // p-values: R poisson.test(c(4, 2), c(2, 2)) 0.6875; c(4, 0): 0.125; totals c(9, 5): 0.4239502
        // A's rate interval: qchisq(0.025, 8) / 2 and qchisq(0.975, 10) / 2 per 2,000 residents × 1,000
        assertEquals(new WardStatistics.WardRow("A", "Alpha", 4, 2000.0, 2.0, 4 / 9.0, 1, 2, 2L, 100.0, a.changeP(), false,
                "up 100%, not significant (p = 0.68)", 2.0, a.rateCiLow(), a.rateCiHigh()), a);
        assertEquals(0.6875, a.changeP(), 1e-12);
        assertEquals(0.5449326868131624, a.rateCiLow(), 1e-12);
        assertEquals(5.120794337701847, a.rateCiHigh(), 1e-12);
        assertEquals(new WardStatistics.WardRow("B", "Beta", 4, 500.0, 8.0, 4 / 9.0, 1, 0, 4L, null, b.changeP(), false,
                        "up from none, not significant (p = 0.12)", 8.0, b.rateCiLow(), b.rateCiHigh()), b,
                "tied with A for rank 1; % change is null, not Infinity, when the previous count is 0");
        assertEquals(3, c.rank(), "competition ranking: 1, 1, 3");
        assertNull(c.ratePer1000(), "no population, no rate");
        assertEquals(-200.0 / 3, c.changePct(), 1e-12);
        assertEquals(new WardStatistics.Totals(9, 5, 4L, 80.0, null, null, 2, 1, r.totals().changeP(), false,
                        "up 80%, not significant (p = 0.42)", null, null, null), r.totals(),
                "no total rate while a ward lacks a population");
        assertEquals(0.125, b.changeP(), 1e-12);
        assertEquals(0.4239501953125, r.totals().changeP(), 1e-12);
        assertTrue(r.coverage().comparable(), "every month of both periods holds data");
        assertEquals("records", r.measure());
        assertEquals(8, r.top().count());
        assertEquals("These 2 wards account for 89% of all incidents (8 of 9) in 2022-03 to 2022-04.", r.top().sentence());
        assertEquals(List.of("2022-01", "2022-02", "2022-03", "2022-04"), r.months());
        assertArrayEquals(new long[]{2, 0, 3, 1}, r.seriesOf("A").counts());
        assertArrayEquals(new long[]{0, 3, 1, 0}, r.seriesOf("C").counts());
    }

    @Test
    void categoryFilterAndUnknownCategories() {
        WardStatistics.Result r = compute(Set.of("burglary"));
        assertEquals(List.of(4L, 0L, 0L), r.wards().stream().map(WardStatistics.WardRow::count).toList());
        assertEquals(List.of(1, 2, 2), r.wards().stream().map(WardStatistics.WardRow::rank).toList());
        assertEquals(0.0, r.ward("B").share());
        assertEquals("These 2 wards account for 100% of burglary (4 of 4) in 2022-03 to 2022-04.", r.top().sentence());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> compute(Set.of("Arson")));
        assertEquals("unknown category 'Arson'; known: [Burglary, Anti-social behaviour]", e.getMessage());
    }

    @Test
    void periods() {
        Period p = Period.of("2022-01", "2022-12");
        assertEquals(12, p.length());
        assertEquals(Period.of("2021-01", "2021-12"), p.previous());
        assertEquals(Period.of("2021-11", "2021-12"), Period.of("2022-01", "2022-02").previous());
        assertEquals("2021-01:2021-12", WardStatistics.Query.of(null, null, "2022-01", "2022-12", null, null).comparison().toString());
        assertEquals("2021-03:2021-03", WardStatistics.Query.of(null, null, "2022-03", "2022-03", "year-ago", null).comparison().toString());
        assertEquals("2020-01:2020-06", WardStatistics.Query.of(null, null, "2022-03", "2022-03", "2020-01:2020-06", null).comparison().toString());
        assertEquals("period ends (2022-01) before it starts (2022-02)",
                assertThrows(IllegalArgumentException.class, () -> Period.of("2022-02", "2022-01")).getMessage());
        assertEquals("--from: '2022-1' is not a month (YYYY-MM)",
                assertThrows(IllegalArgumentException.class, () -> Period.of("2022-1", "2022-01")).getMessage());
    }
}
