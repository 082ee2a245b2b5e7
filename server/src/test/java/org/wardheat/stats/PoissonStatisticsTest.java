package org.wardheat.stats;

import org.junit.jupiter.api.Test;
import org.wardheat.hotspot.Reference;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against src/test/resources/reference/poisson_*_reference.csv (SciPy, poisson_reference.py; every row
 * recomputed with R 4.2.2's poisson.test by poisson_reference_check.R, largest relative difference 3.9e-13).
 */
class PoissonStatisticsTest {
    /** Equal to a relative 1e-9; two values below 1e-300 are both underflow (R gives 4.9e-324 where SciPy gives 0). */
    static void assertClose(double expected, double actual, String what) {
        if (expected < 1e-300 && actual < 1e-300 && actual >= 0) {
            return;
        }
        assertTrue(Math.abs(expected - actual) <= 1e-9 * Math.abs(expected), what + ": expected " + expected + ", got " + actual);
    }

    @Test
    void twoSampleTestEqualsScipyAndR() throws Exception {
        List<String[]> rows = Reference.rows("poisson_test_reference.csv");
        assertEquals(28, rows.size());
        for (String[] r : rows) {
            long x1 = Long.parseLong(r[0]), x2 = Long.parseLong(r[2]);
            double t1 = Double.parseDouble(r[1]), t2 = Double.parseDouble(r[3]);
            PoissonRateTest.Comparison c = PoissonRateTest.compare(x1, t1, x2, t2);
            String what = "poisson.test(c(" + x1 + ", " + x2 + "), c(" + t1 + ", " + t2 + "))";
            assertClose(Double.parseDouble(r[5]), c.pValue(), what + " p-value");
            if (r[4].isEmpty()) {
                assertNull(c.rateRatio(), what);
            } else {
                assertClose(Double.parseDouble(r[4]), c.rateRatio(), what + " rate ratio");
            }
        }
    }

    @Test
    void knownROutputs() {
        // R: poisson.test(c(11, 6+8+7), c(800, 1083+1050+878)) p-value = 0.07967, the example in ?poisson.test
        assertEquals(0.07967, PoissonRateTest.compare(11, 800, 21, 3011).pValue(), 5e-6);
        // R: poisson.test(137, 24.19893) 95 percent confidence interval 4.753125 6.692709
        PoissonInterval.Interval i = PoissonInterval.forRate(137, 24.19893, 1, 0.95);
        assertEquals(4.753125, i.low(), 5e-7);
        assertEquals(6.692709, i.high(), 5e-7);
    }

    @Test
    void byHandSmallCases() {
        // 0 against 5 over equal exposures: X1 | 5 ~ Bin(5, 1/2); P(0) = 1/32, equally likely P(5): p = 2/32
        assertEquals(0.0625, PoissonRateTest.compare(0, 12, 5, 12).pValue(), 1e-15);
        // 1 against 12: X1 | 13 ~ Bin(13, 1/2); P(X<=1) = (1 + 13)/8192 = P(X>=12) (P(X=2) = 78/8192 is more likely)
        assertEquals(28.0 / 8192, PoissonRateTest.compare(1, 1, 12, 1).pValue(), 1e-15);
        // x1 at its expectation: 2 of 6 with p = 1/3
        assertEquals(1, PoissonRateTest.compare(2, 1, 4, 2).pValue());
        PoissonRateTest.Comparison none = PoissonRateTest.compare(0, 12, 0, 12);
        assertEquals(1, none.pValue(), "no incidents in either period: nothing to reject");
        assertNull(none.rateRatio());
        assertEquals(0.0, PoissonRateTest.compare(0, 12, 3, 12).rateRatio());
        assertEquals(50.0, PoissonRateTest.compare(30, 12, 10, 6).percentChange(), 1e-12, "rates 2.5 against 1.667 a month");
        // Garwood for x = 0: [0, -ln(0.025)] since the upper limit solves P(X = 0) = e^-mu = 0.025
        PoissonInterval.Interval zero = PoissonInterval.forCount(0, 0.95);
        assertEquals(0, zero.low());
        assertEquals(-Math.log(0.025), zero.high(), 1e-13);
        // x = 1: the lower limit solves P(X >= 1) = 1 - e^-mu = 0.025
        assertEquals(-Math.log(0.975), PoissonInterval.forCount(1, 0.95).low(), 1e-14);
    }

    @Test
    void intervalsEqualScipyAndR() throws Exception {
        List<String[]> rows = Reference.rows("poisson_ci_reference.csv");
        assertEquals(19, rows.size());
        for (String[] r : rows) {
            long x = Long.parseLong(r[0]);
            double population = Double.parseDouble(r[1]), per = Double.parseDouble(r[2]), confidence = Double.parseDouble(r[3]);
            PoissonInterval.Interval i = PoissonInterval.forRate(x, population, per, confidence);
            String what = x + " per " + per + " of " + population + " at " + confidence;
            if (Double.parseDouble(r[4]) == 0) {
                assertEquals(0, i.low(), what);
            } else {
                assertClose(Double.parseDouble(r[4]), i.low(), what + " low");
            }
            assertClose(Double.parseDouble(r[5]), i.high(), what + " high");
        }
    }

    /** p-values as SciPy's binomtest gives them: 880 v 1000 0.006045, 40 v 20 0.01349, 5 v 0 0.0625, 0 v 1 1. */
    @Test
    void readings() {
        assertEquals("up 32%, not significant (p = 0.35)", ChangeReading.of(PoissonRateTest.compare(33, 12, 25, 12), 0.05),
                "p = 0.3581 is cut, not rounded, to two figures");
        assertEquals("down 12%, significant (p = 0.006)", ChangeReading.of(PoissonRateTest.compare(880, 12, 1000, 12), 0.05));
        assertEquals("up 500%, significant (p < 0.001)", ChangeReading.of(PoissonRateTest.compare(60, 1, 10, 1), 0.05));
        assertEquals("up 100%, significant (p = 0.013)", ChangeReading.of(PoissonRateTest.compare(40, 12, 20, 12), 0.05));
        assertEquals("up from none, not significant (p = 0.062)", ChangeReading.of(PoissonRateTest.compare(5, 12, 0, 12), 0.05));
        assertEquals("down 100%, not significant (p = 1)", ChangeReading.of(PoissonRateTest.compare(0, 12, 1, 12), 0.05));
        assertEquals("no change, not significant (p = 1)", ChangeReading.of(PoissonRateTest.compare(7, 12, 7, 12), 0.05));
        assertEquals("none in either period", ChangeReading.of(PoissonRateTest.compare(0, 12, 0, 12), 0.05));
        assertEquals("p = 0.049", ChangeReading.pText(0.04999), "never shown as 0.05 while below 0.05");
        assertEquals("p = 0.87", ChangeReading.pText(0.876), "cut, as everywhere");
        assertEquals("p = 0.99", ChangeReading.pText(0.999));
        assertEquals("p = 1", ChangeReading.pText(0.99999999), "1 less a rounding error reads as the p column shows it");
        assertEquals("p = 1", ChangeReading.pText(1.0000001));
        assertEquals("p = 0.0041", ChangeReading.pText(0.0041));
        assertEquals("p = 0.004", ChangeReading.pText(0.004));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PoissonRateTest.compare(-1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> PoissonRateTest.compare(1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> PoissonRateTest.compare(1, 1, 1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> PoissonInterval.forCount(3, 1));
        assertThrows(IllegalArgumentException.class, () -> PoissonInterval.forRate(3, 0, 1000, 0.95));
        assertThrows(IllegalArgumentException.class, () -> ChangeReading.of(PoissonRateTest.compare(1, 1, 1, 1), 0));
    }
}
