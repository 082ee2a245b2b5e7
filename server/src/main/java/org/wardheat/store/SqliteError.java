package org.wardheat.store;

import java.sql.SQLException;

/** SQLite's primary result code of a failure, read from the first {@link SQLException} in its cause chain. */
final class SqliteError {
    static final int NONE = -1;
    static final int BUSY = 5;
    static final int LOCKED = 6;
    static final int FULL = 13;

    private SqliteError() {
    }

    /** The primary result code (extended codes reduced to their low byte), or {@link #NONE} if SQLite did not fail. */
    static int code(Throwable failure) {
        SQLException e = sqlException(failure);
        if (e == null) {
            return NONE;
        }
        int code = e.getErrorCode() & 0xff;
        if (code == 0 && e.getMessage() != null) { // a wrapper that kept only SQLite's text
            String m = e.getMessage();
            code = m.contains("[SQLITE_FULL]") ? FULL : m.contains("[SQLITE_BUSY") ? BUSY : m.contains("[SQLITE_LOCKED") ? LOCKED : 0;
        }
        return code;
    }

    /** SQLite's text of the failure ({@code [SQLITE_FULL] ... (database or disk is full)}), or the failure's message. */
    static String text(Throwable failure) {
        SQLException e = sqlException(failure);
        return e != null ? e.getMessage() : failure.getMessage();
    }

    private static SQLException sqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                return e;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
