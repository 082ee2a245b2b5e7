-- wrk's summary in the form bench/LoadTest.java prints, for bench/run-e2e.sh: one line,
-- c=.. sent=.. ok=.. p50_ms=.. p95_ms=.. p99_ms=.. max_ms=.. rps=.. other={..}
done = function(summary, latency, requests)
  local e = summary.errors
  local failed = e.status + e.connect + e.read + e.write + e.timeout
  io.write(string.format("c=%s sent=%d ok=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f rps=%.1f other={status=%d, connect=%d, read=%d, write=%d, timeout=%d}\n",
    os.getenv("WRK_CONNECTIONS") or "?", summary.requests, summary.requests - failed,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    (summary.requests - failed) / (summary.duration / 1e6), e.status, e.connect, e.read, e.write, e.timeout))
end
