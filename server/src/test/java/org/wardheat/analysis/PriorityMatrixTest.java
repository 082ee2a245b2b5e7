package org.wardheat.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The priority score on a small case worked by hand. */
class PriorityMatrixTest {
    static final PriorityMatrix.Weights ONES = new PriorityMatrix.Weights(1, 1, 1, 1, 1);

    /*
     * Two categories over 10 wards, k = 5 (even spread 0.5), 12 months against 12 months:
     *   A: 100 now, 50 before (exact Poisson test p ≈ 3e-5: a significant rise), rate 10 per 1,000, top-5 share 0.9, harm 2
     *   B:  50 now, 50 before (p = 1),                                            rate  5 per 1,000, top-5 share 0.5, harm 8
     * components A: volume 1, rate 1, change 1, concentration (0.9 − 0.5) / 0.5 = 0.8, harm 2/8 = 0.25 → 100 × 4.05 / 5 = 81
     *            B: volume 0.5, rate 0.5, change 0, concentration 0, harm 1                           → 100 × 2 / 5 = 40
     */
    static final List<PriorityMatrix.Input> TWO = List.of(
            new PriorityMatrix.Input("B", "category", 50, 50, 5.0, 0.5, 0.5, 8.0),
            new PriorityMatrix.Input("A", "category", 100, 50, 10.0, 0.9, 0.5, 2.0));

    @Test
    void componentsAndScoreByHand() {
        List<PriorityMatrix.Row> rows = PriorityMatrix.rank(TWO, ONES, 0.05, 12, 12);
        PriorityMatrix.Row a = rows.get(0), b = rows.get(1);
        assertEquals("A", a.input().name());
        assertEquals(1, a.rank());
        assertEquals(1.0, a.volume());
        assertEquals(1.0, a.rate());
        assertEquals(1.0, a.change());
        assertEquals(0.8, a.concentration(), 1e-12);
        assertEquals(0.25, a.harm());
        assertEquals(81.0, a.score(), 1e-9);
        assertEquals(40.0, b.score(), 1e-9);
        assertEquals(0.0, b.change());
        assertEquals(1.0, b.test().pValue(), 1e-12);
        assertTrue(a.test().pValue() < 1e-4, "100 against 50: p = " + a.test().pValue());
        assertTrue(a.reasons().startsWith("volume 100: 20.0 pts; "), a.reasons());
        assertTrue(a.reasons().contains("up 100%, significant (p < 0.001): 20.0 pts"), a.reasons());
        assertTrue(a.reasons().contains("top wards hold 90% (even spread 50%): 16.0 pts"), a.reasons());
        assertTrue(a.reasons().endsWith("harm 2.00 per incident: 5.0 pts"), a.reasons());
    }

    @Test
    void weightsChangeTheRanking() {
        // harm alone: B (harm 8) leads A (harm 2); scores 100 and 25
        List<PriorityMatrix.Row> harm = PriorityMatrix.rank(TWO, new PriorityMatrix.Weights(0, 0, 0, 0, 1), 0.05, 12, 12);
        assertEquals("B", harm.get(0).input().name());
        assertEquals(100.0, harm.get(0).score(), 1e-9);
        assertEquals(25.0, harm.get(1).score(), 1e-9);
        assertEquals("harm 8.00 per incident: 100.0 pts", harm.get(0).reasons());
    }

    @Test
    void aFallIsNotScoredAndUnequalPeriodsAreRates() {
        // 60 in 6 months against 60 in 12: the monthly rate doubled (p ≈ 1e-4), a significant rise
        List<PriorityMatrix.Row> rise = PriorityMatrix.rank(List.of(new PriorityMatrix.Input("C", "category", 60, 60, null, 1.0, 0.5, null)),
                new PriorityMatrix.Weights(0, 0, 1, 0, 0), 0.05, 6, 12);
        assertEquals(100.0, rise.get(0).score(), 1e-9);
        // 10 against 60 over equal periods: significant, but a fall
        List<PriorityMatrix.Row> fall = PriorityMatrix.rank(List.of(new PriorityMatrix.Input("D", "category", 10, 60, null, 1.0, 0.5, null)),
                new PriorityMatrix.Weights(1, 0, 1, 0, 0), 0.05, 12, 12);
        assertEquals(0.0, fall.get(0).change());
        assertEquals(50.0, fall.get(0).score(), 1e-9, "volume 1 × 1, change 0 × 1, over 2");
    }

    @Test
    void componentsWithoutDataAreLeftOutOfTheMean() {
        // no rates and no harm weights: the mean runs over volume, change and concentration only
        List<PriorityMatrix.Input> bare = List.of(new PriorityMatrix.Input("A", "category", 100, 50, null, 0.9, 0.5, null));
        PriorityMatrix.Row a = PriorityMatrix.rank(bare, ONES, 0.05, 12, 12).get(0);
        assertEquals(100 * (1 + 1 + 0.8) / 3, a.score(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> PriorityMatrix.rank(bare, new PriorityMatrix.Weights(0, 0, 0, 0, 1), 0.05, 12, 12));
        assertThrows(IllegalArgumentException.class, () -> new PriorityMatrix.Weights(0, 0, 0, 0, 0));
    }

    @Test
    void concentrationIsMeasuredFromAnEvenSpread() {
        assertEquals(0.0, PriorityMatrix.concentration(0.3, 0.5));
        assertEquals(1.0, PriorityMatrix.concentration(1.0, 0.5));
        assertEquals(0.0, PriorityMatrix.concentration(1.0, 1.0), "5 wards of 5: no concentration to measure");
        assertEquals(0.0, PriorityMatrix.concentration(null, 0.5));
    }
}
