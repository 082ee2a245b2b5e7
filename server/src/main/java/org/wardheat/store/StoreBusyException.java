package org.wardheat.store;

/**
 * The store could not be written because another write (an import, by this process or another on the
 * same data directory) held it for longer than {@link Database#BUSY_TIMEOUT_MS}. Nothing was changed;
 * the same request can simply be made again later.
 */
public final class StoreBusyException extends StoreException {
    /** A client's suggested wait before retrying, in seconds (HTTP {@code Retry-After}). */
    public static final int RETRY_AFTER_SECONDS = 10;
    public static final String MESSAGE = "another import is running on this data directory; retry when it has finished";

    StoreBusyException(Throwable cause) {
        super(MESSAGE, cause);
    }
}
