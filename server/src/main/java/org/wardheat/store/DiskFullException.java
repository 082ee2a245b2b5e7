package org.wardheat.store;

import java.nio.file.Path;

/**
 * SQLite reported {@code SQLITE_FULL}: the disk (or file system) holding the data directory has no room
 * left. The write transaction was rolled back, so the store is as it was before; the message names the
 * data directory and keeps SQLite's own words.
 */
public final class DiskFullException extends StoreException {
    DiskFullException(Path dataDir, Throwable cause) {
        super("disk full: no room left for the data directory " + dataDir + " (" + SqliteError.text(cause)
                + "); nothing of this change was stored; free some space and retry", cause);
    }
}
