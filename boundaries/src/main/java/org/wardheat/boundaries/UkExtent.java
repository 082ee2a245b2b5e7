package org.wardheat.boundaries;

/**
 * Plausibility limits for coordinates in the United Kingdom (with the Channel Islands and a margin).
 * Used to tell longitude/latitude from British National Grid, and to catch swapped axes.
 */
public final class UkExtent {
    /** Longitude range in degrees east. */
    public static final double MIN_LON = -9.5, MAX_LON = 3.0;
    /** Latitude range in degrees north. */
    public static final double MIN_LAT = 49.0, MAX_LAT = 61.5;
    /** British National Grid easting range in metres. */
    public static final double MIN_EASTING = -100_000, MAX_EASTING = 800_000;
    /** British National Grid northing range in metres. */
    public static final double MIN_NORTHING = -100_000, MAX_NORTHING = 1_300_000;

    private UkExtent() {
    }

    /** True when (lon, lat) in degrees falls in the UK. */
    public static boolean isLonLat(double lon, double lat) {
        return lon >= MIN_LON && lon <= MAX_LON && lat >= MIN_LAT && lat <= MAX_LAT;
    }

    /** True when (lat, lon) were given the wrong way round: x looks like a UK latitude, y like a longitude. */
    public static boolean isSwappedLonLat(double x, double y) {
        return !isLonLat(x, y) && isLonLat(y, x);
    }

    /** True when (easting, northing) in metres fall on the British National Grid and not in degrees. */
    public static boolean isGrid(double easting, double northing) {
        boolean looksLikeDegrees = Math.abs(easting) <= 180 && Math.abs(northing) <= 90;
        return !looksLikeDegrees && easting >= MIN_EASTING && easting <= MAX_EASTING
                && northing >= MIN_NORTHING && northing <= MAX_NORTHING;
    }
}
