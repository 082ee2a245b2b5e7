package org.wardheat.repeats;

import org.junit.jupiter.api.Test;
import org.wardheat.model.Incident;
import org.wardheat.model.Period;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Year-on-year change and rolling 12-month totals, checked by hand. */
class TrendsTest {
    /** counts[k] incidents in the k-th month from {@code first}. */
    static List<Incident> records(YearMonth first, int... counts) {
        List<Incident> out = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            YearMonth m = first.plusMonths(k);
            for (int i = 0; i < counts[k]; i++) {
                out.add(new Incident(m.getYear() * 100 + m.getMonthValue(), null, null, "Burglary", null, 0.5, 51.2, null, null, null, 1, null));
            }
        }
        return out;
    }

    static Set<YearMonth> months(String from, String to) {
        return new HashSet<>(Period.of(from, to).months());
    }

    @Test
    void annualTotalsAndYearOnYearChange() {
        // 2021: 1 a month = 12; 2022: 2 a month = 24; 2023: Jan–Jun 3 a month = 18 (half a year in the period)
        int[] c = new int[30];
        for (int k = 0; k < 30; k++) {
            c[k] = k < 12 ? 1 : k < 24 ? 2 : 3;
        }
        MonthlyTable.Table t = MonthlyTable.build(records(YearMonth.of(2021, 1), c), 1, "records");
        Period p = Period.of("2021-01", "2023-06");
        List<Trends.Year> y = Trends.annual(t, p, months("2021-01", "2023-06"));
        assertEquals(List.of("2021", "2022", "2023"), y.stream().map(Trends.Year::label).toList());
        assertEquals(List.of(12.0, 24.0, 18.0), y.stream().map(Trends.Year::total).toList());
        assertEquals(List.of(12, 12, 6), y.stream().map(Trends.Year::monthsInPeriod).toList());
        assertNull(y.get(0).change(), "the first year has nothing to compare with");
        assertEquals(12.0, y.get(1).change());
        assertEquals(100.0, y.get(1).changePct());
        assertNull(y.get(2).change(), "2023 has 6 months in the period: withheld");
    }

    @Test
    void yearsStartingInAprilAndMonthsWithoutData() {
        // Apr-21..Mar-22 = 10 a month (120); Apr-22..Mar-23 = 9 a month (108): −12, −10%
        int[] c = new int[24];
        for (int k = 0; k < 24; k++) {
            c[k] = k < 12 ? 10 : 9;
        }
        MonthlyTable.Table t = MonthlyTable.build(records(YearMonth.of(2021, 4), c), 4, "records");
        Period p = Period.of("2021-04", "2023-03");
        List<Trends.Year> y = Trends.annual(t, p, months("2021-04", "2023-03"));
        assertEquals(List.of("Apr-21 to Mar-22", "Apr-22 to Mar-23"), y.stream().map(Trends.Year::label).toList());
        assertEquals(-12.0, y.get(1).change());
        assertEquals(-10.0, y.get(1).changePct(), 1e-12);
        // the store holds no data for Feb-22: the first year has 11 months with data, and no change is given
        Set<YearMonth> gap = months("2021-04", "2023-03");
        gap.remove(YearMonth.of(2022, 2));
        List<Trends.Year> withGap = Trends.annual(t, p, gap);
        assertEquals(110.0, withGap.get(0).total());
        assertEquals(11, withGap.get(0).monthsInPeriod());
        assertNull(withGap.get(1).change());
    }

    @Test
    void rollingTwelveMonthTotals() {
        // months 1..15 hold 1, 2, ..., 15 incidents; the rolling total ending in month m (m ≥ 12) is the sum of m-11..m
        int[] c = new int[15];
        for (int k = 0; k < 15; k++) {
            c[k] = k + 1;
        }
        MonthlyTable.Table t = MonthlyTable.build(records(YearMonth.of(2022, 1), c), 1, "records");
        Period p = Period.of("2022-01", "2023-04"); // 16 months; April 2023 has data but no records
        List<Trends.Month> r = Trends.rolling(t, p, months("2022-01", "2023-04"));
        assertEquals(16, r.size());
        assertNull(r.get(10).rolling12());
        assertEquals(78.0, r.get(11).rolling12(), "1 + … + 12");
        assertEquals(90.0, r.get(12).rolling12(), "2 + … + 13");
        assertEquals(114.0, r.get(14).rolling12(), "4 + … + 15");
        assertEquals(0.0, r.get(15).value(), "a month with data but no records is 0");
        assertEquals(110.0, r.get(15).rolling12(), "5 + … + 15 + 0");
        Set<YearMonth> gap = months("2022-01", "2023-04");
        gap.remove(YearMonth.of(2022, 3));
        List<Trends.Month> g = Trends.rolling(t, p, gap);
        assertNull(g.get(2).value(), "March 2022 not imported");
        assertNull(g.get(13).rolling12(), "Mar-22 is in the 12 months to Feb-23");
        assertEquals(114.0, g.get(14).rolling12(), "the 12 months to Mar-23 start in Apr-22");
    }
}
