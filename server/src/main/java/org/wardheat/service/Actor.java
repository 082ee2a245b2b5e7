package org.wardheat.service;

/**
 * Who does something, for the audit trail: an account name (or {@code (open)} when the server runs without
 * accounts, {@code cli:USER} on the command line) and where from (a client IP address, or {@code cli}).
 */
public record Actor(String user, String address) {
    /** The command line, as the operating-system user running it. */
    public static Actor cli() {
        return new Actor("cli:" + System.getProperty("user.name", "unknown"), "cli");
    }
}
