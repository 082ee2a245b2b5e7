package org.wardheat.analysis;

import org.wardheat.stats.ChangeReading;
import org.wardheat.stats.PoissonRateTest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A priority matrix in the spirit of MoRiLE: each category (or group) scored on five components, each
 * scaled to 0..1, combined as a weighted mean into a score of 0 to 100, and ranked.
 *
 * <pre>
 *   volume        = n / max n                      (n: incidents in the period)
 *   rate          = r / max r                      (r: per 1,000 residents; 0 without populations)
 *   change        = 1 if the exact Poisson test of n against the comparison count (exposures: the
 *                   periods' lengths in months) gives p &lt; alpha and the rate rose, else 0
 *   concentration = max(0, (s − e) / (1 − e))      (s: share of n in the top-k wards; e = k / wards, an even spread)
 *   harm          = h / max h                      (h: harm weight per incident; 0 without harm weights)
 *   score         = 100 × Σ w_c · component_c / Σ w_c
 * </pre>
 * A component no row has data for (rate without populations, harm without harm weights, change when the
 * comparison period lacks data: {@link org.wardheat.model.Coverage}) is left out of both sums, so the score
 * still runs 0 to 100 over the components that are scored.
 * The maxima are over the rows ranked. Ties in score rank by volume, then name.
 */
public final class PriorityMatrix {
    private PriorityMatrix() {
    }

    /** The weight of each component, each 0 or more, not all 0. */
    public record Weights(double volume, double rate, double change, double concentration, double harm) {
        public Weights {
            for (double w : new double[]{volume, rate, change, concentration, harm}) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("component weights are finite and 0 or more, not " + w);
                }
            }
            if (volume + rate + change + concentration + harm == 0) {
                throw new IllegalArgumentException("at least one component weight must be above 0");
            }
        }
    }

    /**
     * What is known of one row.
     *
     * @param kind           "category" or "group"
     * @param count          incidents in the period
     * @param previous       incidents in the comparison period
     * @param ratePer1000    count per 1,000 residents, or null without populations
     * @param topWardShare   share of {@code count} in the top-k wards (0..1), or null when count is 0
     * @param evenShare      the share k / wards an even spread would give
     * @param harmPerIncident the mean harm weight of the incidents, or null without harm weights
     */
    public record Input(String name, String kind, long count, long previous, Double ratePer1000, Double topWardShare, double evenShare,
                        Double harmPerIncident) {
    }

    /** A ranked row: the input, the test (null when change is withheld), each component (0..1), the score (0..100) and the reasons. */
    public record Row(int rank, Input input, PoissonRateTest.Comparison test, boolean significantRise, double volume, double rate,
                      double change, double concentration, double harm, double score, String reasons) {
    }

    /**
     * @param periodMonths     length of the period (the test's exposure)
     * @param comparisonMonths length of the comparison period
     * @param alpha            significance level, strictly between 0 and 1
     */
    public static List<Row> rank(List<Input> inputs, Weights weights, double alpha, int periodMonths, int comparisonMonths) {
        return rank(inputs, weights, alpha, periodMonths, comparisonMonths, true);
    }

    /**
     * @param changeShown false when the periods are not comparable: the change component is then not scored
     *                    (left out of both sums), rows carry no test, and the reasons say change is withheld
     */
    public static List<Row> rank(List<Input> inputs, Weights weights, double alpha, int periodMonths, int comparisonMonths,
                                 boolean changeShown) {
        double maxCount = 0, maxRate = 0, maxHarm = 0;
        boolean rates = false, harms = false;
        for (Input in : inputs) {
            maxCount = Math.max(maxCount, in.count());
            maxRate = Math.max(maxRate, in.ratePer1000() == null ? 0 : in.ratePer1000());
            maxHarm = Math.max(maxHarm, in.harmPerIncident() == null ? 0 : in.harmPerIncident());
            rates |= in.ratePer1000() != null;
            harms |= in.harmPerIncident() != null;
        }
        if (weights.volume() + (changeShown ? weights.change() : 0) + weights.concentration() + (rates ? weights.rate() : 0)
                + (harms ? weights.harm() : 0) == 0 && !inputs.isEmpty()) {
            throw new IllegalArgumentException("no component to score: the weighted components have no data (rate needs populations, "
                    + "harm needs harm weights, change needs comparable periods)");
        }
        Weights w = inputs.isEmpty() ? weights : new Weights(weights.volume(), rates ? weights.rate() : 0, changeShown ? weights.change() : 0,
                weights.concentration(), harms ? weights.harm() : 0);
        double total = w.volume() + w.rate() + w.change() + w.concentration() + w.harm();
        List<Row> rows = new ArrayList<>();
        for (Input in : inputs) {
            PoissonRateTest.Comparison t = changeShown ? PoissonRateTest.compare(in.count(), periodMonths, in.previous(), comparisonMonths) : null;
            boolean rise = t != null && t.significant(alpha) && in.count() * (double) comparisonMonths > in.previous() * (double) periodMonths;
            double v = share(in.count(), maxCount);
            double r = in.ratePer1000() == null ? 0 : share(in.ratePer1000(), maxRate);
            double c = rise ? 1 : 0;
            double k = concentration(in.topWardShare(), in.evenShare());
            double h = in.harmPerIncident() == null ? 0 : share(in.harmPerIncident(), maxHarm);
            double score = 100 * (w.volume() * v + w.rate() * r + w.change() * c + w.concentration() * k + w.harm() * h) / total;
            rows.add(new Row(0, in, t, rise, v, r, c, k, h, score, reasons(in, t, alpha, w, total, v, r, c, k, h)));
        }
        rows.sort(Comparator.comparingDouble(Row::score).reversed()
                .thenComparing(Comparator.comparingLong((Row x) -> x.input().count()).reversed())
                .thenComparing(x -> x.input().name()));
        List<Row> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row x = rows.get(i);
            ranked.add(new Row(i + 1, x.input(), x.test(), x.significantRise(), x.volume(), x.rate(), x.change(), x.concentration(),
                    x.harm(), x.score(), x.reasons()));
        }
        return ranked;
    }

    private static double share(double value, double max) {
        return max == 0 ? 0 : value / max;
    }

    /** How far the top-k share lies from an even spread towards all in k wards: 0 (even or less) to 1. */
    static double concentration(Double topShare, double even) {
        if (topShare == null || even >= 1) {
            return 0;
        }
        return Math.max(0, (topShare - even) / (1 - even));
    }

    /** Each weighted component's points, largest first: "volume 1,234: 25.0 pts; up 12%, significant (p = 0.003): 25.0 pts; …". */
    private static String reasons(Input in, PoissonRateTest.Comparison t, double alpha, Weights w, double total, double v, double r,
                                  double c, double k, double h) {
        record Part(double points, String text) {
        }
        List<Part> parts = new ArrayList<>();
        if (w.volume() > 0) {
            parts.add(new Part(100 * w.volume() * v / total, String.format(Locale.UK, "volume %,d", in.count())));
        }
        if (w.rate() > 0) {
            parts.add(new Part(100 * w.rate() * r / total, in.ratePer1000() == null ? "no rate (no populations)"
                    : String.format(Locale.UK, "%.2f per 1,000 residents", in.ratePer1000())));
        }
        if (w.change() > 0) {
            parts.add(new Part(100 * w.change() * c / total, ChangeReading.of(t, alpha)));
        }
        if (w.concentration() > 0) {
            parts.add(new Part(100 * w.concentration() * k / total, in.topWardShare() == null ? "no incidents to concentrate"
                    : String.format(Locale.UK, "top wards hold %.0f%% (even spread %.0f%%)", 100 * in.topWardShare(), 100 * in.evenShare())));
        }
        if (w.harm() > 0) {
            parts.add(new Part(100 * w.harm() * h / total, in.harmPerIncident() == null ? "no harm weights"
                    : String.format(Locale.UK, "harm %.3g per incident", in.harmPerIncident())));
        }
        parts.sort(Comparator.comparingDouble(Part::points).reversed());
        List<String> out = new ArrayList<>();
        for (Part p : parts) {
            out.add(p.text() + String.format(Locale.UK, ": %.1f pts", p.points()));
        }
        if (t == null) {
            out.add("change withheld: no comparable data");
        }
        return String.join("; ", out);
    }
}
