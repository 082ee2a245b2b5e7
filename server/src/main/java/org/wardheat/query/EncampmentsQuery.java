package org.wardheat.query;

import java.time.LocalDate;

/**
 * Encampments per year, or each encampment. CLI {@code encampments summary [--list]}; HTTP
 * {@code /api/encampments}, {@code /api/export/encampments} (each) and {@code /api/export/encampment-years}.
 *
 * @param firstMonth the month years start in ({@link Limits#FIRST_MONTH}), default {@value #DEFAULT_FIRST_MONTH}
 * @param asOf       open encampments are counted to this date at the latest; null for today
 */
public record EncampmentsQuery(RecordSelection select, int firstMonth, LocalDate asOf) {
    /** The dataset read when none is given. */
    public static final String DEFAULT_DATASET = "encampments";
    public static final int DEFAULT_FIRST_MONTH = 1;

    public EncampmentsQuery {
        select = select.withDefaultDataset(DEFAULT_DATASET);
    }

    public LocalDate asOfOrToday() {
        return asOf != null ? asOf : LocalDate.now();
    }

    public void validate(DataMonths data) {
        select.validate(data);
        Limits.FIRST_MONTH.check("first_month", firstMonth);
    }
}
