package org.wardheat.http;

/** A request refused by {@link AccessGate}: 401 (not signed in), 403 (role or CSRF token), 429 (throttled). */
final class AccessDeniedException extends RuntimeException {
    private final int status;

    AccessDeniedException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
