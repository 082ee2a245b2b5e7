import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small bounded HTTP load generator for the benchmarks: CONCURRENCY client threads send GET requests
 * to one URL on this machine until REQUESTS have been sent or MAX_SECONDS have passed (no new request
 * starts after that), each thread waiting for its answer before the next (closed loop).
 *
 * <p>Only loopback addresses are accepted. Latency is measured from sending the request to having read
 * the whole body. Percentiles are nearest-rank over the requests answered with 200.
 *
 * <p>Usage: {@code java bench/LoadTest.java URL CONCURRENCY REQUESTS MAX_SECONDS}. Prints one line:
 * {@code c=8 sent=200 ok=200 p50_ms=.. p95_ms=.. p99_ms=.. max_ms=.. rps=.. other={503=2}}.
 */
public final class LoadTest {
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: java LoadTest.java URL CONCURRENCY REQUESTS MAX_SECONDS");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        int requests = Integer.parseInt(args[2]);
        double maxSeconds = Double.parseDouble(args[3]);
        String host = uri.getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")) {
            throw new IllegalArgumentException("loopback only, not " + host);
        }
        if (concurrency < 1 || concurrency > 64 || requests < 1 || requests > 100_000 || maxSeconds <= 0 || maxSeconds > 3600) {
            throw new IllegalArgumentException("concurrency 1..64, requests 1..100000, max seconds (0, 3600]");
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(300)).GET().build();
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
        List<long[]> perThread = new ArrayList<>();
        Map<String, Integer> other = new TreeMap<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            long[] mine = new long[requests + 1]; // [0] = how many
            perThread.add(mine);
            Thread thread = new Thread(() -> {
                // a client per thread (the JDK client reads every connection of one client on one selector thread) and
                // the body read into a reused buffer: the load generator shares the 2 cores and must not be the bottleneck
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                byte[] buffer = new byte[1 << 16];
                while (next.getAndIncrement() < requests && System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    String outcome;
                    try {
                        HttpResponse<java.io.InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                        long read = 0;
                        try (java.io.InputStream body = r.body()) {
                            for (int n; (n = body.read(buffer)) >= 0; ) {
                                read += n;
                            }
                        }
                        long expected = r.headers().firstValueAsLong("Content-Length").orElse(read);
                        outcome = r.statusCode() != 200 ? String.valueOf(r.statusCode()) : read != expected ? "short body" : null;
                    } catch (Exception e) {
                        outcome = e.getClass().getSimpleName();
                    }
                    long nanos = System.nanoTime() - t0;
                    if (outcome == null) {
                        mine[(int) ++mine[0]] = nanos;
                    } else {
                        synchronized (other) {
                            other.merge(outcome, 1, Integer::sum);
                        }
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = perThread.stream().flatMapToLong(a -> Arrays.stream(a, 1, (int) a[0] + 1)).sorted().toArray();
        int failed = other.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(Locale.ROOT, "c=%d sent=%d ok=%d p50_ms=%s p95_ms=%s p99_ms=%s max_ms=%s rps=%.1f other=%s%n",
                concurrency, all.length + failed, all.length, pct(all, 50), pct(all, 95), pct(all, 99), pct(all, 100),
                all.length / seconds, other);
    }

    /** Nearest-rank percentile in milliseconds, or "-" when nothing was answered. */
    static String pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return "-";
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return String.format(Locale.ROOT, "%.1f", sorted[Math.max(rank, 1) - 1] / 1e6);
    }
}
