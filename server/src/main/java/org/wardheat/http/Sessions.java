package org.wardheat.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sign-in sessions, in memory (a restart signs everyone out): a random 256-bit id (the cookie) and a random
 * 256-bit CSRF token per session. A session ends after {@link #IDLE} without a request or {@link #ABSOLUTE}
 * after sign-in, whichever comes first, and on sign-out. At most {@link #MAX_SESSIONS} live at once; the
 * oldest is ended to make room.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(10);
    static final int MAX_SESSIONS = 10_000;

    /** One signed-in session. */
    record Session(String id, String user, String csrf, long createdMillis, long lastSeenMillis) {
    }

    private final Map<String, Session> live = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    Session start(String user) {
        long now = clock.millis();
        purge(now);
        if (live.size() >= MAX_SESSIONS) {
            live.values().stream().min(java.util.Comparator.comparingLong(Session::createdMillis)).ifPresent(s -> live.remove(s.id()));
        }
        Session s = new Session(token(), user, token(), now, now);
        live.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle clock restarted; empty when unknown or expired. */
    Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        Session s = live.get(id);
        if (s == null) {
            return Optional.empty();
        }
        if (expired(s, now)) {
            live.remove(id);
            return Optional.empty();
        }
        Session touched = new Session(s.id(), s.user(), s.csrf(), s.createdMillis(), now);
        live.replace(id, s, touched);
        return Optional.of(touched);
    }

    void end(String id) {
        if (id != null) {
            live.remove(id);
        }
    }

    /** Ends every session of {@code user} (disabled, or role changed). */
    void endAll(String user) {
        live.values().removeIf(s -> s.user().equals(user));
    }

    private boolean expired(Session s, long now) {
        return now - s.lastSeenMillis() >= IDLE.toMillis() || now - s.createdMillis() >= ABSOLUTE.toMillis();
    }

    private void purge(long now) {
        for (Iterator<Session> it = live.values().iterator(); it.hasNext(); ) {
            if (expired(it.next(), now)) {
                it.remove();
            }
        }
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
