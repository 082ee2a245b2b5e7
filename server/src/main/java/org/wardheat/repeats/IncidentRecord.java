package org.wardheat.repeats;

/**
 * One stored incident with the fields repeat, outlier, encampment and near-repeat analyses need.
 *
 * @param id       the store's row id
 * @param month    {@code yyyymm}
 * @param date     ISO day, or null when only the month is known
 * @param endDate  ISO last day (encampments), or null (still open, or not recorded)
 * @param lon      WGS84 longitude, NaN without location
 * @param lat      WGS84 latitude
 * @param location the location label, or null
 * @param weight   the record's count (needles in a find; 1 for a crime)
 * @param extra    other figures as JSON, or null
 */
public record IncidentRecord(long id, String dataset, int month, String date, String endDate, String category,
                             double lon, double lat, String location, double weight, String extra) {
    public boolean hasLocation() {
        return !Double.isNaN(lon);
    }

    /** The month as {@code YYYY-MM}. */
    public String monthText() {
        return org.wardheat.analysis.Period.text(month);
    }
}
