package org.wardheat.hotspot;

/**
 * How well hotspot cells chosen on one period predict incidents of a later one.
 * <ul>
 *   <li>hit rate: the share of the later period's incidents that fall in the hotspot cells;</li>
 *   <li>area share: the hotspot cells' share of the grid's area;</li>
 *   <li>PAI (Predictive Accuracy Index, Chainey et al. 2008) = hit rate / area share;</li>
 *   <li>RRI (Recapture Rate Index, Levine 2008) = (later incidents in hotspots / earlier incidents in
 *       hotspots) / (all later incidents / all earlier incidents): above 1 means the hotspots kept more
 *       than their share.</li>
 * </ul>
 */
public final class PredictiveAccuracy {
    private PredictiveAccuracy() {
    }

    public record Result(int hotspotCells, double hotspotAreaKm2, double areaShare, double trainIncidents,
                         double trainInHotspots, double testIncidents, double testInHotspots, double hitRate,
                         Double pai, Double recaptureRateIndex) {
    }

    public static Result score(boolean[] hotspot, double[] cellArea, double[] train, double[] test) {
        int cells = 0;
        double hotArea = 0, area = 0, trainAll = 0, trainHot = 0, testAll = 0, testHot = 0;
        for (int c = 0; c < hotspot.length; c++) {
            area += cellArea[c];
            trainAll += train[c];
            testAll += test[c];
            if (hotspot[c]) {
                cells++;
                hotArea += cellArea[c];
                trainHot += train[c];
                testHot += test[c];
            }
        }
        double hitRate = testAll == 0 ? 0 : testHot / testAll;
        double areaShare = area == 0 ? 0 : hotArea / area;
        Double pai = areaShare == 0 ? null : hitRate / areaShare;
        Double rri = trainHot == 0 || testAll == 0 || trainAll == 0 ? null : (testHot / trainHot) / (testAll / trainAll);
        return new Result(cells, hotArea / 1e6, areaShare, trainAll, trainHot, testAll, testHot, hitRate, pai, rri);
    }

    /**
     * The top {@code share} of cells by {@code values} (at least one, never a cell whose value is 0).
     * Cells tied with the last one chosen are included too.
     */
    public static boolean[] top(double[] values, double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("the hotspot share of cells must be in (0, 1], not " + share);
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int k = Math.max(1, (int) Math.round(share * values.length));
        double threshold = sorted[values.length - k];
        boolean[] hot = new boolean[values.length];
        for (int c = 0; c < values.length; c++) {
            hot[c] = values[c] > 0 && values[c] >= threshold;
        }
        return hot;
    }
}
