package org.wardheat.imports;

/** A file that cannot be imported at all (unreadable, truncated, not the expected format). Nothing is stored. */
public class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
