package org.wardheat.store;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of {@code access.db}: accounts, the audit trail and who saved each focus area. A file of its own beside {@code wardheat.db}
 * so that a login or an audit entry never changes the incident store's data version (which would make every
 * analysis reload its snapshot). The audit table refuses UPDATE and DELETE by triggers: entries are only added.
 */
final class AccessSchema {
    static final String FILE_NAME = "access.db";
    static final int VERSION = 1;

    private AccessSchema() {
    }

    static void migrate(Statement s, Path dataDir) throws SQLException {
        int version;
        try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        if (version > VERSION) {
            throw new StoreException(dataDir.resolve(FILE_NAME) + " was written by a newer wardheat (schema " + version + ")");
        }
        if (version < 1) {
            s.execute("""
                    CREATE TABLE account (
                      name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL,
                      disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)""");
            s.execute("""
                    CREATE TABLE audit (
                      id INTEGER PRIMARY KEY, at TEXT NOT NULL, user TEXT, address TEXT, action TEXT NOT NULL,
                      target TEXT, detail TEXT)""");
            s.execute("CREATE INDEX audit_at ON audit(at)");
            s.execute("CREATE TABLE area_owner (area_id INTEGER PRIMARY KEY, owner TEXT NOT NULL)");
            s.execute("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END");
            s.execute("CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END");
            s.execute("PRAGMA user_version=1");
        }
    }
}
