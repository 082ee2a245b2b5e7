#!/usr/bin/env bash
# Issue #14 items 1, 3, 4 side by side: for each given wardheat jar, in one run on the same files, the
# import (whole process: seconds, rows/s, peak disk of the data directory polled 5 times a second), the
# store's bytes per incident, and `wardheat wards` for a year (whole process, REPEAT times), each line
# with the load average at its start.
#
# Usage: bench/run-store.sh GEN_DIR LABEL=JAR [LABEL=JAR ...]
#   GEN_DIR: files made by bench/GenerateIncidents.java (e.g. /tmp/wardheat-e2e/gen-1000000)
# Env: BENCH_DIR (default /tmp/wardheat-store) for the stores; BENCH_JAVA_OPTS (default -Xmx4g); REPEAT (default 3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
real="${WARDHEAT_REALDATA:-$here/../../shared/data/real}"
gen="${1:?usage: bench/run-store.sh GEN_DIR LABEL=JAR ...}"; shift
wards="$real/drkane_geo-lookups/boundaries/ward/E10000016.geojson"   # Kent's 255 wards (2025)
base="${BENCH_DIR:-/tmp/wardheat-store}"
opts="${BENCH_JAVA_OPTS:--Xmx4g}"
repeat="${REPEAT:-3}"
mapfile -t files < <(find "$gen" -name '*-street.csv.gz' | sort)
rows=$(zcat "${files[@]}" | awk 'FNR > 1' | wc -l)   # data rows (police.uk files: one header line each)
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(nproc) cores; $rows rows in ${#files[@]} files; java $opts"
for spec in "$@"; do
  label="${spec%%=*}"; jar="${spec#*=}"
  work="$base/$label"; rm -rf "$work"; mkdir -p "$work"
  wh=(java $opts -Djava.util.prefs.userRoot="$work/prefs" -jar "$jar")
  "${wh[@]}" boundaries add --data "$work/data" --id kent "$wards" > /dev/null
  ( peak=0; while [ ! -f "$work/done" ]; do s=$(du -sb "$work/data" 2>/dev/null | cut -f1); [ "$s" -gt "$peak" ] && peak=$s; sleep 0.2; done; echo "$peak" > "$work/peak" ) &
  poller=$!
  l=$(load)
  /usr/bin/time -f '%e %M' -o "$work/time" "${wh[@]}" import --data "$work/data" --boundaries kent --format json "${files[@]}" > "$work/import.json"
  touch "$work/done"; wait "$poller"
  read -r secs kb < "$work/time"
  bytes=$(du -sb "$work/data" | cut -f1)
  peak=$(cat "$work/peak"); [ "$peak" -lt "$bytes" ] && peak=$bytes
  echo "$label import: ${secs} s, $(echo "$rows / $secs" | bc) rows/s, rss $((kb / 1024)) MiB, store $bytes bytes = $(echo "scale=1; $bytes / $rows" | bc) bytes/incident, disk peak $peak bytes = $(echo "scale=2; $peak / $bytes" | bc)x; load $l"
  for i in $(seq "$repeat"); do
    l=$(load)
    /usr/bin/time -f '%e %M' -o "$work/time" "${wh[@]}" wards --data "$work/data" --boundaries kent --from 2022-01 --to 2022-12 \
      --format csv --output "$work/wards.csv"
    read -r secs kb < "$work/time"
    echo "$label wards 2022: ${secs} s, rss $((kb / 1024)) MiB; load $l"
  done
  sha256sum "$work/wards.csv" | sed "s|^|$label |"
done
