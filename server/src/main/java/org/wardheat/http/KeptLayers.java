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

    private record Key<K>(long snapshot, K request) {
    }

    private final BoundedCache<Key<K>, byte[]> bodies;

    /**
     * @param name     what the cache holds, for its messages
     * @param maxBytes the budget in approximate bytes
     */
    KeptLayers(String name, long maxBytes) {
        this.bodies = new BoundedCache<>(name, maxBytes, b -> 64L + b.length);
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
        res.type(Exporter.Format.GEOJSON.mediaType);
        res.raw().setContentLength(body.length);
        return body;
    }
}
