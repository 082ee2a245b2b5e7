package org.wardheat.repeats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A Knox test for near repeats, as in the Near Repeat Calculator (Ratcliffe). For every pair of
 * incidents, the distance falls in a spatial band and the time between them in a temporal band.
 * Spatial bands, in metres with inclusive upper edges and no rounding: "same location" (identical
 * coordinates, 0 m), "over 0 to b₁ m", "over b₁ to b₂ m", ... Temporal bands in days: 0 to w,
 * w+1 to 2w, ... days; in calendar months (month-precision police.uk data): "same month" (0), then
 * 1 to w, w+1 to 2w, ... months, so the same month is never mixed with the next.
 * The observed pair counts are compared with counts after permuting the dates among the incidents
 * ({@code simulations} times, seeded): Knox ratio = observed / mean simulated, and
 * p = (1 + simulations with a count at least the observed) / (1 + simulations). Pairs farther apart
 * than the last band, in space or in time, are not counted.
 */
public final class NearRepeat {
    /**
     * @param spatialBands  upper limits in metres of the bands after "same location", increasing
     * @param temporalWidth the width of a temporal band, in {@code unit}s
     * @param temporalBands how many temporal bands of {@code temporalWidth}; with months a "same month"
     *                      band comes before them
     * @param unit          "days" or "months"
     */
    public record Parameters(double[] spatialBands, int temporalWidth, int temporalBands, String unit, int simulations, long seed) {
        public Parameters {
            if (spatialBands.length == 0) {
                throw new IllegalArgumentException("give at least one spatial band");
            }
            for (int i = 0; i < spatialBands.length; i++) {
                if (!(spatialBands[i] > 0) || (i > 0 && spatialBands[i] <= spatialBands[i - 1])) {
                    throw new IllegalArgumentException("spatial bands must be increasing distances above 0 metres");
                }
            }
            if (temporalWidth < 1 || temporalBands < 1) {
                throw new IllegalArgumentException("temporal bands need a width and a count of at least 1");
            }
            if (simulations < 19) {
                throw new IllegalArgumentException("at least 19 simulations are needed for p below 0.05; 999 is usual");
            }
        }
    }

    /** The smallest Knox ratio a band pair needs to count as a near-repeat pattern. */
    public static final double SIGNIFICANT_RATIO = 1.2;
    /** The p-value a band pair must be below to count as a near-repeat pattern. */
    public static final double SIGNIFICANT_P = 0.05;

    /**
     * One band pair's result.
     *
     * @param significant whether the pair shows a near-repeat pattern: Knox ratio at least
     *                    {@value #SIGNIFICANT_RATIO} with p below {@value #SIGNIFICANT_P}
     */
    public record Cell(String space, String time, long observed, double expected, Double knoxRatio, double p,
                       boolean significant) {
        Cell(String space, String time, long observed, double expected, Double knoxRatio, double p) {
            this(space, time, observed, expected, knoxRatio, p, isSignificant(knoxRatio, p));
        }
    }

    /** The one significance rule, used for the cells' flags and the plain-language reading. */
    static boolean isSignificant(Double knoxRatio, double p) {
        return knoxRatio != null && knoxRatio >= SIGNIFICANT_RATIO && p < SIGNIFICANT_P;
    }

    public record Result(Parameters parameters, int incidents, long pairsCounted, List<String> spaceBands,
                         List<String> timeBands, Cell[][] cells, List<String> reading) {
    }

    /**
     * The most close pairs one test holds: 12 bytes each (about 60 MB) and re-counted once per permutation, so
     * memory and time stay bounded whatever the bands and the data.
     */
    public static final int MAX_PAIRS = 5_000_000;

    /** The bands pair more incidents than {@link #MAX_PAIRS}. */
    public static final class TooManyPairs extends IllegalArgumentException {
        TooManyPairs(String message) {
            super(message);
        }
    }

    private static String fmt(double metres) {
        return metres == Math.rint(metres) ? String.valueOf((long) metres) : String.valueOf(metres);
    }

    private NearRepeat() {
    }

