package org.wardheat.query;

import org.junit.jupiter.api.Test;
import org.wardheat.model.Period;

import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValuesTest {
    static InvalidParameterException refused(Runnable r) {
        return assertThrows(InvalidParameterException.class, r::run);
    }

    @Test
    void listItemsAreParsedOneByOneNamingTheParameter() {
        assertArrayEquals(new double[]{200, 400.5}, Values.increasing("bands", " 200, 400.5", Limits.BAND_METRES, Limits.MAX_SPATIAL_BANDS));
        InvalidParameterException e = refused(() -> Values.increasing("bands", "200,abc", Limits.BAND_METRES, Limits.MAX_SPATIAL_BANDS));
        assertEquals("bands", e.parameter());
        assertEquals("bands: 'abc' is not a number of metres; expected 1 to 20 increasing limits in metres above 0 and at most 5000,"
                + " separated by commas (e.g. 200,400,600)", e.getMessage());
        assertEquals("--bands", e.option());
        assertEquals("bands: 400 does not follow 600; expected 1 to 20 increasing limits in metres above 0 and at most 5000,"
                + " separated by commas (e.g. 200,400,600)", refused(() -> Values.increasing("bands", "600,400", Limits.BAND_METRES, 20)).getMessage());
        refused(() -> Values.increasing("bands", "200,9000", Limits.BAND_METRES, 20));
        refused(() -> Values.increasing("bands", "0", Limits.BAND_METRES, 20));
        refused(() -> Values.increasing("bands", "", Limits.BAND_METRES, 20));
        refused(() -> Values.increasing("bands", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21", Limits.BAND_METRES, 20));
        refused(() -> Values.increasing("bands", "200,,400", Limits.BAND_METRES, 20));
    }

    @Test
    void numbersArePlainDecimalsInTheirRange() {
        assertEquals(12.5, Values.number("cell", "12.5", Limits.CELL_METRES));
        for (String bad : List.of("0x1p-1", "0.52d", "1e3", "NaN", "Infinity", "", " ", "1,5", "--1")) {
            assertEquals("cell", refused(() -> Values.number("cell", bad, Limits.CELL_METRES)).parameter(), bad);
        }
        assertEquals("neighbour_distance: -1 is out of range; expected metres above 0 and at most 50000",
                refused(() -> Values.number("neighbour_distance", "-1", Limits.NEIGHBOUR_METRES)).getMessage());
        assertEquals("simulations: 10000 is out of range; expected a whole number from 1 to 9999",
                refused(() -> Values.integer("simulations", "10000", Limits.SIMULATIONS)).getMessage());
        assertEquals("simulations: '2147483648999999999999' is not a whole number; expected a whole number from 1 to 9999",
                refused(() -> Values.integer("simulations", "2147483648999999999999", Limits.SIMULATIONS)).getMessage());
        refused(() -> Values.integer("top", "1.5", Limits.TOP_PLACES));
    }

    @Test
    void wordsMonthsPeriodsAndDates() {
        assertEquals(RepeatsQuery.By.COUNT, Values.choice("by", "Count", RepeatsQuery.By.words()));
        assertEquals("by: 'weight' is not allowed; expected records, count",
                refused(() -> Values.choice("by", "weight", RepeatsQuery.By.words())).getMessage());
        assertEquals("from: '2022-13' is not a month; expected YYYY-MM, e.g. 2024-01", refused(() -> Values.month("from", "2022-13")).getMessage());
        refused(() -> Values.month("from", "2022-+1"));
        refused(() -> Values.month("from", "+999999-01"));
        refused(() -> Values.month("from", "1989-12"));
        assertEquals("to: 2022-01 is before from (2022-03); expected a month from 2022-03",
                refused(() -> Values.period("from", "2022-03", "to", "2022-01")).getMessage());
        assertEquals(List.of(Period.parse("2022-01:2022-06"), Period.parse("2022-07:2022-12")),
                Values.periods("periods", "2022-01:2022-06, 2022-07:2022-12"));
        assertEquals("periods", refused(() -> Values.periods("periods", "2022-01:2022-06,2022")).parameter());
        assertEquals(Period.parse("2021-01:2021-06"), Values.comparison("compare", "year-ago", Period.parse("2022-01:2022-06")));
        assertEquals(Period.parse("2021-07:2021-12"), Values.comparison("compare", null, Period.parse("2022-01:2022-06")));
        assertEquals("compare", refused(() -> Values.comparison("compare", "last", Period.parse("2022-01:2022-06"))).parameter());
        assertEquals("as_of", refused(() -> Values.date("as_of", "2024-02-30")).parameter());
        assertEquals("flag", refused(() -> Values.flag("flag", "maybe")).parameter());
    }

    @Test
    void periodsStayNearTheDataAndAtMostTwentyYears() {
        DataMonths data = new DataMonths(YearMonth.of(2020, 1), YearMonth.of(2022, 12));
        data.check("from", "to", Period.parse("2018-01:2024-12"));
        assertEquals("from: 2017-12 is out of range; expected months from 2018-01 to 2024-12 (the data covers 2020-01 to 2022-12,"
                + " with 24 months either side)", refused(() -> data.check("from", "to", Period.parse("2017-12:2020-01"))).getMessage());
        assertEquals("to", refused(() -> data.check("from", "to", Period.parse("2020-01:2999-12"))).parameter());
        DataMonths wide = new DataMonths(YearMonth.of(1990, 1), YearMonth.of(2024, 12));
        assertEquals("to: the period 1990-01:2010-12 is 252 months long; expected at most 20 years",
                refused(() -> wide.check("from", "to", Period.parse("1990-01:2010-12"))).getMessage());
        assertEquals(YearMonth.of(1990, 1), DataMonths.NONE.earliestAllowed());
    }

    @Test
    void theCrsMustBeProjectedInMetres() {
        assertEquals("EPSG:27700", Values.projectedCrs("crs", "EPSG:27700"));
        assertEquals("EPSG:32630", Values.projectedCrs("crs", "EPSG:32630"));
        InvalidParameterException e = refused(() -> Values.projectedCrs("crs", "EPSG:4326"));
        assertEquals("crs: EPSG:4326 (WGS 84) is not projected; the CRS must be projected in metres, such as EPSG:27700", e.getMessage());
        assertEquals("crs", refused(() -> Values.projectedCrs("crs", "EPSG:2229")).parameter(), "California zone 5, US feet");
        assertEquals("crs", refused(() -> Values.projectedCrs("crs", "EPSG:999999")).parameter());
        assertEquals("crs", refused(() -> Values.projectedCrs("crs", "not a crs")).parameter());
    }

    @Test
    void aDrawnAreaIsBoundedBeforeAnyGeometryWork() {
        StringBuilder ring = new StringBuilder("[[0.5,51.2]");
        for (int i = 1; i <= Limits.MAX_POLYGON_VERTICES + 1; i++) {
            double a = 2 * Math.PI * i / (Limits.MAX_POLYGON_VERTICES + 1);
            ring.append(",[").append(0.5 + 0.01 * Math.cos(a)).append(',').append(51.2 + 0.01 * Math.sin(a)).append(']');
        }
        String big = "{\"type\":\"Polygon\",\"coordinates\":[" + ring.append(",[0.5,51.2]]") + "]}";
        assertEquals("area", refused(() -> Values.area("area", big)).parameter());
        assertEquals("area", refused(() -> Values.area("area", "{\"type\":\"Point\",\"coordinates\":[0.5,51.2]}")).parameter());
        assertEquals("area", refused(() -> Values.area("area", "{nope")).parameter());
        assertEquals("area", refused(() -> Values.area("area", "{\"type\":\"Polygon\",\"coordinates\":[[[100,10],[101,10],[101,11],[100,10]]]}")).parameter());
        assertEquals(4, Values.area("area", "{\"type\":\"Polygon\",\"coordinates\":[[[0.5,51.2],[0.51,51.2],[0.51,51.21],[0.5,51.2]]]}").getNumPoints());
    }
}
