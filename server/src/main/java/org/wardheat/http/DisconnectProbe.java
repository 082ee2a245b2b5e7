package org.wardheat.http;

import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;

/**
 * Notices that the client of a bodiless request (GET) has closed its connection while the request is worked on.
 * Jetty reads nothing from an HTTP/1.1 connection while a request is handled, so it would not notice; the probe
 * tries a one-byte non-blocking read of the connection: end of stream means the client has gone. It is active
 * only until the response starts to be written ({@link #stop}, called by {@link PooledAnalyses} before the first
 * write) and at the latest until it completes (wrap the callback with {@link #until}), after which Jetty reads the
 * connection again: a client may send its next request on the connection as soon as it has the answer, and a byte
 * of it taken by a probe would lose that request (seen as "header parser received no bytes" under load). A byte
 * read while the request is worked on (a pipelined request, which browsers and curl never send) stops the probe
 * too; that request is then lost.
 */
final class DisconnectProbe implements BooleanSupplier {
    private final EndPoint endPoint;
    private boolean active = true;
    private boolean gone;

    DisconnectProbe(EndPoint endPoint) {
        this.endPoint = endPoint;
    }

    /** True once the client has gone; probes the connection while the response is not complete. */
    @Override
    public synchronized boolean getAsBoolean() {
        if (active) {
            try {
                ByteBuffer one = BufferUtil.allocate(1);
                int n = endPoint.fill(one);
                gone = n < 0;
                active = n == 0;
            } catch (IOException e) {
                gone = true;
                active = false;
            }
        }
        return gone;
    }

    /** Ends the probing (waiting for a probe under way): from now on the connection is Jetty's alone. */
    synchronized void stop() {
        active = false;
    }

    /** {@code callback}, which first ends the probing (waiting for a probe under way) when the response completes. */
    Callback until(Callback callback) {
        return new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                stop();
                super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                stop();
                super.failed(x);
            }
        };
    }
}