    /**
     * @param x    eastings in metres
     * @param y    northings in metres
     * @param t    times as whole days (or months) since any fixed origin
     * @param what the kind of incident, for the plain-language reading (e.g. "burglary")
     */
    public static Result test(double[] x, double[] y, int[] t, Parameters p, String what) {
        int n = x.length;
        int sBands = p.spatialBands().length + 1;
        int tBands = p.temporalBands() + (sameMonthBand(p) ? 1 : 0);
        double maxDistance = p.spatialBands()[p.spatialBands().length - 1];
        // the spatial band of every close pair is fixed; only times move in the permutations
        org.wardheat.geom.PointIndex index = new org.wardheat.geom.PointIndex(x, y, Math.max(1, maxDistance));
        IntList first = new IntList(), second = new IntList(), band = new IntList();
        for (int i = 0; i < n; i++) {
            org.wardheat.Cancellation.check();
            for (int j : index.within(x[i], y[i], maxDistance)) {
                if (j > i) {
                    if (first.size == MAX_PAIRS) {
                        throw new TooManyPairs("more than " + MAX_PAIRS + " pairs of incidents lie within "
                                + fmt(maxDistance) + " m of each other (" + n + " incidents); the test is limited to "
                                + MAX_PAIRS + " pairs to bound memory and time: narrow the largest band, the period or the categories");
                    }
                    first.add(i);
                    second.add(j);
                    band.add(spaceBand((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j]), p.spatialBands()));
                }
            }
        }
        long[][] observed = count(first, second, band, t, sBands, p);
        long[][] sum = new long[sBands][tBands];
        long[][] atLeast = new long[sBands][tBands];
        SplittableRandom random = new SplittableRandom(p.seed());
        int[] shuffled = t.clone();
        for (int s = 0; s < p.simulations(); s++) {
            org.wardheat.Cancellation.check();
            for (int i = n - 1; i > 0; i--) { // Fisher-Yates
                int j = random.nextInt(i + 1);
                int tmp = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = tmp;
            }
            long[][] sim = count(first, second, band, shuffled, sBands, p);
            for (int a = 0; a < sBands; a++) {
                for (int b = 0; b < tBands; b++) {
                    sum[a][b] += sim[a][b];
                    atLeast[a][b] += sim[a][b] >= observed[a][b] ? 1 : 0;
                }
            }
        }
        List<String> spaceNames = spaceBandNames(p), timeNames = timeBandNames(p);
        Cell[][] cells = new Cell[sBands][tBands];
        long pairs = 0;
        for (int a = 0; a < sBands; a++) {
            for (int b = 0; b < tBands; b++) {
                double expected = (double) sum[a][b] / p.simulations();
                cells[a][b] = new Cell(spaceNames.get(a), timeNames.get(b), observed[a][b], expected,
                        expected == 0 ? null : observed[a][b] / expected, (1.0 + atLeast[a][b]) / (1.0 + p.simulations()));
                pairs += observed[a][b];
            }
        }
        return new Result(p, n, pairs, spaceNames, timeNames, cells, reading(cells, p, what));
    }

    /** Month-precision data get a band of their own for pairs in the same calendar month. */
    static boolean sameMonthBand(Parameters p) {
        return p.unit().equals("months");
    }

    /**
     * The spatial band of a pair from its squared distance in m² (squared, as the index compares, so a
     * pair the index finds within the last edge is always in a band): 0 for the same location (0 m),
     * a + 1 for over {@code bands[a-1]} up to and including {@code bands[a]} metres; -1 beyond the last.
     */
    static int spaceBand(double distanceSquared, double[] bands) {
        if (distanceSquared == 0) {
            return 0;
        }
        for (int a = 0; a < bands.length; a++) {
            if (distanceSquared <= bands[a] * bands[a]) {
                return a + 1;
            }
        }
        return -1;
    }

    /** "same location", "over 0 to 200 m", "over 200 to 400 m", ... (the edges as given, shortest form). */
    static List<String> spaceBandNames(Parameters p) {
        List<String> names = new ArrayList<>();
        names.add("same location");
        for (int a = 0; a < p.spatialBands().length; a++) {
            names.add("over " + metres(a == 0 ? 0 : p.spatialBands()[a - 1]) + " to " + metres(p.spatialBands()[a]) + " m");
        }
        return names;
    }

    private static String metres(double m) {
        return java.math.BigDecimal.valueOf(m).stripTrailingZeros().toPlainString();
    }

    /**
     * The temporal band of a gap in days or months; -1 beyond the last. Days: 0 to w is band 0,
     * w+1 to 2w band 1, ... With a same-month band: 0 is band 0, 1 to w band 1, w+1 to 2w band 2, ...
     *
     * @param bands the bands of width {@code width} (the same-month band not included)
     */
    static int timeBand(int gap, int width, int bands, boolean sameMonthBand) {
        if (sameMonthBand) {
            int b = gap == 0 ? 0 : (gap - 1) / width + 1;
            return b <= bands ? b : -1;
        }
        int b = gap == 0 ? 0 : (gap - 1) / width;
        return b < bands ? b : -1;
    }

    /** "0 to 14 days", "15 to 28 days", ...; or "same month", "1 month", "2 months", ... ("1 to 3 months" for width 3). */
    static List<String> timeBandNames(Parameters p) {
        List<String> names = new ArrayList<>();
        boolean sameMonth = sameMonthBand(p);
        if (sameMonth) {
            names.add("same month");
        }
        int w = p.temporalWidth();
        for (int b = 0; b < p.temporalBands(); b++) {
            int lo = b == 0 && !sameMonth ? 0 : b * w + 1, hi = (b + 1) * w;
            names.add((lo == hi ? "" + hi : lo + " to " + hi) + " " + unit(p.unit(), hi));
        }
        return names;
    }

    private static long[][] count(IntList first, IntList second, IntList band, int[] t, int sBands, Parameters p) {
        boolean sameMonth = sameMonthBand(p);
        long[][] c = new long[sBands][p.temporalBands() + (sameMonth ? 1 : 0)];
        for (int k = 0; k < first.size; k++) {
            int tb = timeBand(Math.abs(t[first.items[k]] - t[second.items[k]]), p.temporalWidth(), p.temporalBands(), sameMonth);
            if (tb >= 0 && band.items[k] >= 0) {
                c[band.items[k]][tb]++;
            }
        }
        return c;
    }

    /**
     * Sentences for patrol planners: for each distance band, the run of time bands from the first in
     * which the band pair is {@linkplain Cell#significant() significant}. Days: "is raised for 14 days";
     * months: "is raised in the same month" (the same-month band alone) or "is raised within 2 months"
     * (the same month and the next two).
     */
    static List<String> reading(Cell[][] cells, Parameters p, String what) {
        List<String> out = new ArrayList<>();
        for (int a = 0; a < cells.length; a++) {
            int run = 0;
            while (run < cells[a].length && cells[a][run].significant()) {
                run++;
            }
            if (run == 0) {
                continue;
            }
            Cell c = cells[a][0];
            String where = a == 0 ? "at the same location"
                    : a == 1 ? "within " + metres(p.spatialBands()[0]) + " m" : cells[a][0].space() + " away";
            String when, first;
            if (sameMonthBand(p)) {
                int until = (run - 1) * p.temporalWidth();
                when = until == 0 ? "in the same month" : "within " + until + " " + unit(p.unit(), until);
                first = "in the same month";
            } else {
                int until = run * p.temporalWidth();
                when = "for " + until + " " + unit(p.unit(), until);
                first = "in the first " + p.temporalWidth() + " " + unit(p.unit(), p.temporalWidth());
            }
            out.add(String.format(Locale.ROOT, "After %s, the risk of another %s is raised %s (Knox ratio %.2f %s, p = %.3f).",
                    article(what), where, when, c.knoxRatio(), first, c.p()));
        }
        if (out.isEmpty()) {
            out.add("No near-repeat pattern: no distance and time band pair has a Knox ratio of 1.2 or more with p below 0.05.");
        }
        return out;
    }

    /** "days"/"months", singular for 1. */
    private static String unit(String plural, int n) {
        return n == 1 ? plural.substring(0, plural.length() - 1) : plural;
    }

    private static String article(String what) {
        String w = what.toLowerCase(Locale.ROOT);
        return ("aeiou".indexOf(w.isEmpty() ? 'x' : w.charAt(0)) >= 0 ? "an " : "a ") + w;
    }

    private static final class IntList {
        int[] items = new int[1024];
        int size;

        void add(int v) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
        }
    }
}
