#!/usr/bin/env bash
# What users wait for (issue #14): whole-process CLI times, HTTP latencies and the PostGIS and geopandas
# peers, in one run, on a synthetic store of SIZE incidents made from the real Kent police.uk rows.
#
# Usage: bench/run-e2e.sh SIZE            SIZE: 1M, 5M, 20M or a number of rows
# Env:   BENCH_DIR (default /tmp/wardheat-e2e) holds the generated files (kept and reused) and the store
#          (made afresh each run); needs about 3 GB per million rows during the run.
#        BENCH_JAVA_OPTS (default -Xmx4g, as ./wardheat); BENCH_PEERS=0 skips PostGIS and geopandas;
#        BENCH_GEOPANDAS_MAX_ROWS (default 5000000): geopandas is skipped above this many rows;
#        BENCH_STOP_AFTER=import or wards stops after that step; BENCH_SKIP="kde100 gistar100" leaves out
#        those CLI steps (names: wards kde250 kde100 gistar250 gistar100 kde250again kde100again http); BENCH_KEEP_STORE=1 keeps
#        the store and import figures of the previous run of this SIZE instead of importing again.
# Needs ../shared/data/real, Debian's postgresql-15-postgis-3, and geopandas 1.x for BENCH_PYTHON (default python3).
# The HTTP load goes to a wardheat server on 127.0.0.1 only: wrk for a fixed time per level when installed
# (Debian's wrk), else a fixed number of requests with a time cap (bench/LoadTest.java). Prints the steps as they run, then a markdown table.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/.."
real="${WARDHEAT_REALDATA:-$root/../shared/data/real}"
size="${1:?usage: bench/run-e2e.sh SIZE (1M, 5M, 20M or a row count)}"
case "$size" in
  *M) rows=$(( ${size%M} * 1000000 )) ;;
  *[!0-9]*|'') echo "SIZE must be like 1M or a number" >&2; exit 2 ;;
  *) rows=$size ;;
esac
year=2022
wards="$real/drkane_geo-lookups/boundaries/ward/E10000016.geojson"   # Kent's 255 wards (2025)
java_opts="${BENCH_JAVA_OPTS:--Xmx4g}"
base="${BENCH_DIR:-/tmp/wardheat-e2e}"
gen="$base/gen-$rows"
work="$base/run-$rows"
results="$work/results.txt"

"$root/wardheat" --version >/dev/null   # builds the jar when stale and records its start-up archive
mkdir -p "$work"
# the CLI as users run it: the wardheat script (its class-data archive) with the benchmark's heap; run from a
# checkout nobody edits during the run (the script rebuilds the jar when sources are newer)
export WARDHEAT_JAVA_OPTS="$java_opts"
wh=("$root/wardheat")

mkdir -p "$base"
if [ ! -f "$gen/DONE" ]; then
  rm -rf "$gen"
  java "$here/GenerateIncidents.java" "$real/police_uk_kent" "$rows" "$gen" | tee "$base/gen-$rows.log"
  touch "$gen/DONE"
fi
mapfile -t files < <(find "$gen/" -name '*-street.csv.gz' | sort)
[ "${#files[@]}" -gt 0 ] || { echo "no police.uk files under $gen" >&2; exit 1; }
data="$work/data"
keep=0
if [ "${BENCH_KEEP_STORE:-0}" = 1 ] && grep -q '^store.bytes' "$results" 2>/dev/null; then
  keep=1; grep -E '^(import\.|store\.)' "$results" > "$work/kept"; mv "$work/kept" "$results"
else
  find "$work" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
  : > "$results"
fi
put() { echo "$*" | tee -a "$results"; }
get() { awk -v k="$1" '$1 == k { print $2 }' "$results" | tail -1; }

skip() { [[ " ${BENCH_SKIP:-} " == *" $1 "* ]]; }
timed() { # timed NAME CMD...: whole-process wall seconds and peak RSS bytes (GNU time)
  local name="$1"; shift
  skip "$name" && { echo "$name skipped (BENCH_SKIP)"; return 0; }
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" > "$work/$name.out" 2> "$work/$name.err" || {
    put "$name.failed 1"; tail -3 "$work/$name.err" >&2; }
  read -r secs kb < <(tail -1 "$work/time")
  put "$name.seconds $secs"; put "$name.rss_bytes $(( kb * 1024 ))"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); wardheat $java_opts"
echo "store: $rows rows in ${#files[@]} gzipped police.uk files ($(du -sbL "$gen" | cut -f1) bytes) under $gen"
if [ "$keep" = 0 ]; then
"${wh[@]}" boundaries add --data "$data" --id kent "$wards" >/dev/null

