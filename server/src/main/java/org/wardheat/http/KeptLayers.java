package org.wardheat.http;

import org.wardheat.export.Exporter;
import org.wardheat.service.BoundedCache;
import spark.Response;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Map layers (GeoJSON bodies) kept as sent, per snapshot of the data and a key of the request (its query and
 * whether the caller sees disclosure control), bounded by bytes: a warm layer is written once, and a layer
 * of an older snapshot is dropped as soon as a newer one is seen.
 *
 * @param <K> the request's key, with equals and hashCode over everything the body depends on
 */
final class KeptLayers<K> {
    /** Makes a layer's body; may write the response's headers. */
    interface Maker {
        byte[] make() throws IOException;
    }

    /** Budget of the requests remembered as answered with a kept body: 4,096 of them. */
    static final long ASKED_BYTES = 4096L * 256;

    private record Key<K>(long snapshot, K request) {
    }

    private final BoundedCache<Key<K>, byte[]> bodies;
    /** The requests (path and query as sent, and session) answered with a kept body, per snapshot: {@link #answered}. */
    private final BoundedCache<Asked, Boolean> asked;

    private record Asked(long snapshot, String target, String session) {
    }

    /**
     * @param name     what the cache holds, for its messages
     * @param maxBytes the budget in approximate bytes
     */
    KeptLayers(String name, long maxBytes) {
        this.bodies = new BoundedCache<>(name, maxBytes, b -> 64L + b.length);
        this.asked = new BoundedCache<>(name + " asked", ASKED_BYTES, b -> 256L);
    }

    /**
     * Whether this request (its path and query as sent, and its session cookie, or "" without one) was last answered
     * with a body kept for {@code snapshot}, so that asking again will most likely be answered from memory.
     */
    boolean answered(long snapshot, String target, String session) {
        return asked.peek(new Asked(snapshot, target, session)) != null;
    }

    /**
     * The kept body for this snapshot and request, sent as {@link #send} sends it; null when none is kept (it never
     * makes one), and the request is then no longer remembered as {@link #answered}.
     */
    byte[] sendKept(Response res, long snapshot, K request, String target, String session) {
        byte[] body = bodies.peek(new Key<>(snapshot, request));
        if (body == null) {
            Asked gone = new Asked(snapshot, target, session);
            asked.invalidateIf(gone::equals);
            return null;
        }
        return sent(res, body);
    }

    /** As {@link #send}, remembering the request (path and query as sent, and session) as answered with a kept body. */
    byte[] send(Response res, long snapshot, K request, String target, String session, Maker maker) throws IOException {
        byte[] body = send(res, snapshot, request, maker);
        asked.invalidateIf(k -> k.snapshot() < snapshot);
        asked.get(new Asked(snapshot, target, session), k -> Boolean.TRUE);
        return body;
    }

    /** The kept body for this snapshot and request, else {@code maker}'s (kept); sent as GeoJSON with its length. */
    byte[] send(Response res, long snapshot, K request, Maker maker) throws IOException {
        bodies.invalidateIf(k -> k.snapshot() < snapshot);
        byte[] body;
        try {
            body = bodies.get(new Key<>(snapshot, request), k -> {
                try {
                    return maker.make();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return sent(res, body);
    }

    /** {@code body} with the response's GeoJSON type and length set. */
    private static byte[] sent(Response res, byte[] body) {
        res.type(Exporter.Format.GEOJSON.mediaType);
        res.raw().setContentLength(body.length);
        return body;
    }
}
