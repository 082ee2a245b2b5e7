package org.wardheat.query;

/**
 * A parameter of a query is missing, malformed or out of its stated range ({@link Limits}). The message
 * names the parameter and says what is allowed; the CLI prints it with exit code 2, HTTP answers 400
 * {@code {"error": message, "parameter": parameter}}.
 */
public final class InvalidParameterException extends IllegalArgumentException {
    private final String parameter;
    private final String reason;

    /**
     * @param parameter the parameter as the HTTP API names it, e.g. {@code neighbour_distance} (the CLI
     *                  option is {@code --neighbour-distance})
     * @param reason    what is wrong and what is allowed, e.g. {@code -1 is out of range; expected metres above 0}
     */
    public InvalidParameterException(String parameter, String reason) {
        super(parameter + ": " + reason);
        this.parameter = parameter;
        this.reason = reason;
    }

    public String parameter() {
        return parameter;
    }

    public String reason() {
        return reason;
    }

    /** The parameter as a command-line option: {@code neighbour_distance} is {@code --neighbour-distance}. */
    public String option() {
        return "--" + parameter.replace('_', '-');
    }
}