# import: whole process, with the data directory's size polled five times a second (store + WAL + journal)
( peak=0; while [ ! -f "$work/import.done" ]; do s=$(du -sb "$data" 2>/dev/null | cut -f1); [ "$s" -gt "$peak" ] && peak=$s; sleep 0.2; done; echo "$peak" > "$work/disk.peak" ) &
poller=$!
# one call reads at most InputLimits.MAX_ROWS_PER_CALL (5 M) rows: groups of files of about 4 M rows, each a
# whole process; the time is their sum and the memory their peak
per_call=$(( (${#files[@]} * 4000000 + rows - 1) / rows )); [ "$per_call" -ge 1 ] || per_call=1
import_s=0; import_kb=0; calls=0
for (( k = 0; k < ${#files[@]}; k += per_call )); do
  /usr/bin/time -f '%e %M' -o "$work/time" "${wh[@]}" import --data "$data" --boundaries kent --format json "${files[@]:k:per_call}" \
    > "$work/import-$calls.out" 2> "$work/import.err" || { put "import.failed 1"; tail -3 "$work/import.err" >&2; }
  read -r secs kb < <(tail -1 "$work/time")
  import_s=$(echo "$import_s + $secs" | bc); [ "$kb" -gt "$import_kb" ] && import_kb=$kb; calls=$((calls + 1))
done
put "import.seconds $import_s"; put "import.rss_bytes $(( import_kb * 1024 ))"; put "import.calls $calls"
touch "$work/import.done"; wait "$poller"
store_bytes=$(du -sb "$data" | cut -f1)
put "import.disk_peak_bytes $(( $(cat "$work/disk.peak") > store_bytes ? $(cat "$work/disk.peak") : store_bytes ))"
put "store.bytes $store_bytes"
fi
put "rows $rows"; put "year $year"; put "size $size"; put "load_at_start $(cut -d' ' -f1 /proc/loadavg)"

stop_after() { [ "${BENCH_STOP_AFTER:-}" = "$1" ] && { echo "stopped after $1 (BENCH_STOP_AFTER)"; cat "$results"; exit 0; }; return 0; }
stop_after import
span=(--boundaries kent --from "$year-01" --to "$year-12")
timed wards "${wh[@]}" wards --data "$data" "${span[@]}" --format csv --output "$work/wardheat-wards.csv"
stop_after wards
timed kde250 "${wh[@]}" hotspots kde --data "$data" "${span[@]}" --cell 250 --output "$work/kde250.csv"
timed kde100 "${wh[@]}" hotspots kde --data "$data" "${span[@]}" --cell 100 --output "$work/kde100.csv"
timed gistar250 "${wh[@]}" hotspots gistar --data "$data" "${span[@]}" --cell 250 --output "$work/gistar250.csv"
timed gistar100 "${wh[@]}" hotspots gistar --data "$data" "${span[@]}" --cell 100 --output "$work/gistar100.csv"
# kde again: the steps above built each cell size's grid on first use (kept in the data directory); a user's next run reads it
timed kde250again "${wh[@]}" hotspots kde --data "$data" "${span[@]}" --cell 250 --output "$work/kde250.csv"
timed kde100again "${wh[@]}" hotspots kde --data "$data" "${span[@]}" --cell 100 --output "$work/kde100.csv"

if ! skip http; then
# HTTP: start the server, time until it listens and the first (cold) /api/wards, then the load levels
t0=$(date +%s.%N)
"${wh[@]}" serve --data "$data" --port 0 --tiles none > "$work/serve.out" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
until grep -q 'is running at' "$work/serve.out"; do
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.out" >&2; exit 1; }
  sleep 0.1
done
put "serve.listen_seconds $(echo "$(date +%s.%N) - $t0" | bc)"
port=$(grep -o 'localhost:[0-9]*' "$work/serve.out" | cut -d: -f2)
q="boundaries=kent&from=$year-01&to=$year-12"
t1=$(date +%s.%N)
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/wards?$q" || true)
put "serve.first_wards_seconds $(echo "$(date +%s.%N) - $t1" | bc)"; put "serve.first_wards_status $code"
load() { # load NAME PATH C REQUESTS MAX_SECONDS: wrk for MAX_SECONDS when installed (Debian's wrk: C, cheap on the
  # shared 2 cores), else bench/LoadTest.java (REQUESTS, at most MAX_SECONDS; its JVM client costs more CPU than the server)
  local line
  if command -v wrk >/dev/null; then
    line=$(WRK_CONNECTIONS=$3 wrk -t"$(( $3 < 2 ? $3 : 2 ))" -c"$3" -d"$5"s --timeout 120s -s "$here/wrk-percentiles.lua" \
      "http://127.0.0.1:$port$2" | tail -1)
  else
    line=$(java "$here/LoadTest.java" "http://127.0.0.1:$port$2" "$3" "$4" "$5")
  fi
  echo "$1 $line" | tee -a "$work/http.txt"
  for k in p50_ms p95_ms p99_ms ok sent; do put "$1.c$3.$k $(echo "$line" | grep -o "$k=[^ ]*" | cut -d= -f2)"; done
}
put "http.load_generator $(command -v wrk >/dev/null && echo wrk || echo LoadTest.java)"
load http_warmup "/api/wards?$q" 8 400 10 > /dev/null   # warm: JIT, caches
for c in 1 8 32; do load http_wards "/api/wards?$q" $c $(( c * 50 )) 10; done
t1=$(date +%s.%N)
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/hotspots/gistar?$q&cell=250" || true)
put "serve.first_gistar250_seconds $(echo "$(date +%s.%N) - $t1" | bc)"; put "serve.first_gistar250_status $code"
for c in 1 8 32; do load http_gistar250 "/api/hotspots/gistar?$q&cell=250" $c $(( c * 2 > 4 ? c * 2 : 4 )) 20; done
put "serve.rss_bytes $(awk '/VmHWM/ { print $2 * 1024 }' "/proc/$server/status")"
kill "$server"; wait "$server" 2>/dev/null || true; trap - EXIT
fi

if [ "${BENCH_PEERS:-1}" = 1 ]; then
  "$here/peer_postgis.sh" "$wards" "$year" "$work/postgis-wards.csv" "${files[@]}" | tee -a "$results"
  if [ "$rows" -le "${BENCH_GEOPANDAS_MAX_ROWS:-5000000}" ]; then
    /usr/bin/time -f '%e' -o "$work/time" "${BENCH_PYTHON:-python3}" "$here/peer_geopandas_e2e.py" "$wards" "$year" "$work/geopandas-wards.csv" "${files[@]}" | tee -a "$results"
    put "geopandas total $(tail -1 "$work/time")"
  fi
fi

put "load_at_end $(cut -d' ' -f1 /proc/loadavg)"
"$here/e2e-table.sh" "$work"
