package org.wardheat.service;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.wardheat.model.Role;
import org.wardheat.store.Account;
import org.wardheat.store.AuditEntry;
import org.wardheat.store.ImportLog;
import org.wardheat.store.NotFoundException;
import org.wardheat.store.Store;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Accounts, sign-in, deletion of data, and the audit trail that records them. Passwords are hashed with bcrypt
 * (cost {@link #COST}); a password is never stored, logged or put in an exception message. Every account change,
 * sign-in (and failed one), deletion, and whatever callers report through {@link #record} is written to the
 * audit trail with who, from where and what.
 */
public final class AccessService {
    /** bcrypt cost: 2^12 rounds, about 0.2–0.3 s per hash on one core. */
    public static final int COST = 12;
    public static final int MIN_PASSWORD_CHARS = 12;
    /** bcrypt reads at most 72 bytes of a password; a longer one is refused rather than silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final LoginThrottle throttle;

    /** Checked against when the account does not exist, so that a wrong name takes as long as a wrong password. */
    private static final class Dummy {
        static final String HASH = BCrypt.withDefaults().hashToString(COST, "not a password of anyone".toCharArray());
    }

    public AccessService(Store store, Clock clock) {
        this.store = store;
        this.throttle = new LoginThrottle(clock);
    }

    public AccessService(Store store) {
        this(store, Clock.systemUTC());
    }

    /** True when at least one account exists (the server then requires sign-in). */
    public boolean hasAccounts() {
        return store.accounts().count() > 0;
    }

    public boolean hasAdmin() {
        return store.accounts().hasAdmin();
    }

    public List<Account> accounts() {
        return store.accounts().list();
    }

    public Account add(Actor actor, String name, Role role, char[] password) {
        checkName(name);
        String hash = hash(password);
        Account a = store.accounts().add(name, role, hash);
        record(actor, "account-add", name, Map.of("role", role.word()));
        return a;
    }

    public void setRole(Actor actor, String name, Role role) {
        Role before = account(name).role();
        store.accounts().setRole(name, role);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", before.word());
        change.put("to", role.word());
        record(actor, "account-role", name, change);
    }

    public void setDisabled(Actor actor, String name, boolean disabled) {
        account(name);
        store.accounts().setDisabled(name, disabled);
        record(actor, disabled ? "account-disable" : "account-enable", name, Map.of());
    }

    public void resetPassword(Actor actor, String name, char[] password) {
        account(name);
        store.accounts().setPasswordHash(name, hash(password));
        record(actor, "account-password", name, Map.of());
    }

    /**
     * The enabled account whose password this is, or empty (recorded as a failed sign-in, and counted by the
     * throttle).
     *
     * @throws TooManyAttemptsException when the account or the address has failed too often lately (recorded too)
     */
    public Optional<Account> signIn(String name, char[] password, String address) {
        String who = name == null ? "" : name.length() > 64 ? name.substring(0, 64) : name;
        long wait = throttle.waitSeconds(who, address);
        if (wait > 0) {
            record(new Actor(null, address), "login-throttled", who, Map.of("retry_after_s", wait));
            throw new TooManyAttemptsException(wait);
        }
        Optional<Account> account = NAME.matcher(who).matches() ? store.accounts().find(who) : Optional.empty();
        boolean ok = BCrypt.verifyer().verify(password, account.map(Account::passwordHash).orElse(Dummy.HASH)).verified
                && account.isPresent() && !account.get().disabled();
        if (!ok) {
            throttle.failed(who, address);
            record(new Actor(null, address), "login-failed", who,
                    Map.of("reason", account.isEmpty() ? "no such account" : account.get().disabled() ? "disabled" : "wrong password"));
            return Optional.empty();
        }
        throttle.succeeded(who);
        record(new Actor(who, address), "login", who, Map.of("role", account.get().role().word()));
        return account;
    }

    /** The account as stored now, for a session to re-check (a disabled account or a changed role takes effect at once). */
    public Optional<Account> current(String name) {
        return store.accounts().find(name);
    }

    /** Deletes a dataset and its rows, recorded. */
    public ImportLog.Deletion deleteDataset(Actor actor, String dataset) {
        ImportLog.Deletion d = store.importLog().deleteDataset(dataset);
        record(actor, "delete-dataset", dataset, Map.of("files", d.files(), "rows", d.rows()));
        return d;
    }

    /** Deletes one imported file of a dataset and its rows, recorded. */
    public ImportLog.Deletion deleteFile(Actor actor, String dataset, long fileId) {
        ImportLog.Deletion d = store.importLog().deleteFile(dataset, fileId);
        record(actor, "delete-file", dataset, Map.of("file_id", fileId, "files", d.files(), "rows", d.rows()));
        return d;
    }

    /** Records an import: dataset, boundary set, files (name, SHA-256, whether already imported), row counts and options. */
    public AuditEntry recordImport(Actor actor, org.wardheat.imports.ImportReport report, Map<String, ?> options) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("boundaries", report.boundaries());
        detail.put("files", report.files().stream().map(f -> Map.of("source", f.source(), "sha256", f.sha256(),
                "already_imported", f.alreadyImported())).toList());
        detail.put("rows", report.totals());
        detail.put("options", options);
        return record(actor, "import", report.dataset(), detail);
    }

    /** Adds an entry to the audit trail; {@code detail} is written as JSON. */
    public AuditEntry record(Actor actor, String action, String target, Map<String, ?> detail) {
        String json;
        try {
            json = JSON.writeValueAsString(new LinkedHashMap<>(detail));
        } catch (JsonProcessingException e) {
            json = "{\"unwritable\":" + JSON.valueToTree(String.valueOf(detail)) + "}";
        }
        return store.audit().record(actor.user(), actor.address(), action, target, json);
    }

    public List<AuditEntry> audit(Instant from, Instant to, String user, int limit) {
        return store.audit().list(from, to, user, limit);
    }

    private Account account(String name) {
        return store.accounts().find(name).orElseThrow(() -> new NotFoundException("no account '" + name + "'"));
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an account name is 1 to 64 letters, digits and . _ @ -, starting with a letter or digit");
        }
    }

    private static String hash(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_CHARS) {
            throw new IllegalArgumentException("a password needs at least " + MIN_PASSWORD_CHARS + " characters");
        }
        byte[] bytes = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)).array();
        int length = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)).remaining();
        Arrays.fill(bytes, (byte) 0);
        if (length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("a password may be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8 (bcrypt reads no more)");
        }
        return BCrypt.withDefaults().hashToString(COST, password);
    }
}
