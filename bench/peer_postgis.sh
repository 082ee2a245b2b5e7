#!/usr/bin/env bash
# The PostGIS peer for bench/run-e2e.sh: the same police.uk files and wards in a throw-away PostgreSQL
# cluster (Debian's postgresql-15 + postgresql-15-postgis-3), reachable only through a Unix socket in a
# temporary directory (no TCP listener at all). Each step is timed on its own and printed as
#   postgis <step> <seconds>     and     postgis <size-name> <bytes>
# Usage: bench/peer_postgis.sh WARDS.geojson YEAR OUT_WARD_COUNTS.csv FILE.csv.gz...
# OUT_WARD_COUNTS.csv gets ward_code,count for the year, for the cross-check against wardheat.
set -euo pipefail
wards="$1" year="$2" out="$3"; shift 3
pgbin="${PGBIN:-/usr/lib/postgresql/15/bin}"
tmp="$(mktemp -d /tmp/wardheat-pg.XXXXXX)"
chmod 755 "$tmp"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -ne 0 ] || chown postgres "$tmp"
as_pg "$pgbin/initdb" -D "$tmp/data" -A trust -U bench -E UTF8 >/dev/null
# memory settings for a 23 GiB machine shared with other work; fsync stays on (as for wardheat's SQLite)
as_pg "$pgbin/pg_ctl" -D "$tmp/data" -l "$tmp/log" -w -o "-c listen_addresses='' -k $tmp -c shared_buffers=1GB \
  -c work_mem=256MB -c maintenance_work_mem=1GB -c max_wal_size=8GB -c max_parallel_workers_per_gather=2" start >/dev/null
trap 'as_pg "$pgbin/pg_ctl" -D "$tmp/data" -m fast stop >/dev/null; rm -rf "$tmp"' EXIT
psql=(psql -X -q -v ON_ERROR_STOP=1 -h "$tmp" -U bench -d postgres)
now() { date +%s.%N; }
step() { # step NAME SQL: runs the SQL and prints its wall time
  local t0; t0=$(now); "${psql[@]}" -c "$2" >/dev/null; printf 'postgis %s %.2f\n' "$1" "$(echo "$(now) - $t0" | bc)"
}

"${psql[@]}" -c "CREATE EXTENSION postgis" >/dev/null
"${psql[@]}" -c "CREATE TABLE ward (code text PRIMARY KEY, geom geometry(Geometry, 4326) NOT NULL)" >/dev/null
/usr/bin/python3 - "$wards" <<'EOF' | "${psql[@]}" >/dev/null
import json, re, sys
fc = json.load(open(sys.argv[1]))
code = [k for k in fc["features"][0]["properties"] if re.fullmatch(r"WD\d\dCD", k, re.I)][0]
for f in fc["features"]:
    g = json.dumps(f["geometry"]).replace("'", "''")
    print(f"INSERT INTO ward VALUES ('{f['properties'][code]}', ST_SetSRID(ST_GeomFromGeoJSON('{g}'), 4326));")
EOF
"${psql[@]}" -c "CREATE INDEX ward_geom ON ward USING gist (geom); ANALYZE ward" >/dev/null
"${psql[@]}" -c "CREATE TABLE crime (id bigint GENERATED ALWAYS AS IDENTITY, crime_id text, month text, reported_by text,
  falls_within text, lon float8, lat float8, location text, lsoa_code text, lsoa_name text, crime_type text,
  last_outcome text, context text,
  geom geometry(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED)" >/dev/null

t0=$(now)
for f in "$@"; do zcat "$f" | tail -n +2; done | "${psql[@]}" -c "\copy crime (crime_id, month, reported_by, falls_within,
  lon, lat, location, lsoa_code, lsoa_name, crime_type, last_outcome, context) FROM pstdin WITH (FORMAT csv)"
printf 'postgis copy %.2f\n' "$(echo "$(now) - $t0" | bc)"
step gist_index "CREATE INDEX crime_geom ON crime USING gist (geom); ANALYZE crime"
# each located incident's ward: ST_Covers (a point on an edge is covered by both wards; min(code) keeps
# the ward whose code sorts first, wardheat's rule; ST_Contains would drop such points)
step ward_join "CREATE TABLE crime_ward AS SELECT c.id, min(w.code) AS ward FROM crime c JOIN ward w ON ST_Covers(w.geom, c.geom) GROUP BY c.id"
step aggregate "CREATE TABLE ward_month_category AS SELECT cw.ward, c.month, c.crime_type, count(*) AS n
  FROM crime_ward cw JOIN crime c USING (id) GROUP BY 1, 2, 3"
step year_join_at_query "SELECT ward, count(*) FROM (SELECT c.id, min(w.code) AS ward FROM crime c
  JOIN ward w ON ST_Covers(w.geom, c.geom) WHERE c.month BETWEEN '$year-01' AND '$year-12' GROUP BY c.id) x GROUP BY ward"
step year_from_aggregate "SELECT ward, sum(n) FROM ward_month_category WHERE month BETWEEN '$year-01' AND '$year-12' GROUP BY ward"
"${psql[@]}" -c "\copy (SELECT ward AS ward_code, sum(n) AS count FROM ward_month_category WHERE month BETWEEN '$year-01' AND '$year-12' GROUP BY ward ORDER BY ward) TO '$out' WITH (FORMAT csv, HEADER)"
"${psql[@]}" -At -F' ' -c "SELECT 'postgis rows', count(*) FROM crime;
  SELECT 'postgis table_bytes', pg_table_size('crime');
  SELECT 'postgis index_bytes', pg_indexes_size('crime');
  SELECT 'postgis database_bytes', pg_database_size('postgres')"
