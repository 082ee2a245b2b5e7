package org.wardheat.repeats;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.wardheat.model.Incident;

class RepeatAnalysesTest {
    private static long ids;

    static Incident rec(String date, double lon, double lat, String label, double weight) {
        int month = Integer.parseInt(date.substring(0, 4)) * 100 + Integer.parseInt(date.substring(5, 7));
        return new Incident(ids++, "needle-finds", month, date.length() == 10 ? date : null, null, "Needle find",
                null, lon, lat, label, null, null, weight, null);
    }

    @Test
    void labelsNormalise() {
        assertEquals("river steps lower", Labels.normalise("On or near  River Steps, (Lower)"));
        assertEquals("st mary s and st john", Labels.normalise("St Mary's & St John"));
        assertNull(Labels.normalise(" - "));
    }

    @Test
    void groupingByCoordinatesLabelAndDistance() {
        List<Incident> r = List.of(
                rec("2020-01-01", 0.5, 51.2, "River Steps", 1),
                rec("2020-01-02", 0.5, 51.2, "river steps", 1),
                rec("2020-01-03", 0.5001, 51.2, "On or near River Steps", 1),   // about 7 m east
                rec("2020-01-04", 0.51, 51.2, "Park", 1),                       // about 700 m east
                rec("2020-01-05", Double.NaN, Double.NaN, null, 1));            // nowhere: left out
        assertEquals(List.of(List.of(0, 1), List.of(2), List.of(3)),
                Places.group(r, Places.Rule.COORDINATES, 0, 0).stream().map(Places.Place::members).toList());
        assertEquals(List.of(List.of(0, 1, 2), List.of(3)),
                Places.group(r, Places.Rule.LABEL, 0, 0).stream().map(Places.Place::members).toList());
        List<List<Integer>> dbscan = Places.group(r, Places.Rule.DISTANCE, 20, 2).stream().map(Places.Place::members).toList();
        assertTrue(dbscan.contains(List.of(0, 1, 2)), dbscan.toString());
        assertTrue(dbscan.contains(List.of(3)), "alone: a place of its own");
        assertEquals(2, dbscan.size());
    }

