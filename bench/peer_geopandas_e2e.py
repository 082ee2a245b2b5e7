#!/usr/bin/env python3
"""The geopandas peer for bench/run-e2e.sh: read the police.uk files, join them to the wards, count
ward x month x category, then the ward table for one year from those counts.

Each step is timed and printed as `geopandas <step> <seconds>`; the process's peak resident memory as
`geopandas peak_rss_bytes <bytes>`. The join uses 'intersects' (a point on an edge shared by two wards
matches both) and keeps the ward whose code sorts first, wardheat's rule.
Usage: /usr/bin/python3 peer_geopandas_e2e.py WARDS.geojson YEAR OUT_WARD_COUNTS.csv FILE.csv.gz...
"""
import re
import resource
import sys
import time

import geopandas as gpd
import pandas as pd


def main():
    wards_path, year, out_path, *files = sys.argv[1:]
    wards = gpd.read_file(wards_path)
    code = [c for c in wards.columns if re.fullmatch(r"WD\d\dCD", c, re.I)][0]
    wards = wards[[code, "geometry"]].rename(columns={code: "ward_code"}).to_crs("EPSG:4326")

    t = time.perf_counter()
    crimes = pd.concat([pd.read_csv(f, usecols=["Month", "Longitude", "Latitude", "Crime type"],
                                    dtype={"Month": "category", "Crime type": "category"}) for f in files],
                       ignore_index=True)
    t = lap("read_csv", t)
    located = crimes.dropna(subset=["Longitude", "Latitude"])
    points = gpd.GeoDataFrame(located, geometry=gpd.points_from_xy(located.Longitude, located.Latitude), crs="EPSG:4326")
    joined = gpd.sjoin(points, wards, how="inner", predicate="intersects")
    first = joined.groupby(level=0)["ward_code"].min()  # one ward per point: the code that sorts first
    t = lap("sjoin", t)
    counted = located[["Month", "Crime type"]].join(first, how="inner")
    agg = counted.groupby(["ward_code", "Month", "Crime type"], observed=True).size().rename("n").reset_index()
    t = lap("groupby", t)
    months = agg.Month.astype(str)
    year_counts = (agg[(months >= f"{year}-01") & (months <= f"{year}-12")].groupby("ward_code").n.sum()
                   .rename("count").reset_index().sort_values("ward_code"))
    lap("year_from_aggregate", t)
    year_counts.to_csv(out_path, index=False)
    print(f"geopandas rows {len(crimes)}")
    print(f"geopandas peak_rss_bytes {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}")


def lap(step, t0):
    t1 = time.perf_counter()
    print(f"geopandas {step} {t1 - t0:.2f}", flush=True)
    return t1


if __name__ == "__main__":
    main()
