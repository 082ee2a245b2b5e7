package org.wardheat.text;

import java.io.IOException;

/** Input beyond one of the {@link InputLimits}; the message names the input and the limit. */
public final class InputLimitException extends IOException {
    public InputLimitException(String message) {
        super(message);
    }
}
