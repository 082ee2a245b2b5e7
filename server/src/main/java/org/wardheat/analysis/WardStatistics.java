package org.wardheat.analysis;

import org.wardheat.boundaries.Ward;
import org.wardheat.boundaries.WardIndex;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wardheat.model.Coverage;
import org.wardheat.model.IncidentTable;
import org.wardheat.model.Period;

/**
 * Per-ward counts for a period and a comparison period: count, rate per 1,000 residents, share of the
 * boundary set's total, rank, previous count, difference and % change; totals; the top N wards with
 * their cumulative share; and a monthly series per ward across both periods.
 *
 * <p>Rules: rank 1 is the highest count (or rate or change, {@link ChangeRules#rankBy()}), tied wards share a
 * rank (1, 2, 2, 4); change is withheld (null) when the periods are not comparable ({@link Coverage}); % change is {@code null}
 * when the previous count is 0 (never Infinity or NaN); rate is {@code null} for a ward without a
 * population figure; share is a fraction of the set's total (0 when the total is 0).
 */
public final class WardStatistics {

    /**
     * @param categories the categories to count; empty for all
     * @param datasets   the datasets to count; empty for all
     * @param period     the period analysed
     * @param comparison the period compared against (e.g. {@link Period#previous()})
     * @param top        how many wards the top-N share covers
     */
    public record Query(Set<String> categories, Set<String> datasets, Period period, Period comparison, int top, ChangeRules rules) {
        public Query {
            rules = rules == null ? ChangeRules.DEFAULT : rules;
        }

        /** A query with the default rules: records, per 1,000, alpha 0.05, ranked by count, change withheld without comparable data. */
        public Query(Set<String> categories, Set<String> datasets, Period period, Period comparison, int top) {
            this(categories, datasets, period, comparison, top, ChangeRules.DEFAULT);
        }

        /** The same query with other rules. */
        public Query with(ChangeRules r) {
            return new Query(categories, datasets, period, comparison, top, r);
        }

        /**
         * Builds a query from user input, as the CLI and the HTTP API take it.
         *
         * @param compare {@code previous} (default: the period of the same length just before),
         *                {@code year-ago} (the same months a year earlier) or {@code YYYY-MM:YYYY-MM}
         * @param top     the top-N size, default 5
         */
        public static Query of(java.util.Collection<String> categories, java.util.Collection<String> datasets,
                               String from, String to, String compare, Integer top) {
            if (from == null || to == null) {
                throw new IllegalArgumentException("give the period with from and to (YYYY-MM)");
            }
            Period period = Period.of(from, to);
            Period comparison;
            if (compare == null || compare.isBlank() || compare.equals("previous")) {
                comparison = period.previous();
            } else if (compare.equals("year-ago")) {
                comparison = new Period(period.from().minusYears(1), period.to().minusYears(1));
            } else {
                comparison = Period.parse(compare);
            }
            int n = top == null ? 5 : top;
            if (n < 0) {
                throw new IllegalArgumentException("top must be 0 or more, not " + n);
            }
            return new Query(clean(categories), clean(datasets), period, comparison, n);
        }

        private static Set<String> clean(java.util.Collection<String> names) {
            java.util.LinkedHashSet<String> set = new java.util.LinkedHashSet<>();
            if (names != null) {
                for (String n : names) {
                    if (n != null && !n.isBlank()) {
                        set.add(n.trim());
                    }
                }
            }
            return set;
        }
    }

    /**
     * One ward's figures. {@code change}, {@code changePct}, {@code changeP}, {@code changeSignificant} and
     * {@code changeReading} are null when change is withheld (see {@link Result#coverage()}); {@code rate} is
     * per {@link ChangeRules#per()} residents with its 95% exact Poisson interval ({@link ChangeFigures}).
     */
    public record WardRow(String code, String name, long count, Double residents, Double ratePer1000, double share,
                          int rank, long previousCount, Long change, Double changePct, Double changeP, Boolean changeSignificant,
                          String changeReading, Double rate, Double rateCiLow, Double rateCiHigh) {
        WardRow(String code, String name, long count, Double residents, Double ratePer1000, double share, int rank, long previousCount,
                ChangeFigures f) {
            this(code, name, count, residents, ratePer1000, share, rank, previousCount, f.change(), f.changePct(), f.changeP(),
                    f.changeSignificant(), f.changeReading(), f.rate(), f.rateCiLow(), f.rateCiHigh());
        }
    }

    /**
     * @param withoutLocation incidents in the period (and categories) that have no location
     * @param outside         incidents in the period with a location outside every ward of the set
     */
    public record Totals(long count, long previousCount, Long change, Double changePct, Double residents,
                         Double ratePer1000, long withoutLocation, long outside, Double changeP, Boolean changeSignificant,
                         String changeReading, Double rate, Double rateCiLow, Double rateCiHigh) {
        Totals(long count, long previousCount, Double residents, Double ratePer1000, long withoutLocation, long outside, ChangeFigures f) {
            this(count, previousCount, f.change(), f.changePct(), residents, ratePer1000, withoutLocation, outside, f.changeP(),
                    f.changeSignificant(), f.changeReading(), f.rate(), f.rateCiLow(), f.rateCiHigh());
        }
    }

    /** The top wards' combined count and share, and the sentence analysts quote. */
    public record TopShare(int wards, long count, double share, String sentence) {
    }

    /** A ward's monthly counts across {@link Result#months()}. */
    public record Series(String code, long[] counts) {
    }

