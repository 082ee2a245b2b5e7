#!/usr/bin/env bash
# Runs wardheat's import/join benchmark and the geopandas peer on the same files, one after the other.
# Needs ../shared/data/real and Debian's python3-geopandas (apt-get install python3-geopandas).
# Usage: bench/run.sh [JOIN_POINTS]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
real="${WARDHEAT_REALDATA:-$here/../../shared/data/real}"
points="${1:-5000000}"
wards="$real/drkane_geo-lookups/boundaries/ward/E10000016.geojson"   # Kent's 255 wards (2025)
mapfile -t files < <(ls "$real"/police_uk_kent/*/*-kent-street.csv.gz | sort)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; ${#files[@]} police.uk files; wards: Kent 2025 (255)"
echo "== wardheat (java $(java -version 2>&1 | head -1 | cut -d'"' -f2), -Xmx4g)"
"$here/../wardheat" bench --boundaries-file "$wards" --join-points "$points" "${files[@]}"
echo "== geopandas $(/usr/bin/python3 -c 'import geopandas; print(geopandas.__version__)') peer"
/usr/bin/python3 "$here/peer_geopandas.py" "$wards" "$points" "${files[@]}"
