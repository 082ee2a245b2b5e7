#!/usr/bin/env python3
"""The peer for BENCHMARKS.md: the same work as `wardheat bench` done with pandas + geopandas.

Import = read every police.uk CSV (pandas), build points, spatial join to the wards (sjoin 'within',
shapely STRtree), and store the joined rows in SQLite (pandas.to_sql). Join only = sjoin of N points.
Peak memory is the process's maximum resident set (the Python heap has no separate figure).
Usage: /usr/bin/python3 peer_geopandas.py WARDS.geojson JOIN_POINTS CSV...
"""
import os
import resource
import sqlite3
import sys
import tempfile
import time

import geopandas as gpd
import pandas as pd


def main():
    wards_path, join_points, *files = sys.argv[1:]
    join_points = int(join_points)
    wards = gpd.read_file(wards_path)
    code = [c for c in wards.columns if c.upper().startswith("WD") and c.upper().endswith("CD")][0]
    wards = wards[[code, "geometry"]]

    t0 = time.perf_counter()
    crimes = pd.concat([pd.read_csv(f) for f in files], ignore_index=True)
    rows = len(crimes)
    located = crimes.dropna(subset=["Longitude", "Latitude"])
    points = gpd.GeoDataFrame(located, geometry=gpd.points_from_xy(located.Longitude, located.Latitude), crs="EPSG:4326")
    joined = gpd.sjoin(points, wards, how="left", predicate="within")
    with tempfile.TemporaryDirectory() as d:
        db = sqlite3.connect(os.path.join(d, "peer.db"))
        pd.DataFrame(joined.drop(columns="geometry")).to_sql("incident", db, index=False)
        db.commit()
        db.close()
    seconds = time.perf_counter() - t0
    inside = int(joined[code].notna().sum())
    print(f"import: {len(files)} files, {rows:,} rows ({inside:,} in wards) in {seconds:.2f} s = {rows / seconds:,.0f} rows/s; "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")

    reps = -(-join_points // len(points))
    many = pd.concat([points] * reps, ignore_index=True).iloc[:join_points]
    many = gpd.GeoDataFrame(many[["geometry"]], geometry="geometry", crs="EPSG:4326")
    gpd.sjoin(many.iloc[:100000], wards, how="left", predicate="within")  # warm-up
    t1 = time.perf_counter()
    j = gpd.sjoin(many, wards, how="left", predicate="within")
    seconds = time.perf_counter() - t1
    print(f"join only: {len(many):,} points against {len(wards)} wards in {seconds:.3f} s = {len(many) / seconds:,.0f} points/s "
          f"({int(j[code].notna().sum()):,} inside)")


if __name__ == "__main__":
    main()
