package org.wardheat.hotspot;

/**
 * Change between two periods, cell by cell: counts before and after, their difference, Gi* of each
 * period, and whether the cell became, stayed or stopped being a hotspot. A cell is hot in a period when
 * its Gi* bin is at least {@code hotBin} (default 2: significant at 95% after the p-value adjustment).
 */
public final class HotspotChange {
    public static final String BECAME = "became hot", STAYED = "stayed hot", STOPPED = "stopped being hot", NOT = "not hot";

    private HotspotChange() {
    }

    public record Result(double[] before, double[] after, double[] change, GetisOrdGiStar.Result giBefore,
                         GetisOrdGiStar.Result giAfter, String[] status) {
    }

    public static Result compute(double[] before, double[] after, int[][] neighbours, PAdjust adjust, int hotBin) {
        if (hotBin < 1 || hotBin > 3) {
            throw new IllegalArgumentException("the hot threshold is a Gi* bin from 1 to 3, not " + hotBin);
        }
        GetisOrdGiStar.Result b = GetisOrdGiStar.compute(before, neighbours, adjust);
        GetisOrdGiStar.Result a = GetisOrdGiStar.compute(after, neighbours, adjust);
        double[] change = new double[before.length];
        String[] status = new String[before.length];
        for (int c = 0; c < before.length; c++) {
            change[c] = after[c] - before[c];
            boolean wasHot = b.bin()[c] >= hotBin, isHot = a.bin()[c] >= hotBin;
            status[c] = isHot ? (wasHot ? STAYED : BECAME) : (wasHot ? STOPPED : NOT);
        }
        return new Result(before, after, change, b, a, status);
    }

    /**
     * Each cell's two-sided p-value of the exact test of its count after against before (two Poisson counts,
     * conditional binomial, exposures the periods' lengths in months), as the ward table's {@code change_p};
     * weighted counts (e.g. needles) are rounded to whole numbers first; 1 where both are 0.
     */
    public static double[] pValues(double[] before, double[] after, int monthsBefore, int monthsAfter) {
        double[] p = new double[before.length];
        for (int c = 0; c < p.length; c++) {
            long nb = Math.round(before[c]), na = Math.round(after[c]);
            p[c] = nb == 0 && na == 0 ? 1 : org.wardheat.stats.PoissonRateTest.compare(na, monthsAfter, nb, monthsBefore).pValue();
        }
        return p;
    }
}
