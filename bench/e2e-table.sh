#!/usr/bin/env bash
# Prints the markdown table of one bench/run-e2e.sh run from its work directory (results.txt and the
# ward-count CSVs), after checking that wardheat and the peers count the same incidents in each ward.
# Usage: bench/e2e-table.sh WORK_DIR   (run-e2e.sh calls it; rerun it to print a finished run again)
set -euo pipefail
work="${1:?usage: bench/e2e-table.sh WORK_DIR}"
results="$work/results.txt"
n() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }   # 1234567 -> 1,234,567
get() { awk -v k="$1" '$1 == k { print $2 }' "$results" | tail -1; }
rows=$(get rows)
year=$(get year)
size=$(get size)

# cross-check: the year's count per ward must be the same in every tool
agree="not checked (no wards step)"
if [ -f "$work/wardheat-wards.csv" ]; then
/usr/bin/python3 -c 'import csv, sys
for r in csv.DictReader(open(sys.argv[1])): print(r["ward_code"] + "," + r["count"])' "$work/wardheat-wards.csv" | sort > "$work/wardheat-year.csv"
agree="wardheat"
for peer in postgis geopandas; do
  [ -f "$work/$peer-wards.csv" ] || continue
  # wardheat lists every ward (0 included); the peers list wards with at least one incident
  if diff <(grep -v ',0$' "$work/wardheat-year.csv") <(sed 1d "$work/$peer-wards.csv" | sort) >/dev/null; then agree="$agree = $peer"
  else agree="$agree ≠ $peer (see $work)"; fi
done
fi
total=$(awk -F, '{ s += $2 } END { print s + 0 }' "$work/wardheat-year.csv" 2>/dev/null || echo 0)

# the table
mb() { [ -n "$1" ] && awk -v b="$1" 'BEGIN { printf "%.0f MB", b / 1e6 }' || echo "–"; }
s() { [ -n "$1" ] && echo "$1 s" || echo "–"; }
cli() { [ -z "$(get "$1.seconds")" ] && { echo "not run"; return; }; echo "$(s "$(get "$1.seconds")"), $(mb "$(get "$1.rss_bytes")")$([ -n "$(get "$1.failed")" ] && echo " (failed)")"; }
st() { local c; c=$(get "serve.$1_status"); [ -z "$c" ] || [ "$c" = 200 ] || echo " (HTTP $c)"; }
s2() { [ -n "$1" ] && printf '%.2f s' "$1" || echo "not run"; }
perinc() { awk -v b="$1" -v n="$rows" 'BEGIN { printf "%.0f", b / n }'; }
echo
echo "### $size incidents (1-minute load average $(get load_at_start) at the start, $(get load_at_end) at the end, on 2 cores)"
echo
echo "$year: $(n "$total") incidents in Kent's 255 wards. Ward counts for $year: $agree."
echo
echo "| what the user runs | wardheat (whole process: wall, peak RSS) | PostGIS 15 + 3.3 | geopandas $("${BENCH_PYTHON:-python3}" -c 'import geopandas; print(geopandas.__version__)' 2>/dev/null) |"
echo "|---|---|---|---|"
gp() { awk -v k="$1" '$1 == "geopandas" && $2 == k { print $3 }' "$results"; }
pg() { awk -v k="$1" '$1 == "postgis" && $2 == k { print $3 }' "$results"; }
echo "| import $(n "$rows") rows | $(cli import) | COPY $(s "$(pg copy)") + GiST $(s "$(pg gist_index)") + ward join $(s "$(pg ward_join)") + GROUP BY $(s "$(pg aggregate)") | read_csv $(s "$(gp read_csv)") + sjoin $(s "$(gp sjoin)") + groupby $(s "$(gp groupby)"); peak $(mb "$(gp peak_rss_bytes)") |"
echo "| import rate | $(n $(awk -v n="$rows" -v t="$(get import.seconds)" 'BEGIN { printf "%.0f", n / t }')) rows/s | $(n $(awk -v n="$rows" -v a="$(pg copy)" -v b="$(pg gist_index)" -v c="$(pg ward_join)" -v d="$(pg aggregate)" 'BEGIN { if (a) printf "%.0f", n / (a + b + c + d); else print "–" }')) rows/s | $(n $(awk -v n="$rows" -v a="$(gp read_csv)" -v b="$(gp sjoin)" -v c="$(gp groupby)" 'BEGIN { if (a) printf "%.0f", n / (a + b + c); else print "–" }')) rows/s |"
echo "| store size | $(mb "$(get store.bytes)"), $(perinc "$(get store.bytes)") bytes/incident; disk peak during import $(mb "$(get import.disk_peak_bytes)") | table $(mb "$(pg table_bytes)") + indexes $(mb "$(pg index_bytes)"), $( [ -n "$(pg table_bytes)" ] && perinc $(( $(pg table_bytes) + $(pg index_bytes) )) ) bytes/incident | in memory only |"
echo "| \`wards\` for $year | $(cli wards) | join at query time $(s "$(pg year_join_at_query)"); from the aggregate table $(s "$(pg year_from_aggregate)") | from the groupby $(s "$(gp year_from_aggregate)") |"
echo "| \`hotspots kde\`, 250 m: grid kept from an earlier run; first use (grid built) | $(cli kde250again); $(cli kde250) | – | – |"
echo "| \`hotspots kde\`, 100 m: grid kept; first use | $(cli kde100again); $(cli kde100) | – | – |"
echo "| \`hotspots gistar\`, 250 m | $(cli gistar250) | – | – |"
echo "| \`hotspots gistar\`, 100 m | $(cli gistar100) | – | – |"
[ -z "$(get serve.listen_seconds)" ] || echo "| \`serve\`: start to listening; first \`/api/wards\`; first Gi* 250 m layer | $(s2 "$(get serve.listen_seconds)"); $(s2 "$(get serve.first_wards_seconds)")$(st first_wards); $(s2 "$(get serve.first_gistar250_seconds)")$(st first_gistar250); server peak RSS $(mb "$(get serve.rss_bytes)") | | |"
[ -z "$(get http.load_generator)" ] || echo "| HTTP load from | $(get http.load_generator) on the same 2 cores, loopback, uncompressed bodies | | |"
for c in 1 8 32; do
  [ -n "$(get http_wards.c$c.sent)" ] || continue
  echo "| \`/api/wards\` c=$c: p50 / p95 / p99 | $(get http_wards.c$c.p50_ms) / $(get http_wards.c$c.p95_ms) / $(get http_wards.c$c.p99_ms) ms ($(get http_wards.c$c.ok) of $(get http_wards.c$c.sent) answered 200) | | |"
done
for c in 1 8 32; do
  [ -n "$(get http_gistar250.c$c.sent)" ] || continue
  echo "| \`/api/hotspots/gistar\` 250 m c=$c: p50 / p95 / p99 | $(get http_gistar250.c$c.p50_ms) / $(get http_gistar250.c$c.p95_ms) / $(get http_gistar250.c$c.p99_ms) ms ($(get http_gistar250.c$c.ok) of $(get http_gistar250.c$c.sent) answered 200) | | |"
done
