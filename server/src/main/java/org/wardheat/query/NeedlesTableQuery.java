package org.wardheat.query;

import org.wardheat.repeats.Outliers;

import java.util.Map;

/**
 * Monthly needle totals per year. CLI {@code needles table}; HTTP {@code /api/needles/table}, {@code /api/export/needles}.
 *
 * @param firstMonth the month years start in ({@link Limits#FIRST_MONTH}), default {@value #DEFAULT_FIRST_MONTH}
 * @param measure    {@code count} (needles, default) or {@code records} (finds)
 */
public record NeedlesTableQuery(RecordSelection select, int firstMonth, Measure measure, Outliers.Rules outliers,
                                boolean excludeOutliers) {
    /** The dataset read when none is given. */
    public static final String DEFAULT_DATASET = "needle-finds";
    public static final int DEFAULT_FIRST_MONTH = 1;
    public static final Measure DEFAULT_MEASURE = Measure.COUNT;

    public enum Measure {
        COUNT, RECORDS;

        public static Map<String, Measure> words() {
            return Values.words(values());
        }
    }

    public NeedlesTableQuery {
        select = select.withDefaultDataset(DEFAULT_DATASET);
        measure = measure == null ? DEFAULT_MEASURE : measure;
        outliers = outliers == null ? Outliers.Rules.DEFAULT : outliers;
    }

    public void validate(DataMonths data) {
        select.validate(data);
        Limits.FIRST_MONTH.check("first_month", firstMonth);
        Outlier.check(outliers);
    }
}
