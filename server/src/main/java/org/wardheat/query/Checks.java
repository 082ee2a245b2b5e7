package org.wardheat.query;

/** Small checks shared by the query records. */
final class Checks {
    private Checks() {
    }

    /** @return {@code value} when it is given */
    static String required(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(parameter, "missing");
        }
        if (value.length() > Limits.MAX_NAME_CHARS) {
            throw new InvalidParameterException(parameter, value.length() + " characters; expected at most " + Limits.MAX_NAME_CHARS);
        }
        return value.trim();
    }

    /** @return {@code value}, trimmed, or null when it is absent */
    static String optional(String parameter, String value) {
        return value == null || value.isBlank() ? null : required(parameter, value);
    }
}