    /**
     * DBSCAN's minimum points count the point itself. By hand, 20 m radius: two finds at one spot have 2
     * points each within 20 m, so with 2 they are cores and one place (before, counting only the others,
     * they stayed two places); three points 15 m apart in a row (ends 30 m apart): the middle has 3, the
     * ends 2, so with 3 the middle is a core and the ends join it, and with 4 there is no core: 3 places.
     */
    @Test
    void dbscanMinimumPointsCountThePointItself() {
        List<Incident> spot = List.of(rec("2020-01-01", 0.5, 51.2, null, 1), rec("2020-01-02", 0.5, 51.2, null, 1));
        assertEquals(List.of(List.of(0, 1)), Places.group(spot, Places.Rule.DISTANCE, 20, 2).stream().map(Places.Place::members).toList());
        assertEquals(2, Places.group(spot, Places.Rule.DISTANCE, 20, 3).size());
        double step = 15 / (111_320 * Math.cos(Math.toRadians(51.2))); // about 15 m of longitude at 51.2° N
        List<Incident> row = List.of(rec("2020-01-01", 0.5, 51.2, null, 1), rec("2020-01-02", 0.5 + step, 51.2, null, 1),
                rec("2020-01-03", 0.5 + 2 * step, 51.2, null, 1));
        assertEquals(List.of(List.of(0, 1, 2)), Places.group(row, Places.Rule.DISTANCE, 20, 3).stream().map(Places.Place::members).toList());
        assertEquals(3, Places.group(row, Places.Rule.DISTANCE, 20, 4).size());
        assertEquals(1, Places.group(spot, Places.Rule.DISTANCE, 20, 1).size());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Places.group(spot, Places.Rule.DISTANCE, 20, 0));
    }

    @Test
    void outliersAreRecordsOrPlaceMonthsFarAboveUsual() {
        List<Incident> r = new ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            r.add(rec(String.format("2020-%02d-01", m), 0.5, 51.2, "Steps", 2));
            r.add(rec(String.format("2020-%02d-02", m), 0.5, 51.2, "Steps", 2));
        }
        r.add(rec("2020-03-05", 0.6, 51.3, "Car park", 750));              // a bag: record outlier
        for (int k = 0; k < 12; k++) {
            r.add(rec("2020-07-09", 0.5, 51.2, "Steps", 2));              // a bad month at the steps: 28 against a usual 4
        }
        String[] flags = Outliers.flag(r, Places.group(r, Places.Rule.LABEL, 0, 0), Outliers.Rules.DEFAULT);
        assertTrue(flags[12].startsWith("record of 750 against a median record of 2"), flags[12]);
        assertTrue(flags[13].startsWith("place-month of 24 against the place's median month of 4"), flags[13]);
        assertNull(flags[0]);
        assertEquals(12, Outliers.without(r, flags).size());
    }

    /**
     * Two finds of 2 needles at the steps every month, January to June, and in April also a sealed bag of
     * 600 there. By hand: the median record is 2, so the bag (600 >= 10 x 2 and >= 20) is a record outlier.
     * Without it April's total at the steps is 4, the place's usual month: April's two ordinary finds are
     * not outliers (before, April's total of 604 flagged them too, and April without outliers showed 0).
     */
    @Test
    void aRecordOutlierDoesNotMakeItsPlaceMonthAnOutlier() {
        List<Incident> r = new ArrayList<>();
        for (int m = 1; m <= 6; m++) {
            r.add(rec(String.format("2020-%02d-01", m), 0.5, 51.2, "Steps", 2));
            r.add(rec(String.format("2020-%02d-02", m), 0.5, 51.2, "Steps", 2));
        }
        r.add(rec("2020-04-20", 0.5, 51.2, "Steps", 600));
        String[] flags = Outliers.flag(r, Places.group(r, Places.Rule.LABEL, 0, 0), Outliers.Rules.DEFAULT);
        assertEquals("record of 600 against a median record of 2", flags[12]);
        assertNull(flags[6], "April 1st: an ordinary find");
        assertNull(flags[7], "April 2nd: an ordinary find");
        List<Incident> kept = Outliers.without(r, flags);
        assertEquals(12, kept.size());
        assertEquals(2, kept.stream().filter(x -> x.month() == 202004).count(), "April keeps its 2 finds");
    }

    @Test
    void monthlyTableFromDecemberToNovember() {
        List<Incident> r = List.of(rec("2018-12-03", 0, 0, "a", 5), rec("2019-11-30", 0, 0, "a", 2),
                rec("2019-12-01", 0, 0, "a", 1), rec("2020-01", 0, 0, "a", 4));
        MonthlyTable.Table t = MonthlyTable.build(r, 12, "count");
        assertEquals(List.of("Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"), t.monthNames());
        assertEquals(List.of("Dec-18 to Nov-19", "Dec-19 to Nov-20"), t.rows().stream().map(MonthlyTable.Row::label).toList());
        assertArrayEquals(new double[]{5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2}, t.rows().get(0).months());
        assertEquals(7, t.rows().get(0).total());
        assertEquals(5, t.rows().get(1).total());
        assertEquals(2, MonthlyTable.build(r, 12, "records").rows().get(1).total(), "records counts finds");
        assertEquals("2019", MonthlyTable.build(r, 1, "count").rows().get(1).label());
    }

    private static Incident stay(long id, String start, String end, String label) {
        int month = Integer.parseInt(start.substring(0, 4)) * 100 + Integer.parseInt(start.substring(5, 7));
        return new Incident(id, "encampments", month, start, end, "Unauthorised encampment", null, 0.5, 51.2, label, null, null, 1, null);
    }

    /**
     * By hand, as of 1 March 2024: 3rd-5th May = 3 days; 10th June, same day = 1; open from 29 December 2023
     * = 3 days in 2023 (29-31 Dec) + 31 (Jan) + 29 (Feb, leap year) + 1 (1 Mar) = 61 in 2024, a 64-day stay.
     * 2023: 3 arrivals at 2 places, 3 + 1 + 3 = 7 days, average (3 + 1 + 64) / 3 whole stays. 2024: no arrival,
     * 61 days carried over. (Before, the open stay's days after 31 December were lost and the average was 7/3.)
     */
    @Test
    void encampmentDaysCountBothEndsAndOpenOnesAreSplitAtTheYearEnd() {
        Incident a = stay(1, "2023-05-03", "2023-05-05", "Rec ground");
        Incident b = stay(2, "2023-06-10", "2023-06-10", "rec ground");
        Incident open = stay(3, "2023-12-29", null, "Lay-by");
        List<Encampments.Year> years = Encampments.summarise(List.of(a, b, open), 1, LocalDate.of(2024, 3, 1), END_2024);
        assertEquals(2, years.size());
        Encampments.Year y = years.get(0);
        assertEquals("2023", y.label());
        assertEquals(3, y.encampments());
        assertEquals(2, y.locations(), "Rec ground and rec ground are one place");
        assertEquals(List.of(3L, 1L, 64L), y.stays().stream().map(Encampments.Stay::days).toList(), "3rd-5th = 3; same day = 1; open 29 Dec - 1 Mar = 64");
        assertEquals(7, y.totalDays());
        assertEquals(68 / 3.0, y.averageDays(), 1e-12);
        assertEquals(1, y.open());
        Encampments.Year next = years.get(1);
        assertEquals("2024", next.label());
        assertEquals(0, next.encampments());
        assertEquals(61, next.totalDays());
        assertEquals(0, next.averageDays());
        assertEquals(2, Encampments.summarise(List.of(open), 1, LocalDate.of(2023, 12, 30), END_2024).get(0).totalDays(), "as of the 30th");
        // a period ending in December 2023 counts the days up to its end only; the stays stay whole
        List<Encampments.Year> to2023 = Encampments.summarise(List.of(a, b, open), 1, LocalDate.of(2024, 3, 1), LocalDate.of(2023, 12, 31));
        assertEquals(List.of("2023"), to2023.stream().map(Encampments.Year::label).toList());
        assertEquals(7, to2023.get(0).totalDays());
        assertEquals(68 / 3.0, to2023.get(0).averageDays(), 1e-12);
    }

    private static final LocalDate END_2024 = LocalDate.of(2024, 12, 31);

    /** A closed stay from 30 December to 2 January: 2 days in each year, 4 in all (before: all 4 in the arrival year). */
    @Test
    void aClosedStayAcrossTheYearEndIsSplitAsAnOpenOne() {
        List<Encampments.Year> years = Encampments.summarise(List.of(stay(1, "2022-12-30", "2023-01-02", "Lay-by")), 1, LocalDate.of(2024, 1, 1), END_2024);
        assertEquals(List.of("2022", "2023"), years.stream().map(Encampments.Year::label).toList());
        assertEquals(List.of(2L, 2L), years.stream().map(Encampments.Year::totalDays).toList());
        assertEquals(4, years.get(0).stays().get(0).days());
        assertEquals(1, years.get(0).encampments());
        assertEquals(0, years.get(1).encampments());
        // the same stay, still open as of 2 January, gives the same days
        List<Encampments.Year> open = Encampments.summarise(List.of(stay(1, "2022-12-30", null, "Lay-by")), 1, LocalDate.of(2023, 1, 2), END_2024);
        assertEquals(List.of(2L, 2L), open.stream().map(Encampments.Year::totalDays).toList());
        // Dec-to-Nov years: 30 Dec to 2 Jan lies within the year from December 2022
        List<Encampments.Year> decNov = Encampments.summarise(List.of(stay(1, "2022-12-30", "2023-01-02", "Lay-by")), 12, LocalDate.of(2024, 1, 1), END_2024);
        assertEquals(1, decNov.size());
        assertEquals(4, decNov.get(0).totalDays());
    }

    /** An open encampment arriving after --as-of has not begun by then: 0 days, still an encampment (was 1 day). */
    @Test
    void anOpenEncampmentArrivingAfterAsOfCountsNoDays() {
        List<Encampments.Year> years = Encampments.summarise(List.of(stay(1, "2023-05-03", "2023-05-05", "Rec ground"),
                stay(2, "2023-06-10", null, "Lay-by")), 1, LocalDate.of(2023, 6, 1), END_2024);
        assertEquals(1, years.size());
        assertEquals(2, years.get(0).encampments());
        assertEquals(List.of(3L, 0L), years.get(0).stays().stream().map(Encampments.Stay::days).toList());
        assertEquals(3, years.get(0).totalDays());
        assertEquals(1.5, years.get(0).averageDays(), 1e-12);
        assertEquals(1, years.get(0).open());
    }
}
