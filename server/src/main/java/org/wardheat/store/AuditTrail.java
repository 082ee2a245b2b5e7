package org.wardheat.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail in {@code access.db}: entries are added, never changed or removed (triggers refuse UPDATE
 * and DELETE, and this class has no method for either).
 */
public final class AuditTrail {
    private final Database db;

    AuditTrail(Database db) {
        this.db = db;
    }

    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    /** A fixed-width UTC time stamp (milliseconds), so that text order is time order. */
    static String stamp(Instant t) {
        return STAMP.format(t);
    }

    /** Adds an entry stamped now and returns it. */
    public AuditEntry record(String user, String address, String action, String target, String detailJson) {
        String now = stamp(Instant.now());
        long id = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit (at, user, address, action, target, detail) VALUES (?,?,?,?,?,?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, now);
                ps.setString(2, user);
                ps.setString(3, address);
                ps.setString(4, action);
                ps.setString(5, target);
                ps.setString(6, detailJson);
                ps.executeUpdate();
                ResultSet keys = ps.getGeneratedKeys();
                keys.next();
                return keys.getLong(1);
            }
        });
        return new AuditEntry(id, now, user, address, action, target, detailJson);
    }

    /**
     * Entries in the order written, at or after {@code from} and before {@code to} (either null for no bound),
     * by {@code user} when not null; at most {@code limit}, the latest ones.
     */
    public List<AuditEntry> list(Instant from, Instant to, String user, int limit) {
        return db.read(c -> {
            StringBuilder sql = new StringBuilder("SELECT id, at, user, address, action, target, detail FROM audit WHERE 1=1");
            List<String> args = new ArrayList<>();
            if (from != null) {
                sql.append(" AND at >= ?");
                args.add(stamp(from));
            }
            if (to != null) {
                sql.append(" AND at < ?");
                args.add(stamp(to));
            }
            if (user != null) {
                sql.append(" AND user = ?");
                args.add(user);
            }
            sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, limit));
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                ResultSet rs = ps.executeQuery();
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7)));
                }
            }
            java.util.Collections.reverse(out);
            return out;
        });
    }
}
