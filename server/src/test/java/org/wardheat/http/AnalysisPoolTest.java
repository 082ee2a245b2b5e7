package org.wardheat.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wardheat.Cancellation;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bounded analysis pool on a real Jetty server on 127.0.0.1 with a stand-in analysis that spins in a
 * {@link Cancellation#check()} loop until released or interrupted.
 */
class AnalysisPoolTest {
    Server server;
    AnalysisPool pool;
    int port;
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger cancelled = new AtomicInteger();
    final CountDownLatch anyCancelled = new CountDownLatch(1);

    void start(AnalysisPool.Settings settings) throws Exception {
        pool = new AnalysisPool(settings);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler(new SecurityHeaders(null)));
        Handler analysis = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                started.incrementAndGet();
                try {
                    while (release.getCount() > 0) {
                        Cancellation.check();
                        Thread.onSpinWait();
                    }
                    Response.writeError(request, response, callback, 200, "done");
                } catch (Cancellation.CancelledException e) {
                    cancelled.incrementAndGet();
                    anyCancelled.countDown();
                    Response.writeError(request, response, callback, 503, "stopped");
                }
                return true;
            }
        };
        server.setHandler(new PooledAnalyses(analysis, pool, (path, query, session) -> false));
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        server.stop();
        pool.close();
    }

    RawHttp.Reply get(String path) throws Exception {
        return RawHttp.send(port, "GET " + path + " HTTP/1.1\nHost: localhost\nConnection: close\n", "");
    }

    @Test
    void aFullPoolAnswers503WithRetryAfter() throws Exception {
        start(new AnalysisPool.Settings(1, 1, Duration.ofSeconds(30)));
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            List<Future<RawHttp.Reply>> held = new ArrayList<>();
            held.add(clients.submit(() -> get("/api/near-repeat?n=1")));
            waitFor(() -> started.get() == 1);
            held.add(clients.submit(() -> get("/api/near-repeat?n=2")));
            waitFor(() -> pool.waiting() == 1);
            RawHttp.Reply refused = get("/api/hotspots/gistar?n=3");
            assertEquals(503, refused.status(), refused.head());
            assertEquals(String.valueOf(PooledAnalyses.RETRY_AFTER_SECONDS), refused.header("Retry-After"));
            assertTrue(refused.body().contains("\"error\":\"the server is busy with 1 analyses and 1 waiting"), refused.body());
            release.countDown();
            for (Future<RawHttp.Reply> f : held) {
                assertEquals(200, f.get(20, TimeUnit.SECONDS).status());
            }
            assertEquals(2, started.get(), "the refused request never ran");
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void cheapRoutesDoNotWaitForThePool() throws Exception {
        start(new AnalysisPool.Settings(1, 0, Duration.ofSeconds(30)));
        assertFalse(PooledAnalyses.expensive("/api/wards"));
        assertFalse(PooledAnalyses.expensive("/api/repeatsX"));
        assertTrue(PooledAnalyses.expensive("/api/export/wards"));
        assertTrue(PooledAnalyses.expensive("/api/strategic"));
    }

    @Test
    void anAnalysisPastItsBudgetIsInterrupted() throws Exception {
        start(new AnalysisPool.Settings(1, 1, Duration.ofMillis(300)));
        long t0 = System.nanoTime();
        RawHttp.Reply r = get("/api/repeats");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(503, r.status());
        assertEquals(1, cancelled.get());
        assertTrue(ms >= 250 && ms < 5_000, ms + " ms");
        release.countDown();
        assertEquals(200, get("/api/repeats").status(), "the worker is free again, its interrupt cleared");
    }

    @Test
    void anAnalysisWhoseClientLeftIsInterrupted() throws Exception {
        start(new AnalysisPool.Settings(1, 1, Duration.ofSeconds(60)));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/hotspots/kde HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            waitFor(() -> started.get() == 1);
        }
        assertTrue(anyCancelled.await(10, TimeUnit.SECONDS), "the analysis stops within 10 s of the client leaving");
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}
