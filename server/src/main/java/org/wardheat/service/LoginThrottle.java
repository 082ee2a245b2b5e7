package org.wardheat.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Limits failed logins: at most {@link #PER_ACCOUNT} failures for one account name and {@link #PER_ADDRESS}
 * from one client address within {@link #WINDOW}; past either, further attempts are refused (without checking
 * the password) until the oldest failure leaves the window. A successful login clears its account's failures.
 * Memory is bounded: at most {@link #MAX_KEYS} names and addresses are tracked, the least recently failed dropped.
 */
public final class LoginThrottle {
    public static final int PER_ACCOUNT = 5;
    public static final int PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds to wait before {@code name} may try again from {@code address}; 0 when it may now. */
    public synchronized long waitSeconds(String name, String address) {
        long now = clock.millis();
        return Math.max(wait(key("account", name), PER_ACCOUNT, now), wait(key("address", address), PER_ADDRESS, now));
    }

    public synchronized void failed(String name, String address) {
        long now = clock.millis();
        failures.computeIfAbsent(key("account", name), k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent(key("address", address), k -> new ArrayDeque<>()).addLast(now);
    }

    public synchronized void succeeded(String name) {
        failures.remove(key("account", name));
    }

    private long wait(String key, int limit, long now) {
        Deque<Long> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        long start = now - WINDOW.toMillis();
        for (Iterator<Long> it = d.iterator(); it.hasNext(); ) {
            if (it.next() <= start) {
                it.remove();
            }
        }
        if (d.size() < limit) {
            return 0;
        }
        return Math.max(1, (d.peekFirst() - start + 999) / 1000);
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value.toLowerCase(java.util.Locale.ROOT));
    }
}
