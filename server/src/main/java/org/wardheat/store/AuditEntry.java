package org.wardheat.store;

/**
 * One entry of the audit trail.
 *
 * @param id      its number, in the order written
 * @param at      when, ISO-8601 UTC
 * @param user    who (an account name; {@code (open)} when the server runs without accounts, {@code (cli)} plus the
 *                operating-system user for the command line), or null when unknown (a failed login's name is in target)
 * @param address where from: the client's IP address, or {@code cli}
 * @param action  what: login, login-failed, logout, import, export, delete-dataset, delete-file, delete-area,
 *                account-add, account-role, account-disable, account-enable, account-password
 * @param target  what it was done to: dataset, layer, account or area
 * @param detail  the parameters and row counts, as JSON
 */
public record AuditEntry(long id, String at, String user, String address, String action, String target, String detail) {
}
