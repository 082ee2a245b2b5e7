package org.wardheat.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.util.List;

/**
 * Runs the expensive analysis routes — {@code /api/hotspots/*}, {@code /api/near-repeat}, {@code /api/repeats},
 * {@code /api/area-summary}, {@code /api/strategic}, {@code /api/export/*}, {@code /ogc/collections/*} — in the {@link AnalysisPool} instead
 * of on Jetty's request thread: 503 with {@code Retry-After} when the pool is full; the analysis is interrupted
 * when its client disconnects or its time budget runs out (the route then answers 503 naming the budget).
 * Everything else goes straight on, and so does a request the {@link FastLane} says is answered from memory (a
 * map layer kept as sent, asked again by the same session): it takes no slot, so a full pool does not refuse it.
 */
final class PooledAnalyses extends Handler.Wrapper {
    static final List<String> PREFIXES = List.of("/api/hotspots/", "/api/near-repeat", "/api/repeats",
            "/api/area-summary", "/api/strategic", "/api/trends", "/api/priorities", "/api/export/", "/ogc/collections/");
    static final int RETRY_AFTER_SECONDS = 5;

    /**
     * Says whether a request (path and query as sent, and its session cookie or null) will be answered from memory,
     * so it needs no slot in the pool.
     */
    interface FastLane {
        boolean answersFromMemory(String path, String query, String sessionCookie);
    }

    /** Set while a request let past the pool runs on Jetty's thread: its route must not start an analysis. */
    private static final ThreadLocal<Boolean> UNPOOLED = new ThreadLocal<>();

    private final AnalysisPool pool;
    private final FastLane lane;

    PooledAnalyses(Handler next, AnalysisPool pool, FastLane lane) {
        super(next);
        this.pool = pool;
        this.lane = lane;
    }

    /** Whether the current request was let past the pool ({@link FastLane}): its route answers from memory or 503. */
    static boolean unpooled() {
        return Boolean.TRUE.equals(UNPOOLED.get());
    }

    private boolean fromMemory(Request request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String session = null;
        for (org.eclipse.jetty.http.HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(AccessGate.COOKIE)) {
                session = c.getValue();
            }
        }
        return lane.answersFromMemory(request.getHttpURI().getPath(), request.getHttpURI().getQuery(), session);
    }

    static boolean expensive(String path) {
        for (String p : PREFIXES) {
            if (path.startsWith(p) && (p.endsWith("/") || path.length() == p.length())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!expensive(request.getHttpURI().getPath())) {
            return super.handle(request, response, callback);
        }
        if (fromMemory(request)) { // a kept layer asked again: no slot needed (the route sends it, or 503 if it has gone)
            UNPOOLED.set(Boolean.TRUE);
            try {
                return super.handle(request, response, callback);
            } finally {
                UNPOOLED.remove();
            }
        }
        boolean bodiless = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) <= 0
                && !request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        DisconnectProbe probe = bodiless ? new DisconnectProbe(request.getConnectionMetaData().getConnection().getEndPoint()) : null;
        Callback done = probe == null ? callback : probe.until(callback);
        Response answer = probe == null ? response : new Response.Wrapper(request, response) {
            @Override
            public void write(boolean last, java.nio.ByteBuffer content, Callback written) {
                // no probe once the answer is being written: the client may send its next request on this connection
                // as soon as it has the answer, and a probe would take that request's first byte
                probe.stop();
                super.write(last, content, written);
            }
        };
        AnalysisPool.Job job = pool.submit(() -> {
            try {
                if (!super.handle(request, answer, done)) {
                    Response.writeError(request, answer, done, 404);
                }
            } catch (Throwable t) {
                Response.writeError(request, answer, done, 500, null, t);
            }
        }, () -> Response.writeError(request, answer, done, 503, "the analysis was cancelled before it started"));
        if (job == null) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            Response.writeError(request, response, done, 503, "the server is busy with " + pool.running()
                    + " analyses and " + pool.waiting() + " waiting; retry in " + RETRY_AFTER_SECONDS + " s");
            return true;
        }
        request.addFailureListener(failure -> job.cancel());
        if (probe != null) {
            pool.watch(job, probe); // the client has gone
        }
        return true;
    }
}
