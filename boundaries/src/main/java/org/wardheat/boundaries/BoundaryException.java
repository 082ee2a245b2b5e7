package org.wardheat.boundaries;

/**
 * A boundary or population file that cannot be used as it is. The message names the file and, where
 * it can, the feature or line and the property at fault, in words an analyst can act on.
 */
public class BoundaryException extends RuntimeException {
    public BoundaryException(String message) {
        super(message);
    }

    public BoundaryException(String message, Throwable cause) {
        super(message, cause);
    }
}
