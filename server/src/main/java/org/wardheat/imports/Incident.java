package org.wardheat.imports;

/**
 * One incident as read from a file, before it is stored.
 *
 * @param month    the month as {@code yyyymm} (e.g. 202201)
 * @param date     the day in ISO form, or {@code null} when only the month is known (police.uk)
 * @param endDate  the last day (encampments), or {@code null}
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
public record Incident(int month, String date, String endDate, String category, String crimeId, double lon,
                       double lat, String location, String lsoa, String outcome, double weight, String extra) {

    public boolean hasLocation() {
        return !Double.isNaN(lon);
    }
}
