#!/usr/bin/env python3
"""Bounded load test of a wardheat server on loopback (issue #8): /api/wards latency while nothing else runs,
while a 1,000,000-row police.uk upload imports, and while two expensive analyses run; and the server's peak
heap (jstat) against the -Xmx budget it was started with. Every loop is bounded in count and time and every
request goes to 127.0.0.1 only.

Usage: bench/load-test.py [--rows 1000000] [--heap 1g] [--concurrency 4]
Needs the built jar (server/target/wardheat.jar) and a JDK (jstat). Standard library only.
"""
import argparse
import concurrent.futures as cf
import gzip
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
JAR = os.path.join(HERE, "..", "server", "target", "wardheat.jar")
WARDS = "/api/wards?boundaries=demo-wards&from=2024-01&to=2024-12"
MAX_SECONDS_PER_PHASE = 240


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(base, path, timeout=120):
    t0 = time.perf_counter()
    with urllib.request.urlopen(base + path, timeout=timeout) as r:
        r.read()
        status = r.status
    return status, time.perf_counter() - t0


def pct(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(p / 100 * (len(v) - 1))))]


def summary(name, lat, errors):
    ms = [x * 1000 for x in lat]
    return {"phase": name, "requests": len(ms), "errors": errors, "p50_ms": round(pct(ms, 50), 1),
            "p95_ms": round(pct(ms, 95), 1), "p99_ms": round(pct(ms, 99), 1), "max_ms": round(max(ms), 1)}


def hammer(base, stop, concurrency, max_requests):
    """GETs the ward layer from `concurrency` threads until `stop` is set or `max_requests` are done."""
    lat, errors, lock, count = [], [0], threading.Lock(), [0]

    def worker():
        while not stop.is_set():
            with lock:
                if count[0] >= max_requests:
                    return
                count[0] += 1
            try:
                status, dt = get(base, WARDS)
                with lock:
                    lat.append(dt)
                    errors[0] += status != 200
            except Exception:
                with lock:
                    errors[0] += 1
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return lat, errors[0]


