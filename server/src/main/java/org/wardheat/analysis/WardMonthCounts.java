package org.wardheat.analysis;

import org.wardheat.boundaries.WardIndex;
import org.wardheat.model.IncidentTable;
import org.wardheat.model.Period;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the ward tables count: per category, per ward (index into the set's code-ordered wards) and per month of
 * a span, the number of records or their summed weight (an area total adds its count, fractional where split);
 * and per month the records without location or outside every ward. Filled once by the one place that collects
 * ward counts ({@code service.WardCounts}), then only read.
 */
public final class WardMonthCounts {
    private final int wards;
    private final Period span;
    private final int spanFrom;
    private final Map<String, double[][]> byCategory = new TreeMap<>();
    private final long[] withoutLocation;
    private final long[] outside;

    /**
     * @param wards the number of wards of the set
     * @param span  the months counted (the period and its comparison together)
     */
    public WardMonthCounts(int wards, Period span) {
        this.wards = wards;
        this.span = span;
        this.spanFrom = Period.key(span.from());
        this.withoutLocation = new long[span.length()];
        this.outside = new long[span.length()];
    }

    /**
     * The incidents passing {@code filter}, by {@code wardOf} (records, or summed weights when {@code weighted}).
     */
    public static WardMonthCounts ofIncidents(int wards, Period span, IncidentTable table, int[] wardOf, IncidentTable.Filter filter,
                                              boolean weighted) {
        WardMonthCounts c = new WardMonthCounts(wards, span);
        c.addIncidents(table, wardOf, filter, weighted);
        return c;
    }

    /** Adds the incidents passing {@code filter}. */
    public void addIncidents(IncidentTable table, int[] wardOf, IncidentTable.Filter filter, boolean weighted) {
        for (int i = 0; i < table.size(); i++) {
            if (!filter.test(i)) {
                continue;
            }
            int k = offset(table.month(i));
            if (k < 0) {
                continue;
            }
            int w = wardOf[i];
            if (w == WardIndex.OUTSIDE) {
                if (table.hasLocation(i)) {
                    outside[k] += table.records(i);
                } else {
                    withoutLocation[k] += table.records(i);
                }
                continue;
            }
            addAt(w, k, table.category(i), weighted ? table.weight(i) : table.records(i));
        }
    }

    /** Adds {@code value} to ward {@code ward} in month {@code yyyymm} (ignored outside the span). */
    public void add(int ward, int yyyymm, String category, double value) {
        int k = offset(yyyymm);
        if (k >= 0) {
            addAt(ward, k, category, value);
        }
    }

    private void addAt(int ward, int offset, String category, double value) {
        byCategory.computeIfAbsent(category, x -> new double[wards][span.length()])[ward][offset] += value;
    }

    /** The month's index in the span, or -1 outside it. */
    private int offset(int yyyymm) {
        int k = (yyyymm / 100 - spanFrom / 100) * 12 + (yyyymm % 100 - spanFrom % 100);
        return k >= 0 && k < span.length() ? k : -1;
    }

    public int wards() {
        return wards;
    }

    public Period span() {
        return span;
    }

    /** The categories with a count, in name order. */
    public Set<String> categories() {
        return Collections.unmodifiableSet(byCategory.keySet());
    }

    /** Ward {@code ward}'s count of every category in month {@code offset} of the span. */
    public double month(int ward, int offset) {
        double sum = 0;
        for (double[][] c : byCategory.values()) {
            sum += c[ward][offset];
        }
        return sum;
    }

    /** Ward {@code ward}'s count of {@code category} (null: every category) in the months of {@code p} within the span. */
    public double sum(String category, int ward, Period p) {
        double sum = 0;
        for (Map.Entry<String, double[][]> e : byCategory.entrySet()) {
            if (category == null || category.equals(e.getKey())) {
                double[] months = e.getValue()[ward];
                for (int k = 0; k < months.length; k++) {
                    if (p.contains(Period.key(span.from().plusMonths(k)))) {
                        sum += months[k];
                    }
                }
            }
        }
        return sum;
    }

    /** Records of the period without location. */
    public long withoutLocation(Period p) {
        return inPeriod(withoutLocation, p);
    }

    /** Records of the period with a location outside every ward. */
    public long outside(Period p) {
        return inPeriod(outside, p);
    }

    private long inPeriod(long[] perMonth, Period p) {
        long sum = 0;
        for (int k = 0; k < perMonth.length; k++) {
            if (p.contains(Period.key(span.from().plusMonths(k)))) {
                sum += perMonth[k];
            }
        }
        return sum;
    }
}
