package org.wardheat.service;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundedCacheTest {
    @Test
    void evictsTheLeastRecentlyUsedWhenOverTheByteBudget() {
        BoundedCache<String, long[]> cache = new BoundedCache<>("test", 100, v -> 8L * v.length);
        AtomicInteger computed = new AtomicInteger();
        cache.get("a", k -> { computed.incrementAndGet(); return new long[5]; }); // 40 bytes
        cache.get("b", k -> { computed.incrementAndGet(); return new long[5]; }); // 80
        cache.get("a", k -> { computed.incrementAndGet(); return new long[5]; }); // hit: a is now the most recent
        assertEquals(2, computed.get());
        cache.get("c", k -> { computed.incrementAndGet(); return new long[5]; }); // 120 > 100: b goes
        assertEquals(2, cache.size());
        assertEquals(80, cache.bytes());
        cache.get("a", k -> { computed.incrementAndGet(); return new long[5]; });
        assertEquals(3, computed.get(), "a was kept");
        cache.get("b", k -> { computed.incrementAndGet(); return new long[5]; });
        assertEquals(4, computed.get(), "b was evicted and computed again");
    }

    @Test
    void aValueOverTheBudgetIsReturnedButEvictsTheRest() {
        BoundedCache<String, long[]> cache = new BoundedCache<>("test", 100, v -> 8L * v.length);
        cache.get("small", k -> new long[2]);
        assertEquals(20, cache.get("huge", k -> new long[20]).length);
        assertEquals(1, cache.size());
        assertEquals(160, cache.bytes());
    }

    @Test
    void concurrentRequestsForOneKeyComputeOnceAndOtherKeysDoNotWait() throws Exception {
        BoundedCache<String, String> cache = new BoundedCache<>("test", 1000, v -> 1);
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        AtomicInteger computed = new AtomicInteger();
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> cache.get("slow", k -> {
            computed.incrementAndGet();
            started.countDown();
            await(release);
            return "value";
        }));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> cache.get("slow", k -> {
            computed.incrementAndGet();
            return "other";
        }));
        assertEquals("fast", cache.get("fast", k -> "fast"), "another key is served while 'slow' computes");
        release.countDown();
        assertEquals("value", first.get(10, TimeUnit.SECONDS));
        assertEquals("value", second.get(10, TimeUnit.SECONDS));
        assertEquals(1, computed.get());
    }

    @Test
    void aFailureIsNotCachedAndInvalidationDrops() {
        BoundedCache<Integer, String> cache = new BoundedCache<>("test", 1000, v -> 10);
        assertThrows(IllegalArgumentException.class, () -> cache.get(1, k -> {
            throw new IllegalArgumentException("bad");
        }));
        assertEquals(0, cache.size());
        assertEquals("ok", cache.get(1, k -> "ok"));
        cache.get(2, k -> "two");
        cache.invalidateIf(k -> k < 2);
        assertEquals(1, cache.size());
        assertEquals(10, cache.bytes());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
