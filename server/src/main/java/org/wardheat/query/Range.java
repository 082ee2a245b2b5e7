package org.wardheat.query;


/**
 * The allowed values of one numeric parameter: {@code min} to {@code max}, each end included or not,
 * with the unit in words. {@link #check} refuses a value outside it, naming the parameter.
 *
 * @param minOpen true when {@code min} itself is not allowed ("above 0")
 * @param note    why the maximum is what it is, when it depends on the request (or null)
 */
public record Range(double min, boolean minOpen, double max, String unit, String note) {

    /** {@code min} to {@code max}, both included. */
    public static Range closed(double min, double max, String unit) {
        return new Range(min, false, max, unit, null);
    }

    /** Above {@code min} (not included) up to {@code max} (included). */
    public static Range above(double min, double max, String unit) {
        return new Range(min, true, max, unit, null);
    }

    public boolean contains(double v) {
        return !Double.isNaN(v) && (minOpen ? v > min : v >= min) && v <= max;
    }

    /** E.g. "metres above 0 and at most 1000", "a whole number from 1 to 9999". */
    public String describe() {
        return unit + (minOpen ? " above " : " from ") + org.wardheat.output.Numbers.text(min) + (minOpen ? " and at most " : " to ") + org.wardheat.output.Numbers.text(max)
                + (note == null ? "" : " (" + note + ")");
    }

    /** @return {@code v} when it is in range */
    public double check(String parameter, double v) {
        if (!contains(v)) {
            throw new InvalidParameterException(parameter, org.wardheat.output.Numbers.text(v) + " is out of range; expected " + describe());
        }
        return v;
    }

    /** @return {@code v} when it is in range */
    public int check(String parameter, int v) {
        check(parameter, (double) v);
        return v;
    }

    /** Checks {@code v} unless it is {@code null} (a default applies). */
    public Double checkOptional(String parameter, Double v) {
        if (v != null) {
            check(parameter, v.doubleValue());
        }
        return v;
    }

    /** The same range with a lower maximum (e.g. a limit that depends on the cell size). */
    public Range atMost(double newMax, String why) {
        return newMax >= max ? this : new Range(min, minOpen, newMax, unit, why);
    }
}
