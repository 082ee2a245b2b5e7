package org.wardheat.query;

import org.wardheat.boundaries.Projection;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.crs.ProjectedCRS;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.wardheat.model.Period;
import org.wardheat.boundaries.AreaReader;

import javax.measure.Unit;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses parameter text into typed values, the same way for the command line and for HTTP. Every failure
 * is an {@link InvalidParameterException} naming the parameter and what is allowed; no Java exception
 * text reaches the user. Numbers are plain decimals only ({@code 12}, {@code -1.5}): no hex, exponents,
 * suffixes, NaN or infinities.
 */
public final class Values {
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d{1,15}(\\.\\d{0,15})?|\\.\\d{1,15})");
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private Values() {
    }

    /** True for a plain decimal ({@code 12}, {@code -1.5}, {@code .5}): no hex, exponent, suffix, NaN or infinity. */
    public static boolean isPlainDecimal(String text) {
        return text != null && DECIMAL.matcher(text.trim()).matches();
    }

    /** A plain decimal number. */
    public static double number(String parameter, String text, String expected) {
        String t = text == null ? "" : text.trim();
        if (!DECIMAL.matcher(t).matches()) {
            throw new InvalidParameterException(parameter, "'" + text + "' is not a number; expected " + expected);
        }
        return Double.parseDouble(t);
    }

    /** A plain decimal number in {@code range}. */
    public static double number(String parameter, String text, Range range) {
        return range.check(parameter, number(parameter, text, range.describe()));
    }

    /** A whole number in {@code range}. */
    public static long whole(String parameter, String text, Range range) {
        String t = text == null ? "" : text.trim();
        if (!WHOLE.matcher(t).matches()) {
            throw new InvalidParameterException(parameter, "'" + text + "' is not a whole number; expected " + range.describe());
        }
        long v = Long.parseLong(t);
        range.check(parameter, (double) v);
        return v;
    }

    /** A whole number that fits an {@code int}, in {@code range}. */
    public static int integer(String parameter, String text, Range range) {
        return (int) whole(parameter, text, range);
    }

    /**
     * Comma-separated numbers, each in {@code range}, at least 1 and at most {@code maxItems}, strictly
     * increasing, e.g. near-repeat distance bands {@code 200,400,600}.
     */
    public static double[] increasing(String parameter, String text, Range range, int maxItems) {
        String expected = "1 to " + maxItems + " increasing limits in " + range.describe() + ", separated by commas (e.g. 200,400,600)";
        String[] items = text == null ? new String[0] : text.split(",", -1);
        if (text == null || text.isBlank() || items.length > maxItems) {
            throw new InvalidParameterException(parameter, (text == null || text.isBlank() ? "no values" : items.length + " values")
                    + "; expected " + expected);
        }
        double[] out = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            String t = items[i].trim();
            if (!DECIMAL.matcher(t).matches()) {
                throw new InvalidParameterException(parameter, "'" + t + "' is not a number of " + range.unit() + "; expected " + expected);
            }
            out[i] = Double.parseDouble(t);
            if (!range.contains(out[i])) {
                throw new InvalidParameterException(parameter, t + " is out of range; expected " + expected);
            }
            if (i > 0 && out[i] <= out[i - 1]) {
                throw new InvalidParameterException(parameter, t + " does not follow " + items[i - 1].trim() + "; expected " + expected);
            }
        }
        return out;
    }

    /** One of the allowed words (case-insensitive), mapped to its value. */
    public static <T> T choice(String parameter, String text, Map<String, T> allowed) {
        T v = text == null ? null : allowed.get(text.trim().toLowerCase(Locale.ROOT));
        if (v == null) {
            throw new InvalidParameterException(parameter, "'" + text + "' is not allowed; expected " + String.join(", ", allowed.keySet()));
        }
        return v;
    }

    /** An enum constant as the word a parameter takes: its lower-case name. */
    public static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** The lower-case names of enum constants, in order, as the words a parameter takes. */
    public static <E extends Enum<E>> Map<String, E> words(E[] values) {
        Map<String, E> m = new LinkedHashMap<>();
        for (E e : values) {
            m.put(word(e), e);
        }
        return m;
    }

    /** {@code true}/{@code false} (also {@code 1}/{@code 0}, {@code yes}/{@code no}). */
    public static boolean flag(String parameter, String text) {
        return choice(parameter, text, Map.of("true", true, "false", false, "1", true, "0", false, "yes", true, "no", false));
    }

    /** A month {@code YYYY-MM} from {@link Limits#EARLIEST_MONTH} on. */
    public static YearMonth month(String parameter, String text) {
        String t = text == null ? "" : text.trim();
        YearMonth m = null;
        if (MONTH.matcher(t).matches()) {
            try {
                m = YearMonth.parse(t);
            } catch (DateTimeParseException e) {
                m = null;
            }
        }
        if (m == null) {
            throw new InvalidParameterException(parameter, "'" + text + "' is not a month; expected YYYY-MM, e.g. 2024-01");
        }
        if (m.isBefore(Limits.EARLIEST_MONTH)) {
            throw new InvalidParameterException(parameter, t + " is too early; expected a month from " + Limits.EARLIEST_MONTH);
        }
        return m;
    }

    /** The period {@code from}..{@code to}, both {@code YYYY-MM}; {@code to} not before {@code from}. */
    public static Period period(String fromParameter, String from, String toParameter, String to) {
        YearMonth f = month(fromParameter, from), t = month(toParameter, to);
        if (t.isBefore(f)) {
            throw new InvalidParameterException(toParameter, t + " is before " + fromParameter + " (" + f + "); expected a month from " + f);
        }
        return new Period(f, t);
    }

    /** A period written {@code YYYY-MM:YYYY-MM}. */
    public static Period period(String parameter, String text) {
        String[] parts = text == null ? new String[0] : text.trim().split(":", -1);
        if (parts.length != 2) {
            throw new InvalidParameterException(parameter, "'" + text + "' is not a period; expected YYYY-MM:YYYY-MM, e.g. 2024-01:2024-12");
        }
        return period(parameter, parts[0], parameter, parts[1]);
    }

    /** Periods {@code YYYY-MM:YYYY-MM}, separated by commas; at most {@link Limits#MAX_PERIODS}. */
    public static List<Period> periods(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String[] items = text.split(",");
        if (items.length > Limits.MAX_PERIODS) {
            throw new InvalidParameterException(parameter, items.length + " periods; expected at most " + Limits.MAX_PERIODS);
        }
        List<Period> out = new ArrayList<>();
        for (String item : items) {
            out.add(period(parameter, item));
        }
        return List.copyOf(out);
    }

    /**
     * The comparison period of {@code period}: {@code previous} (the same length just before),
     * {@code year-ago} (the same months a year earlier) or {@code YYYY-MM:YYYY-MM}.
     */
    public static Period comparison(String parameter, String text, Period period) {
        String t = text == null ? "previous" : text.trim();
        return switch (t) {
            case "previous", "" -> period.previous();
            case "year-ago" -> new Period(period.from().minusYears(1), period.to().minusYears(1));
            default -> {
                if (!t.contains(":")) {
                    throw new InvalidParameterException(parameter, "'" + text + "' is not allowed; expected previous, year-ago or YYYY-MM:YYYY-MM");
                }
                yield period(parameter, t);
            }
        };
    }

    /** A date {@code YYYY-MM-DD}. */
    public static LocalDate date(String parameter, String text) {
        try {
            LocalDate d = LocalDate.parse(text == null ? "" : text.trim());
            if (d.getYear() < Limits.EARLIEST_MONTH.getYear() || d.getYear() > 9999) {
                throw new InvalidParameterException(parameter, text + " is out of range; expected a date from " + Limits.EARLIEST_MONTH.atDay(1));
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, "'" + text + "' is not a date; expected YYYY-MM-DD, e.g. 2024-03-31");
        }
    }

    /** Names (categories, datasets, ward codes): blanks dropped, duplicates once, at most {@link Limits#MAX_LIST_ITEMS}. */
    public static List<String> names(String parameter, List<String> items) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (items != null) {
            for (String s : items) {
                if (s == null || s.isBlank()) {
                    continue;
                }
                String t = s.trim();
                if (t.length() > Limits.MAX_NAME_CHARS || t.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                    throw new InvalidParameterException(parameter, "a name of " + t.length()
                            + " characters or with control characters; expected at most " + Limits.MAX_NAME_CHARS + " printable characters");
                }
                out.add(t);
            }
        }
        if (out.size() > Limits.MAX_LIST_ITEMS) {
            throw new InvalidParameterException(parameter, out.size() + " values; expected at most " + Limits.MAX_LIST_ITEMS);
        }
        return List.copyOf(out);
    }

    /**
     * A projected CRS code whose axes are in metres, e.g. {@code EPSG:27700}. Geographic CRSs (degrees,
     * like {@code EPSG:4326}) and feet are refused, because cell sizes, bandwidths and distances are metres.
     */
    public static String projectedCrs(String parameter, String code) {
        String c = code == null ? "" : code.trim();
        if (c.equals(Projection.BNG)) {
            return c; // built in and projected in metres (ProjectionTest checks it): no need to start GeoTools to know it
        }
        CoordinateReferenceSystem crs;
        try {
            crs = Projection.crs(c);
        } catch (Exception | LinkageError e) {
            throw new InvalidParameterException(parameter, "'" + code + "' is not a known CRS code; expected a projected CRS in metres such as "
                    + Limits.DEFAULT_CRS);
        }
        if (!(crs instanceof ProjectedCRS)) {
            throw new InvalidParameterException(parameter, c + " (" + crs.getName().getCode() + ") is not projected; the CRS must be projected "
                    + "in metres, such as " + Limits.DEFAULT_CRS);
        }
        var cs = crs.getCoordinateSystem();
        for (int i = 0; i < cs.getDimension(); i++) {
            Unit<?> unit = cs.getAxis(i).getUnit();
            if (unit == null || !unit.equals(tech.units.indriya.unit.Units.METRE)) {
                throw new InvalidParameterException(parameter, c + " (" + crs.getName().getCode() + ") has axes in " + unit
                        + "; the CRS must be projected in metres, such as " + Limits.DEFAULT_CRS);
            }
        }
        return c;
    }

    /**
     * A drawn area: GeoJSON polygons in WGS84 lon/lat (a geometry, Feature or FeatureCollection) with at
     * most {@link Limits#MAX_POLYGON_VERTICES} vertices, counted before any geometry work.
     */
    public static Geometry area(String parameter, String geojson) {
        if (geojson == null || geojson.isBlank()) {
            throw new InvalidParameterException(parameter, "no area; expected GeoJSON polygons in longitude/latitude");
        }
        if (geojson.length() > Limits.MAX_AREA_CHARS) {
            throw new InvalidParameterException(parameter, geojson.length() + " characters; expected at most " + Limits.MAX_AREA_CHARS);
        }
        Geometry parsed;
        try {
            parsed = new GeoJsonReader().read(geojson);
        } catch (ParseException | RuntimeException e) {
            throw new InvalidParameterException(parameter, "not GeoJSON; expected a Polygon or MultiPolygon (or a Feature or FeatureCollection of them) in longitude/latitude");
        }
        if (parsed == null || parsed.getNumPoints() > Limits.MAX_POLYGON_VERTICES) {
            throw new InvalidParameterException(parameter, (parsed == null ? 0 : parsed.getNumPoints()) + " vertices; expected a polygon with at most "
                    + Limits.MAX_POLYGON_VERTICES + " vertices");
        }
        try {
            return AreaReader.read(geojson);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, e.getMessage());
        }
    }

    /**
     * Harm weights {@code CATEGORY:WEIGHT} separated by {@code |} (HTTP), e.g. {@code Burglary:3|Drugs:1};
     * each weight in {@link Limits#HARM_WEIGHT}.
     */
    public static Map<String, Double> weights(String parameter, String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String item : text.split("\\|")) {
            int colon = item.lastIndexOf(':');
            if (colon <= 0) {
                throw new InvalidParameterException(parameter, "'" + item + "' is not CATEGORY:WEIGHT; expected e.g. Burglary:3|Drugs:1");
            }
            out.put(item.substring(0, colon).trim(), number(parameter, item.substring(colon + 1), Limits.HARM_WEIGHT));
        }
        names(parameter, List.copyOf(out.keySet()));
        return out;
    }

    /** An age group {@code A-B} or {@code A+} ({@link Limits#AGE_YEARS}); null when {@code text} is null or blank. */
    public static org.wardheat.model.AgeGroup ageGroup(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        org.wardheat.model.AgeGroup g = org.wardheat.model.AgeGroup.parse(text);
        if (g == null) {
            throw new InvalidParameterException(parameter, "'" + org.wardheat.text.Text.shorten(text)
                    + "' is not an age group; expected FROM-TO or FROM+ in years, e.g. 16-24 or 65+");
        }
        Limits.AGE_YEARS.check(parameter, g.from());
        if (g.to() != null) {
            Limits.AGE_YEARS.check(parameter, (int) g.to());
        }
        return g;
    }
}