class HeapSampler(threading.Thread):
    """Samples the server's used heap (eden + survivors + old, KiB) with jstat every 250 ms."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak_kib, self.stop = pid, 0.0, threading.Event()

    def run(self):
        p = subprocess.Popen(["jstat", "-gc", str(self.pid), "250"], stdout=subprocess.PIPE, text=True)
        header = None
        for line in p.stdout:
            cols = line.split()
            if header is None:
                header = cols
                continue
            if cols == header:
                continue
            try:
                row = dict(zip(header, map(float, cols)))
            except ValueError:
                continue
            used = row.get("S0U", 0) + row.get("S1U", 0) + row.get("EU", 0) + row.get("OU", 0)
            self.peak_kib = max(self.peak_kib, used)
            if self.stop.is_set():
                break
        p.kill()


def police_csv(source_dir, rows, out):
    """A police.uk street CSV of `rows` rows made from the demo's own located rows, jittered a few metres
    with fresh crime IDs so it compresses like real data (never as a bomb)."""
    header, pool = None, []
    for name in sorted(os.listdir(source_dir)):
        if name.endswith("-street.csv"):
            with open(os.path.join(source_dir, name), encoding="utf-8") as f:
                lines = f.read().splitlines()
            header = lines[0]
            pool += [l.split(",") for l in lines[1:] if l.split(",")[4]]
    rnd = random.Random(1)
    with open(out, "w", encoding="utf-8") as f:
        f.write(header + "\n")
        for i in range(rows):
            r = list(pool[i % len(pool)])
            r[0] = uuid.UUID(int=rnd.getrandbits(128)).hex
            r[4] = "%.6f" % (float(r[4]) + rnd.uniform(-3e-5, 3e-5))
            r[5] = "%.6f" % (float(r[5]) + rnd.uniform(-3e-5, 3e-5))
            f.write(",".join(r) + "\n")


def upload(base, path):
    boundary = "----wardheat-load-" + uuid.uuid4().hex
    with open(path, "rb") as f:
        content = f.read()
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"load.csv\"\r\n"
            f"Content-Type: text/csv\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    req = urllib.request.Request(base + "/api/import?boundaries=demo-wards&dataset=load", data=body, method="POST",
                                 headers={"Content-Type": "multipart/form-data; boundary=" + boundary, "Origin": base})
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=MAX_SECONDS_PER_PHASE) as r:
        report = json.loads(r.read())
    return time.perf_counter() - t0, report


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--heap", default="1g")
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--requests", type=int, default=400, help="ward requests in the quiet phase")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="wardheat-load-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(["java", f"-Xmx{a.heap}", f"-Djava.util.prefs.userRoot={work}/prefs", "-jar", JAR,
                               "serve", "--demo", "--data", os.path.join(work, "data"), "--port", str(port),
                               "--tiles", "none"], stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "server.log"), "w"))
    results = []
    try:
        for _ in range(600):
            try:
                get(base, "/api/config", timeout=2)
                break
            except Exception:
                time.sleep(0.5)
        heap = HeapSampler(server.pid)
        heap.start()
        get(base, WARDS)  # warm

        lat, err = hammer(base, threading.Event(), a.concurrency, a.requests)
        results.append(summary(f"/api/wards alone, concurrency {a.concurrency}", lat, err))

        csv = os.path.join(work, "load.csv")
        police_csv(os.path.join(work, "data", "demo-source"), a.rows, csv)
        stop = threading.Event()
        with cf.ThreadPoolExecutor(1) as ex:
            fut = ex.submit(upload, base, csv)
            t_end = time.time() + MAX_SECONDS_PER_PHASE
            lat, err = [], 0
            while not fut.done() and time.time() < t_end:
                l, e = hammer(base, stop, a.concurrency, 40)
                lat += l
                err += e
            seconds, report = fut.result()
        results.append(summary(f"/api/wards during a {a.rows:,}-row upload ({seconds:.1f} s, "
                               f"{report['totals']['imported']:,} imported)", lat, err))

        expensive = ["/api/near-repeat?from=2023-01&to=2024-12&simulations=9999",
                     "/api/hotspots/kde?boundaries=demo-wards&from=2023-01&to=2024-12&cell=50"]
        with cf.ThreadPoolExecutor(2) as ex:
            futs = [ex.submit(get, base, p, MAX_SECONDS_PER_PHASE) for p in expensive]
            t_end = time.time() + MAX_SECONDS_PER_PHASE
            lat, err = [], 0
            while not all(f.done() for f in futs) and time.time() < t_end:
                l, e = hammer(base, stop, a.concurrency, 40)
                lat += l
                err += e
            done = []
            for p, f in zip(expensive, futs):
                try:
                    status, dt = f.result()
                    done.append(f"{p.split('?')[0]} {status} in {dt:.1f} s")
                except Exception as e:  # 503 past the budget counts as an answer too
                    done.append(f"{p.split('?')[0]}: {e}")
        results.append(summary("/api/wards during two expensive analyses (" + "; ".join(done) + ")", lat, err))
        heap.stop.set()
        time.sleep(0.5)
        print(json.dumps({"rows": a.rows, "heap_budget": a.heap, "peak_heap_mib": round(heap.peak_kib / 1024),
                          "server_alive": server.poll() is None, "phases": results}, indent=2))
        print()
        print("| phase | requests | errors | p50 ms | p95 ms | p99 ms | max ms |")
        print("|---|---|---|---|---|---|---|")
        for r in results:
            print(f"| {r['phase']} | {r['requests']} | {r['errors']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['max_ms']} |")
        print(f"\npeak heap used: {round(heap.peak_kib / 1024)} MiB of -Xmx{a.heap}; server alive: {server.poll() is None}")
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
