"""Independent reference for the ward table's change test on real data (issue #10).

Maidstone's 22 wards of 2025 (drkane/geo-lookups boundaries/ward/E07000110.geojson), police.uk Kent
street crime of January to April 2024 against January to April 2022 (both imported). This script reads
the raw police.uk CSVs itself, joins every located row to a ward by its own ray-casting point-in-polygon
test (no GIS library), counts per ward and in total, and computes for each count:

  p_scipy        scipy.stats.binomtest(x1, x1 + x2, t1 / (t1 + t2)) two-sided, t1 = t2 = 4 months
                 (= R's poisson.test(c(x1, x2), c(t1, t2))$p.value)
  p_r            R's poisson.test(c(x1, x2), c(4, 4))$p.value, run with Rscript
  ci_low/ci_high R's poisson.test(x1)$conf.int (exact 95% Garwood interval of the 2024 count)

Run:  python3 maidstone_2024_vs_2022_reference.py [path/to/shared/data/real]
(SciPy 1.17, R 4.x; writes maidstone_2024_vs_2022_reference.csv beside this script.)
"""
import csv
import gzip
import io
import json
import os
import subprocess
import sys

from scipy import stats

HERE = os.path.dirname(os.path.abspath(__file__))
REAL = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "../../../../../../shared/data/real")
MONTHS = {"2024": ["2024-01", "2024-02", "2024-03", "2024-04"], "2022": ["2022-01", "2022-02", "2022-03", "2022-04"]}
FOLDERS = {"2024": "Leonard-Theodorus_UK-Q1-2024-Crime-Data-Analysis", "2022": "karnmodi_BDML"}


def rings(geometry):
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return polys


def inside_ring(x, y, ring):
    c = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            c = not c
        j = i
    return c


def inside(x, y, polys):
    for poly in polys:
        if inside_ring(x, y, poly[0]) and not any(inside_ring(x, y, hole) for hole in poly[1:]):
            return True
    return False


def main():
    with open(os.path.join(REAL, "drkane_geo-lookups/boundaries/ward/E07000110.geojson")) as f:
        wards = json.load(f)["features"]
    shapes = []
    for w in wards:
        polys = rings(w["geometry"])
        xs = [p[0] for poly in polys for p in poly[0]]
        ys = [p[1] for poly in polys for p in poly[0]]
        shapes.append((w["properties"]["WD25CD"], w["properties"]["WD25NM"], polys, min(xs), max(xs), min(ys), max(ys)))
    counts = {year: {code: 0 for code, *_ in shapes} for year in MONTHS}
    for year, months in MONTHS.items():
        for m in months:
            path = os.path.join(REAL, "police_uk_kent", FOLDERS[year], m + "-kent-street.csv.gz")
            with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    if not row["Longitude"] or not row["Latitude"]:
                        continue
                    x, y = float(row["Longitude"]), float(row["Latitude"])
                    for code, _, polys, x0, x1, y0, y1 in shapes:
                        if x0 <= x <= x1 and y0 <= y <= y1 and inside(x, y, polys):
                            counts[year][code] += 1
                            break
    rows = [(code, name, counts["2024"][code], counts["2022"][code]) for code, name, *_ in shapes]
    rows.append(("ALL", "All wards", sum(r[2] for r in rows), sum(r[3] for r in rows)))
    r_script = "x <- read.csv(file('stdin'))\nfor (i in seq_len(nrow(x))) {\n" \
               "  t <- poisson.test(c(x$x1[i], x$x2[i]), c(4, 4))\n  ci <- poisson.test(x$x1[i])$conf.int\n" \
               "  cat(sprintf('%.17g,%.17g,%.17g\\n', t$p.value, ci[1], ci[2]))\n}\n"
    r_in = "x1,x2\n" + "".join(f"{a},{b}\n" for _, _, a, b in rows)
    r_out = subprocess.run(["Rscript", "-e", r_script], input=r_in, capture_output=True, text=True, check=True).stdout.split()
    with open(os.path.join(HERE, "maidstone_2024_vs_2022_reference.csv"), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["ward_code", "ward_name", "count_2024", "count_2022", "p_scipy", "p_r", "ci_low", "ci_high"])
        for (code, name, a, b), r in zip(rows, r_out):
            p_r, lo, hi = (float(v) for v in r.split(","))
            p_s = 1.0 if a + b == 0 else stats.binomtest(a, a + b, 0.5).pvalue
            assert abs(p_s - p_r) < 1e-12, (code, p_s, p_r)
            out.writerow([code, name, a, b, repr(float(p_s)), repr(p_r), repr(lo), repr(hi)])


if __name__ == "__main__":
    main()
