package org.wardheat.imports;

import org.wardheat.boundaries.Projection;
import org.wardheat.boundaries.UkExtent;
import org.wardheat.model.Incident;
import org.wardheat.text.Decimal;
import org.wardheat.text.Header;
import org.wardheat.text.Text;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads council incident records (needle finds, encampments, any CSV) through a {@link ColumnMapping}.
 * Easting/northing are British National Grid metres, transformed to WGS84 with GeoTools.
 */
public final class CouncilCsvParser implements RowParser {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final Pattern UK = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})(?: .*)?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");

    private final String[] names;
    private final int date, end, lon, lat, easting, northing, categoryColumn, count, location, vehicles, people;
    private final String category;
    private final int latestMonth = Fields.latest();

    private CouncilCsvParser(Header h, ColumnMapping m) {
        names = h.names().toArray(new String[0]);
        date = m.find(h, "date");
        end = m.find(h, "end_date");
        lon = m.find(h, "lon");
        lat = m.find(h, "lat");
        easting = m.find(h, "easting");
        northing = m.find(h, "northing");
        categoryColumn = m.find(h, "category_column");
        count = m.find(h, "count");
        location = m.find(h, "location");
        vehicles = m.find(h, "vehicles");
        people = m.find(h, "people");
        category = m.category();
    }

    /**
     * @throws ImportException naming the file and the roles whose columns are missing
     */
    public static CouncilCsvParser forHeader(Header h, ColumnMapping m, String source) {
        CouncilCsvParser p = new CouncilCsvParser(h, m);
        List<String> missing = new ArrayList<>();
        if (p.date < 0) {
            missing.add("date " + m.describe("date"));
        }
        boolean grid = p.easting >= 0 && p.northing >= 0, degrees = p.lon >= 0 && p.lat >= 0;
        if (!grid && !degrees) {
            missing.add("coordinates (lon " + m.describe("lon") + " + lat " + m.describe("lat") + ", or easting "
                    + m.describe("easting") + " + northing " + m.describe("northing") + ")");
        }
        if (p.category == null && p.categoryColumn < 0) {
            missing.add("category (a fixed category, or category_column " + m.describe("category_column") + ")");
        }
        for (String role : new String[]{"end_date", "count", "location", "vehicles", "people", "category_column"}) {
            if (m.columns().containsKey(role) && m.find(h, role) < 0 && !(role.equals("category_column") && p.category != null)
                    && m != ColumnMapping.NEEDLE_FINDS && m != ColumnMapping.ENCAMPMENTS) {
                missing.add(role + " " + m.describe(role));
            }
        }
        if (!missing.isEmpty()) {
            throw new ImportException(source + ": line 1: no column for " + String.join("; ", missing) + " (found " + h.names() + ")");
        }
        return p;
    }

    @Override
    public Incident parse(String[] f) throws RejectedRow {
        Day start = day(date, f[date]);
        Day finish = end >= 0 && !f[end].isBlank() ? day(end, f[end]) : null;
        if (finish != null && finish.iso != null && start.iso != null && finish.iso.compareTo(start.iso) < 0) {
            throw new RejectedRow(names[end], "end date " + f[end].trim() + " is before the start date " + f[date].trim());
        }
        double x, y;
        if (easting >= 0 && northing >= 0 && !(f[easting].isBlank() && f[northing].isBlank() && lon >= 0)) {
            double e = Fields.number(names[easting], f[easting]);
            double n = Fields.number(names[northing], f[northing]);
            if (Double.isNaN(e) && Double.isNaN(n)) {
                x = y = Double.NaN;
            } else {
                if (Double.isNaN(e) || Double.isNaN(n)) {
                    throw new RejectedRow(Double.isNaN(e) ? names[easting] : names[northing], "easting and northing must both be given");
                }
                if (!UkExtent.isGrid(e, n)) {
                    throw new RejectedRow(names[easting], "(" + f[easting].trim() + ", " + f[northing].trim()
                            + ") is not a British National Grid easting/northing in metres");
                }
                double[] xy = {e, n};
                Projection.transformInPlace(xy, Projection.BNG, Projection.WGS84);
                x = xy[0];
                y = xy[1];
            }
        } else {
            x = Fields.number(names[lon], f[lon]);
            y = Fields.number(names[lat], f[lat]);
            if (!Fields.lonLat(names[lon], x, names[lat], y)) {
                x = y = Double.NaN;
            }
        }
        String cat = category != null ? category : f[categoryColumn].trim();
        if (cat.isEmpty()) {
            throw new RejectedRow(names[categoryColumn], "category is blank");
        }
        double weight = 1;
        if (count >= 0 && !f[count].isBlank()) {
            weight = Fields.number(names[count], f[count]);
            if (weight < 0) {
                throw new RejectedRow(names[count], "count must be 0 or more, not " + f[count].trim());
            }
        }
        String extra = null;
        if (vehicles >= 0 || people >= 0) {
            extra = "{" + (vehicles >= 0 ? "\"vehicles\":" + whole(vehicles, f) : "") + (vehicles >= 0 && people >= 0 ? "," : "")
                    + (people >= 0 ? "\"people\":" + whole(people, f) : "") + "}";
        }
        return new Incident(start.month, start.iso, finish == null ? null : finish.iso, cat, null, x, y,
                location >= 0 ? Fields.blankToNull(f[location]) : null, null, null, weight, extra);
    }

    private String whole(int column, String[] f) throws RejectedRow {
        if (f[column].isBlank()) {
            return "null";
        }
        try {
            return Integer.toString(Decimal.parseWhole(f[column]));
        } catch (NumberFormatException e) {
            throw new RejectedRow(names[column], "expected a whole number: " + e.getMessage());
        }
    }

    /** A date: the day in ISO form (null for month precision) and its month as yyyymm. */
    record Day(String iso, int month) {
    }

    private Day day(int column, String value) throws RejectedRow {
        String v = value.trim();
        Matcher m;
        int y, mo, d;
        if ((m = ISO.matcher(v)).matches()) {
            y = Integer.parseInt(m.group(1));
            mo = Integer.parseInt(m.group(2));
            d = Integer.parseInt(m.group(3));
        } else if ((m = UK.matcher(v)).matches()) {
            d = Integer.parseInt(m.group(1));
            mo = Integer.parseInt(m.group(2));
            y = Integer.parseInt(m.group(3));
        } else if ((m = MONTH.matcher(v)).matches()) {
            int year = Integer.parseInt(m.group(1)), month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return new Day(null, Fields.inRange(names[column], value, year * 100 + month, latestMonth));
            }
            throw new RejectedRow(names[column], "bad month '" + Text.shorten(value) + "'");
        } else {
            throw new RejectedRow(names[column], "bad date '" + Text.shorten(value) + "': expected 2020-04-17, 17/04/2020 or 2020-04");
        }
        LocalDate day;
        try {
            day = LocalDate.of(y, mo, d);
        } catch (DateTimeException e) {
            throw new RejectedRow(names[column], "bad date '" + Text.shorten(value) + "': " + e.getMessage());
        }
        return new Day(day.toString(), Fields.inRange(names[column], value, y * 100 + mo, latestMonth));
    }
}
