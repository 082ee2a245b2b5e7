package org.wardheat.hotspot;

import java.util.Locale;

/**
 * Classifies cells over a run of periods, after sfhotspot's {@code hotspot_classify}: in each period a
 * cell is a significant hotspot (or coldspot) when its adjusted Gi* p-value is below {@code criticalP}
 * and z is positive (negative). With the proportions of all, older and recent periods in which it was:
 * <ul>
 *   <li><b>persistent</b>: significant in at least {@code persistentProp} of all periods;</li>
 *   <li><b>emerging</b>: in less than {@code hotspotProp} of the older periods, and in at least
 *       {@code hotspotProp} of the recent ones;</li>
 *   <li><b>former</b>: in at least {@code hotspotProp} of the older periods, and in less than
 *       {@code hotspotProp} of the recent ones;</li>
 *   <li><b>intermittent</b>: otherwise in at least {@code hotspotProp} of all periods;</li>
 *   <li><b>no pattern</b>: none of these. A cell that is both a hot and a cold category is "mixed".</li>
 * </ul>
 * The recent periods are the last {@code recentProp} of them, at least one, leaving at least one older.
 */
public final class HotspotClassification {

    /** The thresholds, as proportions of periods; the defaults are sfhotspot's. */
    public record Thresholds(double hotspotProp, double persistentProp, double recentProp, double criticalP) {
        public static final Thresholds DEFAULT = new Thresholds(0.1, 0.8, 0.2, 0.05);

        public Thresholds {
            for (double v : new double[]{hotspotProp, persistentProp, recentProp, criticalP}) {
                if (!(v > 0 && v <= 1)) {
                    throw new IllegalArgumentException("classification thresholds are proportions in (0, 1], not " + v);
                }
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "hotspot %.0f%% of periods, persistent %.0f%%, recent = last %.0f%%, significant at adjusted p < %s",
                    100 * hotspotProp, 100 * persistentProp, 100 * recentProp, criticalP);
        }
    }

    private HotspotClassification() {
    }

    /** The number of recent periods among {@code periods}. */
    public static int recentPeriods(int periods, Thresholds t) {
        if (periods < 2) {
            throw new IllegalArgumentException("classification needs at least 2 periods, found " + periods);
        }
        int recent = (int) Math.floor(t.recentProp() * periods);
        return Math.max(1, Math.min(periods - 1, recent));
    }

    /**
     * @param gistar one Gi* result per period, oldest first, all over the same cells
     * @return a category per cell
     */
    public static String[] classify(GetisOrdGiStar.Result[] gistar, Thresholds t) {
        int periods = gistar.length;
        int recent = recentPeriods(periods, t);
        int older = periods - recent;
        int cells = gistar[0].z().length;
        String[] result = new String[cells];
        for (int c = 0; c < cells; c++) {
            int hotAll = 0, hotOld = 0, hotRecent = 0, coldAll = 0, coldOld = 0, coldRecent = 0;
            for (int p = 0; p < periods; p++) {
                boolean sig = gistar[p].pAdjusted()[c] < t.criticalP();
                boolean hot = sig && gistar[p].z()[c] > 0, cold = sig && gistar[p].z()[c] < 0;
                if (hot) {
                    hotAll++;
                    if (p < older) hotOld++; else hotRecent++;
                }
                if (cold) {
                    coldAll++;
                    if (p < older) coldOld++; else coldRecent++;
                }
            }
            String h = category((double) hotAll / periods, (double) hotOld / older, (double) hotRecent / recent, t, "hotspot");
            String k = category((double) coldAll / periods, (double) coldOld / older, (double) coldRecent / recent, t, "coldspot");
            result[c] = h != null && k != null ? "mixed hot/coldspot" : h != null ? h : k != null ? k : "no pattern";
        }
        return result;
    }

    private static String category(double all, double old, double recent, Thresholds t, String kind) {
        if (all >= t.persistentProp()) {
            return "persistent " + kind;
        }
        if (old < t.hotspotProp() && recent >= t.hotspotProp()) {
            return "emerging " + kind;
        }
        if (old >= t.hotspotProp() && recent < t.hotspotProp()) {
            return "former " + kind;
        }
        if (all >= t.hotspotProp()) {
            return "intermittent " + kind;
        }
        return null;
    }
}
