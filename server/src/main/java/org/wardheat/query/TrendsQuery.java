package org.wardheat.query;

import java.util.Map;

/**
 * Trends of any selection (categories, groups, datasets) in the boroughs, some wards, a drawn polygon or a
 * saved focus area. CLI {@code trends}; HTTP {@code /api/trends}, {@code /api/export/trends}.
 *
 * @param view       {@code annual} (each year's total and year-on-year change, default), {@code rolling}
 *                   (each month and its rolling 12-month total) or {@code table} (month × year, the
 *                   needle table for any dataset)
 * @param firstMonth the month years start in ({@link Limits#FIRST_MONTH}), default {@value #DEFAULT_FIRST_MONTH}
 * @param measure    {@code records} (each record is one incident) or {@code count} (sums the records' counts,
 *                   e.g. needles); null for the default of the data, as the ward table ({@link Analyses#resolve})
 * @param sharing    disclosure control of the tables ({@link Sharing#OFF} by default; monthly values are then
 *                   withheld and yearly totals of 1 to k−1 suppressed)
 */
public record TrendsQuery(AreaQuery area, Filter filter, View view, int firstMonth, NeedlesTableQuery.Measure measure, Sharing sharing) {
    public static final View DEFAULT_VIEW = View.ANNUAL;
    public static final int DEFAULT_FIRST_MONTH = 1;

    public enum View {
        ANNUAL, ROLLING, TABLE;

        public static Map<String, View> words() {
            return Values.words(values());
        }
    }

    public TrendsQuery {
        view = view == null ? DEFAULT_VIEW : view;
        sharing = sharing == null ? Sharing.OFF : sharing;
    }

    /** Without disclosure control. */
    public TrendsQuery(AreaQuery area, Filter filter, View view, int firstMonth, NeedlesTableQuery.Measure measure) {
        this(area, filter, view, firstMonth, measure, Sharing.OFF);
    }

    /** The same query with disclosure control {@code s} (e.g. forced for a viewer). */
    public TrendsQuery withSharing(Sharing s) {
        return new TrendsQuery(area, filter, view, firstMonth, measure, s);
    }

    public void validate(DataMonths data) {
        filter.validate(data);
        Limits.FIRST_MONTH.check("first_month", firstMonth);
        sharing.validate();
    }
}
