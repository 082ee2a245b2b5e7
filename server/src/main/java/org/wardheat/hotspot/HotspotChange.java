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
}
