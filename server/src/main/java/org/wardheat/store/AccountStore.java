package org.wardheat.store;

import org.wardheat.model.Role;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Accounts (name, role, bcrypt hash, disabled flag) in {@code access.db}. Hashing is the caller's: this class stores what it is given. */
public final class AccountStore {
    private static final String COLUMNS = "name, role, password_hash, disabled, created_at, updated_at";
    private final Database db;

    AccountStore(Database db) {
        this.db = db;
    }

    /** Adds an account; fails if the name is taken. */
    public Account add(String name, Role role, String passwordHash) {
        String now = Instant.now().toString();
        db.inTransaction(c -> {
            if (find(c, name).isPresent()) {
                throw new IllegalArgumentException("there is already an account '" + name + "'");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO account (" + COLUMNS + ") VALUES (?,?,?,0,?,?)")) {
                ps.setString(1, name);
                ps.setString(2, role.word());
                ps.setString(3, passwordHash);
                ps.setString(4, now);
                ps.setString(5, now);
                return ps.executeUpdate();
            }
        });
        return find(name).orElseThrow();
    }

    public Optional<Account> find(String name) {
        return db.read(c -> find(c, name));
    }

    private static Optional<Account> find(java.sql.Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM account WHERE name = ?")) {
            ps.setString(1, name);
            ResultSet rs = ps.executeQuery();
            return rs.next() ? Optional.of(account(rs)) : Optional.empty();
        }
    }

    /** Every account, by name. */
    public List<Account> list() {
        return db.read(c -> {
            List<Account> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM account ORDER BY name")) {
                while (rs.next()) {
                    out.add(account(rs));
                }
            }
            return out;
        });
    }

    /** How many accounts there are, disabled ones included. */
    public int count() {
        return list().size();
    }

    /** True when an enabled admin account exists. */
    public boolean hasAdmin() {
        return list().stream().anyMatch(a -> a.role() == Role.ADMIN && !a.disabled());
    }

    public void setRole(String name, Role role) {
        update(name, "role", role.word());
    }

    public void setDisabled(String name, boolean disabled) {
        update(name, "disabled", disabled ? 1 : 0);
    }

    public void setPasswordHash(String name, String hash) {
        update(name, "password_hash", hash);
    }

    private void update(String name, String column, Object value) {
        boolean found = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE account SET " + column + " = ?, updated_at = ? WHERE name = ?")) {
                ps.setObject(1, value);
                ps.setString(2, Instant.now().toString());
                ps.setString(3, name);
                return ps.executeUpdate() == 1;
            }
        });
        if (!found) {
            throw new NotFoundException("no account '" + name + "'");
        }
    }

    private static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString(1), Role.of(rs.getString(2)), rs.getString(3), rs.getInt(4) != 0, rs.getString(5), rs.getString(6));
    }
}
