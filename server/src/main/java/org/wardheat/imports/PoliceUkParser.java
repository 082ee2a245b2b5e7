package org.wardheat.imports;

import org.wardheat.model.Incident;
import org.wardheat.text.Header;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses police.uk street-level rows ({@code Crime ID, Month, Reported by, Falls within, Longitude,
 * Latitude, Location, LSOA code, LSOA name, Crime type, Last outcome category, Context}), by header name.
 * Rows with blank coordinates ({@code No Location}) come back without location.
 */
public final class PoliceUkParser implements RowParser {
    private final int crimeId, month, lon, lat, location, lsoa, type, outcome;
    private final int latestMonth = Fields.latest();

    private PoliceUkParser(Header h) {
        crimeId = h.find("Crime ID");
        month = h.find("Month");
        lon = h.find("Longitude");
        lat = h.find("Latitude");
        location = h.find("Location");
        lsoa = h.find("LSOA code");
        type = h.find("Crime type");
        outcome = h.find("Last outcome category");
    }

    /** True when the header has the columns a police.uk street file must have. */
    public static boolean matches(Header h) {
        return missing(h).isEmpty();
    }

    /** The required police.uk columns that the header lacks. */
    public static List<String> missing(Header h) {
        List<String> missing = new ArrayList<>();
        for (String required : new String[]{"Month", "Longitude", "Latitude", "Crime type"}) {
            if (h.find(required) < 0) {
                missing.add(required);
            }
        }
        return missing;
    }

    public static PoliceUkParser forHeader(Header h) {
        return new PoliceUkParser(h);
    }

    @Override
    public Incident parse(String[] f) throws RejectedRow {
        int m = Fields.month("Month", f[month], latestMonth);
        String category = f[type].trim();
        if (category.isEmpty()) {
            throw new RejectedRow("Crime type", "crime type is blank");
        }
        double x = Fields.number("Longitude", f[lon]);
        double y = Fields.number("Latitude", f[lat]);
        boolean located = Fields.lonLat("Longitude", x, "Latitude", y);
        return new Incident(m, null, null, category, opt(f, crimeId), located ? x : Double.NaN,
                located ? y : Double.NaN, opt(f, location), opt(f, lsoa), opt(f, outcome), 1.0, null);
    }

    private static String opt(String[] f, int i) {
        return i < 0 ? null : Fields.blankToNull(f[i]);
    }
}