    /**
     * @param measure  "records" or "count" (the measure counted)
     * @param coverage the months with data in both periods, whether change is shown, and the warnings
     */
    public record Result(Query query, List<WardRow> wards, Totals totals, TopShare top, List<String> months,
                         List<Series> series, String measure, Coverage coverage) {
        /** The row of a ward, or {@code null}. */
        public WardRow ward(String code) {
            return wards.stream().filter(w -> w.code().equals(code)).findFirst().orElse(null);
        }

        public Series seriesOf(String code) {
            return series.stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
        }
    }

    private WardStatistics() {
    }

    /**
     * @param query      what to count
     * @param wards      the boundary set's wards, indexed as {@code wardOf} refers to them
     * @param population residents per ward code (wards without a figure are absent)
     * @param table      the incidents
     * @param wardOf     for each incident, its ward index or {@link WardIndex#OUTSIDE}
     */
    public static Result compute(Query query, List<Ward> wards, Map<String, Double> population, IncidentTable table,
                                 int[] wardOf) {
        Period span = query.period().span(query.comparison());
        WardMonthCounts counts = WardMonthCounts.ofIncidents(wards.size(), span, table, wardOf,
                table.filter(query.categories(), query.datasets()), query.rules().measure() == ChangeRules.Measure.COUNT);
        return compute(query, wards, population, counts,
                Coverage.of(table, query.categories(), query.datasets(), query.period(), query.comparison(), query.rules().allowPartial()));
    }

    /**
     * The table from counts already collected for the query's categories, datasets and span (period with comparison).
     *
     * @param counts   per ward and month ({@code service.WardCounts}: incidents and area totals)
     * @param coverage the months with data in both periods, which decides whether change is shown
     */
    public static Result compute(Query query, List<Ward> wards, Map<String, Double> population, WardMonthCounts counts,
                                 Coverage coverage) {
        Period period = query.period();
        Period comparison = query.comparison();
        Period span = period.span(comparison);
        List<YearMonth> months = span.months();
        int n = wards.size();
        long[][] series = new long[n][months.size()];
        long[] count = new long[n];
        long[] previous = new long[n];
        for (int w = 0; w < n; w++) {
            count[w] = Math.round(counts.sum(null, w, period));
            previous[w] = Math.round(counts.sum(null, w, comparison));
            for (int k = 0; k < months.size(); k++) {
                series[w][k] = Math.round(counts.month(w, k));
            }
        }
        long withoutLocation = counts.withoutLocation(period), outside = counts.outside(period);
        ChangeRules rules = query.rules();

        long total = 0, totalPrevious = 0;
        double residents = 0;
        boolean allHavePopulation = n > 0;
        for (int w = 0; w < n; w++) {
            total += count[w];
            totalPrevious += previous[w];
            Double r = population.get(wards.get(w).code());
            if (r == null) {
                allHavePopulation = false;
            } else {
                residents += r;
            }
        }

        Double[] key = new Double[n];
        ChangeFigures[] figures = new ChangeFigures[n];
        for (int w = 0; w < n; w++) {
            figures[w] = ChangeFigures.of(count[w], previous[w], population.get(wards.get(w).code()), period, comparison, coverage, rules);
            key[w] = switch (rules.rankBy()) {
                case COUNT -> (double) count[w];
                case RATE -> figures[w].rate();
                case CHANGE -> figures[w].change() == null ? null : figures[w].change().doubleValue();
            };
        }
        Integer[] order = new Integer[n];
        for (int w = 0; w < n; w++) {
            order[w] = w;
        }
        // highest first; wards without a value (no population, change withheld) last; ties by code
        java.util.Arrays.sort(order, Comparator.<Integer, Double>comparing(w -> key[w], Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(w -> wards.get(w).code()));
        List<WardRow> rows = new ArrayList<>(n);
        int rank = 0;
        for (int k = 0; k < n; k++) {
            int w = order[k];
            if (k == 0 || !java.util.Objects.equals(key[w], key[order[k - 1]])) {
                rank = k + 1;
            }
            Ward ward = wards.get(w);
            Double r = population.get(ward.code());
            rows.add(new WardRow(ward.code(), ward.name(), count[w], r, rate(count[w], r),
                    total == 0 ? 0 : (double) count[w] / total, rank, previous[w], figures[w]));
        }

        Double totalResidents = allHavePopulation ? residents : null;
        Totals totals = new Totals(total, totalPrevious, totalResidents, rate(total, totalResidents), withoutLocation, outside,
                ChangeFigures.of(total, totalPrevious, totalResidents, period, comparison, coverage, rules));

        int topN = Math.max(0, Math.min(query.top(), n));
        long topCount = 0;
        for (int k = 0; k < topN; k++) {
            topCount += rows.get(k).count();
        }
        double topShare = total == 0 ? 0 : (double) topCount / total;
        String what = query.categories() == null || query.categories().isEmpty() ? "all incidents" : String.join(", ", query.categories());
        String sentence = String.format("These %d wards account for %.0f%% of %s (%,d of %,d) in %s.", topN,
                100 * topShare, what, topCount, total, describe(period));

        List<String> monthNames = new ArrayList<>(months.size());
        months.forEach(m -> monthNames.add(m.toString()));
        List<Series> seriesList = new ArrayList<>(n);
        for (int w = 0; w < n; w++) {
            seriesList.add(new Series(wards.get(w).code(), series[w]));
        }
        return new Result(query, rows, totals, new TopShare(topN, topCount, topShare, sentence), monthNames, seriesList,
                rules.measureWord(), coverage);
    }

    /** Per 1,000 residents; {@code null} without a population or with a population of 0. */
    static Double rate(long count, Double residents) {
        return residents == null || residents <= 0 ? null : 1000.0 * count / residents;
    }


    private static String describe(Period p) {
        return p.from().equals(p.to()) ? p.from().toString() : p.from() + " to " + p.to();
    }
}
