package org.wardheat.model;

/**
 * One incident: as read from a file before it is stored ({@code id} 0, {@code dataset} null), or as
 * stored (the store's row id and its dataset). The one record the parsers, the store and the
 * record-level analyses (repeats, outliers, encampments, near repeats) share.
 *
 * @param id       the store's row id, or 0 before it is stored
 * @param dataset  the dataset it is stored in, or {@code null} before it is stored
 * @param month    the month as {@code yyyymm} (e.g. 202201)
 * @param date     the day in ISO form, or {@code null} when only the month is known (police.uk)
 * @param endDate  the last day (encampments), or {@code null} (still open, or not recorded)
 * @param category the crime type or incident category
 * @param crimeId  police.uk Crime ID, or {@code null} (blank for anti-social behaviour)
 * @param lon      longitude in degrees (WGS84), NaN when the row has no location
 * @param lat      latitude in degrees (WGS84), NaN when the row has no location
 * @param location the location text (police.uk "On or near ..."), or {@code null}
 * @param lsoa     the LSOA code given in the file, or {@code null}
 * @param outcome  the last outcome category, or {@code null}
 * @param weight   how many items the record stands for (1 for a crime; the needles in a find)
 * @param extra    other recorded figures as a JSON object (an encampment's vehicles and people), or {@code null}
 */
public record Incident(long id, String dataset, int month, String date, String endDate, String category, String crimeId,
                       double lon, double lat, String location, String lsoa, String outcome, double weight, String extra) {

    /** An incident as read from a file, not yet stored. */
    public Incident(int month, String date, String endDate, String category, String crimeId, double lon, double lat,
                    String location, String lsoa, String outcome, double weight, String extra) {
        this(0, null, month, date, endDate, category, crimeId, lon, lat, location, lsoa, outcome, weight, extra);
    }

    public boolean hasLocation() {
        return !Double.isNaN(lon);
    }

    /** The month as {@code YYYY-MM}. */
    public String monthText() {
        return Period.text(month);
    }
}
