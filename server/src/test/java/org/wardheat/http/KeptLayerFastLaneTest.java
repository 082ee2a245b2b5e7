package org.wardheat.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wardheat.TestServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.wardheat.TestFiles.LAT;
import static org.wardheat.TestFiles.lon;
import static org.wardheat.TestFiles.row;

/**
 * A map layer kept as sent, asked again, takes no slot in the analysis pool (one thread, no queue, here held by a
 * stand-in analysis until its client goes, so no time budget decides the outcome): it is answered, the same bytes; a layer not kept, and a download of the kept one, are still
 * refused with 503 while the pool is full.
 */
class KeptLayerFastLaneTest {
    @TempDir
    static Path dir;
    static TestServer test;
    static final AtomicInteger spinning = new AtomicInteger();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String LAYER = "/api/hotspots/gistar?boundaries=three&from=2022-01&to=2022-02&cell=200";

    @BeforeAll
    static void start() throws Exception {
        test = TestServer.in(dir).threeWards(row("2022-01", "Burglary", lon(0), LAT) + row("2022-02", "Burglary", lon(0), LAT))
                .settings(ServerSettings.loopback(0).withAnalyses(new AnalysisPool.Settings(1, 0, Duration.ofSeconds(60)))).start();
        AnalysisBudgetTest.spinUntilStopped(test.server(), spinning);
    }

    @AfterAll
    static void stop() {
        test.close();
    }

    static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(test.base() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aKeptLayerIsAnsweredWhileThePoolIsFull() throws Exception {
        HttpResponse<byte[]> first = get(LAYER);
        assertEquals(200, first.statusCode(), new String(first.body()));
        // the pool's one thread held by a stand-in analysis until its client goes (no time budget runs out meanwhile)
        try (java.net.Socket held = holdThePool()) {
            whileThePoolIsHeld(first.body());
        }
        AnalysisPoolTest.waitFor(() -> spinning.get() == 0); // the client went: the stand-in was stopped
    }

    /**
     * A connection whose request runs the stand-in analysis in the pool's one thread. The thread is free a moment
     * after the answer before it was written, so a request that comes too soon is refused (503): it is sent again.
     */
    private static java.net.Socket holdThePool() throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            java.net.Socket s = new java.net.Socket("127.0.0.1", test.port());
            s.getOutputStream().write("GET /api/hotspots/test/spin HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.setSoTimeout(100);
            for (int i = 0; i < 20; i++) {
                if (spinning.get() == 1) {
                    return s;
                }
                try {
                    if (s.getInputStream().read() >= 0) {
                        break; // answered (refused): the pool was still busy
                    }
                } catch (java.net.SocketTimeoutException e) {
                    // no answer yet
                }
            }
            s.close();
        }
        throw new AssertionError("the stand-in analysis never started");
    }

    private static void whileThePoolIsHeld(byte[] kept) throws Exception {
        HttpResponse<byte[]> again = get(LAYER);
        assertEquals(200, again.statusCode(), "the kept layer passes the full pool: " + new String(again.body()));
        assertArrayEquals(kept, again.body());
        assertEquals("application/geo+json", again.headers().firstValue("content-type").orElse("").split(";")[0]);

        HttpResponse<byte[]> other = get(LAYER.replace("cell=200", "cell=300"));
        assertEquals(503, other.statusCode(), "a layer not kept still needs the pool");
        assertEquals("5", other.headers().firstValue("retry-after").orElse(null));
        assertEquals(503, get(LAYER + "&format=csv").statusCode(), "a download is made each time, in the pool");
    }
}
