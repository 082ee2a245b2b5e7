#!/usr/bin/env bash
# KDE and Gi* at county scale: wardheat, then the R peer (spatstat, spdep) on the same points and counts.
# Needs ../shared/data/real and Debian's r-cran-spatstat and r-cran-spdep.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
real="${WARDHEAT_REALDATA:-$here/../../shared/data/real}"
wards="$real/drkane_geo-lookups/boundaries/ward/E10000016.geojson"   # Kent's 255 wards (2025)
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
mapfile -t files < <(ls "$real"/police_uk_kent/*/*-kent-street.csv.gz | sort)
echo "machine: $(nproc) cores; Kent 2025 wards; points: the located Kent incidents in the wards, repeated with 50 m jitter"
echo "== wardheat"
"$here/../wardheat" bench-hotspots --boundaries-file "$wards" --points 1000000 --kde-cell 250 --bandwidth 1000 --gi-cell 190 --peer-dir "$tmp" "${files[@]}"
echo "== R $(Rscript -e 'cat(as.character(getRversion()))') with spatstat $(Rscript -e 'cat(as.character(packageVersion("spatstat")))') and spdep $(Rscript -e 'cat(as.character(packageVersion("spdep")))')"
Rscript "$here/peer_r_hotspots.R" "$tmp" 250 1000 190
