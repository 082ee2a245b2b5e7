package org.wardheat.service;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * A thread-safe least-recently-used cache bounded by the approximate bytes of its values. A value is
 * computed once per key, outside the cache's lock, so requests for other keys never wait for it, and
 * concurrent requests for the same key wait for the one computation. A failed computation is not kept.
 * When the total weight passes the budget, the least recently used values are dropped (the value just
 * computed stays, even alone over budget, for its caller).
 *
 * @param <K> the key; its {@code equals} must cover everything the value depends on
 */
public final class BoundedCache<K, V> {
    private final String name;
    private final long maxBytes;
    private final ToLongFunction<V> bytesOf;
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    private static final class Entry<V> {
        final CompletableFuture<V> value = new CompletableFuture<>();
        long bytes;
    }

    /**
     * @param maxBytes the budget in bytes for all values
     * @param bytesOf  a value's approximate size in bytes
     */
    public BoundedCache(String name, long maxBytes, ToLongFunction<V> bytesOf) {
        this.name = name;
        this.maxBytes = maxBytes;
        this.bytesOf = bytesOf;
    }

    /** The cached value for {@code key}, computing it with {@code compute} when absent. */
    public V get(K key, Function<K, V> compute) {
        Entry<V> entry;
        boolean mine = false;
        synchronized (this) {
            entry = entries.get(key);
            if (entry == null) {
                entry = new Entry<>();
                entries.put(key, entry);
                mine = true;
            }
        }
        if (mine) {
            try {
                V value = compute.apply(key);
                entry.value.complete(value);
                settle(key, entry, bytesOf.applyAsLong(value));
                return value;
            } catch (RuntimeException | Error e) {
                entry.value.completeExceptionally(e);
                remove(key, entry);
                throw e;
            }
        }
        try {
            return entry.value.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the " + name + " cache", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private synchronized void settle(K key, Entry<V> entry, long size) {
        if (entries.get(key) != entry) {
            return; // dropped meanwhile (invalidated)
        }
        entry.bytes = size;
        bytes += size;
        Iterator<Map.Entry<K, Entry<V>>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Map.Entry<K, Entry<V>> e = eldest.next();
            if (e.getValue() != entry && e.getValue().value.isDone()) {
                bytes -= e.getValue().bytes;
                eldest.remove();
            }
        }
    }

    private synchronized void remove(K key, Entry<V> entry) {
        if (entries.get(key) == entry) {
            entries.remove(key);
            bytes -= entry.bytes;
        }
    }

    /**
     * The value kept for {@code key} (counted as a use), or null when none is kept yet or its computation failed;
     * never computes.
     */
    public V peek(K key) {
        Entry<V> entry;
        synchronized (this) {
            entry = entries.get(key);
        }
        return entry != null && entry.value.isDone() && !entry.value.isCompletedExceptionally() ? entry.value.getNow(null) : null;
    }

    /** Drops the values whose keys match. */
    public synchronized void invalidateIf(Predicate<K> stale) {
        Iterator<Map.Entry<K, Entry<V>>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<K, Entry<V>> e = it.next();
            if (stale.test(e.getKey())) {
                bytes -= e.getValue().bytes;
                it.remove();
            }
        }
    }

    /** The approximate bytes held. */
    public synchronized long bytes() {
        return bytes;
    }

    public synchronized int size() {
        return entries.size();
    }
}
