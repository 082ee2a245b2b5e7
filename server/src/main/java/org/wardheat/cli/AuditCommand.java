package org.wardheat.cli;

import org.wardheat.service.AccessService;
import org.wardheat.service.Workspace;
import org.wardheat.store.AuditEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

/** {@code wardheat audit [--from --to --user]}: the audit trail, oldest first, one entry a line (tab-separated). */
@Command(name = "audit", description = "List the audit trail: sign-ins, imports, exports, deletions and account changes.")
final class AuditCommand implements Callable<Integer> {
    @Mixin
    DataOption data;
    @Option(names = "--from", paramLabel = "DATE", description = "From this day (YYYY-MM-DD, UTC) or instant (2026-11-23T10:00:00Z).")
    String from;
    @Option(names = "--to", paramLabel = "DATE", description = "Before this day (YYYY-MM-DD, UTC, exclusive) or instant.")
    String to;
    @Option(names = "--user", paramLabel = "NAME", description = "Only this user's entries.")
    String user;
    @Option(names = "--limit", defaultValue = "10000", description = "At most this many entries, the latest (1 to 1000000; default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1 || limit > 1_000_000) {
            throw new IllegalArgumentException("--limit must be between 1 and 1000000, not " + limit);
        }
        Instant f = instant("--from", from);
        Instant t = instant("--to", to);
        try (Workspace ws = data.open()) {
            System.out.println("at\tuser\taddress\taction\ttarget\tdetail");
            for (AuditEntry e : new AccessService(ws.store()).audit(f, t, user, limit)) {
                System.out.println(String.join("\t", e.at(), String.valueOf(e.user()), String.valueOf(e.address()), e.action(),
                        String.valueOf(e.target()), String.valueOf(e.detail())));
            }
        }
        return 0;
    }

    static Instant instant(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(option + " is a date (2026-11-23) or an instant (2026-11-23T10:00:00Z), not '" + text + "'");
        }
    }
}
