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

    @Test
    void encampmentDaysCountBothEndsAndOpenOnesStopAtTheYearEnd() {
        Incident a = new Incident(1, "encampments", 202305, "2023-05-03", "2023-05-05", "Unauthorised encampment", null, 0.5, 51.2, "Rec ground", null, null, 1, null);
        Incident b = new Incident(2, "encampments", 202306, "2023-06-10", "2023-06-10", "Unauthorised encampment", null, 0.5, 51.2, "rec ground", null, null, 1, null);
        Incident open = new Incident(3, "encampments", 202312, "2023-12-29", null, "Unauthorised encampment", null, 0.6, 51.3, "Lay-by", null, null, 1, null);
        List<Encampments.Year> years = Encampments.summarise(List.of(a, b, open), 1, LocalDate.of(2024, 3, 1));
        Encampments.Year y = years.get(0);
        assertEquals("2023", y.label());
        assertEquals(3, y.encampments());
        assertEquals(2, y.locations(), "Rec ground and rec ground are one place");
        assertEquals(List.of(3L, 1L, 3L), y.stays().stream().map(Encampments.Stay::days).toList(), "3rd-5th = 3; same day = 1; open 29th-31st = 3");
        assertEquals(7, y.totalDays());
        assertEquals(7 / 3.0, y.averageDays(), 1e-12);
        assertEquals(1, y.open());
        assertEquals(2, Encampments.summarise(List.of(open), 1, LocalDate.of(2023, 12, 30)).get(0).totalDays(), "as of the 30th");
    }
}
