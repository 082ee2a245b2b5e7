package org.wardheat.http;

import org.wardheat.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.Cancellation;
import org.wardheat.service.Workspace;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analysis pool inside the real server: one thread, no queue, a 1 s budget. */
class AnalysisBudgetTest {
    @TempDir
    static Path dir;
    static TestServer test;
    static Workspace ws;
    static ApiServer server;
    static String base;
    static final AtomicInteger spinning = new AtomicInteger();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        test = TestServer.in(dir).settings(ServerSettings.loopback(0).withAnalyses(new AnalysisPool.Settings(1, 0, Duration.ofSeconds(1))))
                .start();
        ws = test.workspace;
        server = test.server();
        base = test.base();
        spinUntilStopped(server, spinning);
    }

    /**
     * Adds {@code /api/hotspots/test/spin}: a stand-in analysis under /api/hotspots/ (two segments: not the layer
     * route) that only stops when cancelled, counted in {@code spinning} while it runs.
     */
    static void spinUntilStopped(ApiServer server, AtomicInteger spinning) {
        server.service().get("/api/hotspots/test/spin", (req, res) -> {
            spinning.incrementAndGet();
            try {
                while (true) {
                    Cancellation.check();
                    Thread.onSpinWait();
                }
            } finally {
                spinning.decrementAndGet();
            }
        });
    }

    /** A stand-in analysis that sends its whole answer, then works on for 900 ms: the watcher probes meanwhile. */
    static void answerThenWork() {
        server.service().get("/api/hotspots/test/answer-then-work", (req, res) -> {
            res.raw().setContentLength(2);
            res.raw().getOutputStream().write("ok".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            res.raw().getOutputStream().flush();
            Thread.sleep(900);
            return null;
        });
    }

    @AfterAll
    static void stop() {
        test.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theNextRequestOnTheConnectionIsNotTakenByTheProbeForAGoneClient() throws Exception {
        answerThenWork();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", test.port())) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            java.io.InputStream in = socket.getInputStream();
            out.write("GET /api/hotspots/test/answer-then-work HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            String first = readAnswer(in);
            assertTrue(first.startsWith("HTTP/1.1 200") && first.endsWith("ok"), first);
            // the analysis still runs (the watcher probes every 500 ms): the client sends its next request at once
            out.write("GET /api/config HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            String second = readAnswer(in);
            assertTrue(second.startsWith("HTTP/1.1 200"), "the next request arrived whole: " + second);
        }
    }

    /** One HTTP/1.1 answer with a Content-Length: head and body. */
    static String readAnswer(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head + "<closed>";
            }
            head.append((char) b);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return head + new String(in.readNBytes(length), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aFullPoolRefusesWithRetryAfterAndABudgetStopsTheAnalysis() throws Exception {
        long t0 = System.nanoTime();
        CompletableFuture<HttpResponse<String>> first = HTTP.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/hotspots/test/spin")).build(),
                HttpResponse.BodyHandlers.ofString());
        AnalysisPoolTest.waitFor(() -> spinning.get() == 1);
        HttpResponse<String> busy = get("/api/near-repeat?boundaries=x");
        assertEquals(503, busy.statusCode());
        assertEquals("5", busy.headers().firstValue("retry-after").orElse(null));
        assertTrue(busy.body().startsWith("{\"error\":\"the server is busy"), busy.body());
        assertEquals(200, get("/api/config").statusCode(), "cheap routes do not wait for the pool");

        HttpResponse<String> stopped = first.get(30, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(503, stopped.statusCode());
        assertTrue(stopped.body().contains("ran past its time budget of 1 s"), stopped.body());
        assertTrue(ms >= 900 && ms < 10_000, ms + " ms");
        AnalysisPoolTest.waitFor(() -> spinning.get() == 0);
        // the worker is free once the stopped analysis's response is written (a moment after the route returned);
        // the first answer that is not 503 is the next analysis run by the pool (asking again could race with
        // the release of the probe's own slot: one thread, no queue)
        java.util.concurrent.atomic.AtomicReference<HttpResponse<String>> next = new java.util.concurrent.atomic.AtomicReference<>();
        AnalysisPoolTest.waitFor(() -> {
            try {
                next.set(get("/api/near-repeat?boundaries=x"));
                return next.get().statusCode() != 503;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        HttpResponse<String> after = next.get();
        assertTrue(after.statusCode() == 400 || after.statusCode() == 404, "the pool runs the next analysis: " + after.body());
    }
}
