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
 * @param measure    {@code records} (default: each record is one incident) or {@code count} (sums the
 *                   records' counts, e.g. needles)
 */
public record TrendsQuery(AreaQuery area, Filter filter, View view, int firstMonth, NeedlesTableQuery.Measure measure) {
    public static final View DEFAULT_VIEW = View.ANNUAL;
    public static final int DEFAULT_FIRST_MONTH = 1;
    public static final NeedlesTableQuery.Measure DEFAULT_MEASURE = NeedlesTableQuery.Measure.RECORDS;

    public enum View {
        ANNUAL, ROLLING, TABLE;

        public static Map<String, View> words() {
            return Values.words(values());
        }
    }

    public TrendsQuery {
        view = view == null ? DEFAULT_VIEW : view;
        measure = measure == null ? DEFAULT_MEASURE : measure;
    }

    public void validate(DataMonths data) {
        filter.validate(data);
        Limits.FIRST_MONTH.check("first_month", firstMonth);
    }
}
