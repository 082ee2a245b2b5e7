package org.wardheat.repeats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wardheat.model.Incident;

/**
 * Flags records and place-months far above their usual level, so totals can be given with and without
 * them (in one real year, 1,500 of 2,511 needles came from two sealed bags found behind a car's wheel).
 * <ul>
 *   <li>a record is an outlier when its count is at least {@code recordFactor} × the median count of the
 *       records analysed, and at least {@code minimum};</li>
 *   <li>a place-month is an outlier when its total is at least {@code placeFactor} × the median of that
 *       place's monthly totals (over the months it has records, at least 3 of them), and at least
 *       {@code minimum}.</li>
 * </ul>
 * Place-month totals leave out records already flagged as record outliers, so one 600-needle bag does
 * not make the ordinary finds of its place and month outliers too.
 */
public final class Outliers {
    public record Rules(double recordFactor, double placeFactor, double minimum) {
        public static final Rules DEFAULT = new Rules(10, 5, 20);

        @Override
        public String toString() {
            return "a record >= " + recordFactor + " x the median record count; a place-month >= " + placeFactor
                    + " x the place's median month (3+ months); both at least " + minimum;
        }
    }

    private Outliers() {
    }

    /** A flag per record: why it is an outlier, or null. */
    public static String[] flag(List<Incident> records, List<Places.Place> places, Rules rules) {
        String[] why = new String[records.size()];
        double[] w = records.stream().mapToDouble(Incident::weight).toArray();
        double median = median(w);
        for (int i = 0; i < w.length; i++) {
            if (w[i] >= rules.minimum() && w[i] >= rules.recordFactor() * median) {
                why[i] = "record of " + fmt(w[i]) + " against a median record of " + fmt(median);
            }
        }
        for (Places.Place p : places) {
            Map<Integer, Double> byMonth = new HashMap<>();
            for (int i : p.members()) {
                if (why[i] == null) { // record outliers are not part of the place's usual level
                    byMonth.merge(records.get(i).month(), records.get(i).weight(), Double::sum);
                }
            }
            if (byMonth.size() < 3) {
                continue;
            }
            double m = median(byMonth.values().stream().mapToDouble(Double::doubleValue).toArray());
            for (int i : p.members()) {
                if (why[i] != null) {
                    continue;
                }
                double total = byMonth.get(records.get(i).month());
                if (total >= rules.minimum() && total >= rules.placeFactor() * m) {
                    why[i] = "place-month of " + fmt(total) + " against the place's median month of " + fmt(m);
                }
            }
        }
        return why;
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format("%.1f", v);
    }

    /** The records not flagged. */
    public static List<Incident> without(List<Incident> records, String[] flags) {
        List<Incident> kept = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (flags[i] == null) {
                kept.add(records.get(i));
            }
        }
        return kept;
    }
}
