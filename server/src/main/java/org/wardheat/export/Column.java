package org.wardheat.export;


/**
 * A column of a {@link FeatureTable}: its name, its declared type and its one rounding rule. Values are
 * converted and rounded once, when a row is added, so every format (CSV, GeoJSON, GeoPackage) writes the
 * same value, and {@link org.wardheat.output.Numbers#text(Number)} gives every format the same digits.
 *
 * @param name   the column name, e.g. {@code rate_per_1000}
 * @param type   text, whole number or decimal
 * @param digits for {@link Type#REAL}: decimal places, or significant digits when {@code significant};
 *               negative for no rounding
 */
public record Column(String name, Type type, int digits, boolean significant) {
    /**
     * Text, a whole number, a decimal, a series of whole numbers (e.g. a monthly count series), or a JSON
     * value (a map of counts by period): JSON in GeoJSON, its JSON text in CSV and GeoPackage.
     */
    public enum Type { TEXT, INTEGER, REAL, SERIES, JSON }

    public static Column text(String name) {
        return new Column(name, Type.TEXT, -1, false);
    }

    public static Column integer(String name) {
        return new Column(name, Type.INTEGER, -1, false);
    }

    /** A series of whole numbers: a JSON array in GeoJSON, numbers separated by {@code ;} in CSV and GeoPackage. */
    public static Column series(String name) {
        return new Column(name, Type.SERIES, -1, false);
    }

    /** A JSON value (e.g. a map of counts by period), kept as it is. */
    public static Column json(String name) {
        return new Column(name, Type.JSON, -1, false);
    }

    /** A decimal rounded half up to {@code places} decimal places. */
    public static Column decimal(String name, int places) {
        return new Column(name, Type.REAL, places, false);
    }

    /** A decimal rounded to {@code digits} significant digits (for values of any magnitude, e.g. densities). */
    public static Column significant(String name, int digits) {
        return new Column(name, Type.REAL, digits, true);
    }

    /**
     * The value as this column stores it: text as {@link String}; whole numbers as {@link Long}; decimals as
     * rounded {@link Double}; {@code null}, NaN and infinities as {@code null}.
     *
     * @throws IllegalArgumentException when a number column is given text (a programming error)
     */
    public Object normalise(Object value) {
        if (value == null) {
            return null;
        }
        if (type == Type.TEXT) {
            return value.toString();
        }
        if (type == Type.JSON) {
            return new JsonValue(value);
        }
        if (type == Type.SERIES) {
            if (!(value instanceof long[] series)) {
                throw new IllegalArgumentException("column " + name + " holds a long[] series, not " + value.getClass().getSimpleName());
            }
            return java.util.Arrays.stream(series).boxed().toList();
        }
        if (value instanceof Boolean b) {
            return type == Type.INTEGER ? (Object) (b ? 1L : 0L) : (Object) (b ? 1.0 : 0.0);
        }
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("column " + name + " holds numbers, not '" + value + "'");
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return null;
        }
        if (type == Type.INTEGER) {
            return n instanceof Long || n instanceof Integer || n instanceof Short ? n.longValue() : Math.round(d);
        }
        return round(d);
    }

    private double round(double d) {
        if (digits < 0 || d == 0) {
            return d;
        }
        if (d == Math.rint(d) && Math.abs(d) < (significant ? Math.pow(10, digits) : 1e15)) {
            return d; // a whole number within the digits kept: rounding leaves it as it is
        }
        if (significant) {
            return SignificantDigits.round(d, digits);
        }
        return DecimalPlaces.round(d, digits);
    }

    /** A value a {@link Type#JSON} column holds: written as JSON in GeoJSON, as JSON text elsewhere. */
    public record JsonValue(Object value) {
    }
}
