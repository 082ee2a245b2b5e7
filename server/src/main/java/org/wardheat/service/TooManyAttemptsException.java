package org.wardheat.service;

/** A login refused because of too many failures for the account or the address; try again after {@link #retryAfterSeconds()}. */
public final class TooManyAttemptsException extends RuntimeException {
    private final long retryAfterSeconds;

    public TooManyAttemptsException(long retryAfterSeconds) {
        super("too many failed sign-ins; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
