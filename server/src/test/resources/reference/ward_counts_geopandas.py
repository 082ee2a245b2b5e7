#!/usr/bin/env python3
"""Independent reference for wardheat's ward join: per-ward, per-month, per-category counts of
police.uk street-level crimes, computed with geopandas (shapely point-in-polygon, predicate 'within').

Usage (Debian: apt-get install python3-geopandas):
  /usr/bin/python3 ward_counts_geopandas.py WARDS.geojson CODE_FIELD OUT.csv CRIME.csv.gz...

Writes ward_code,month,category,count for every combination with a count above zero. Points that fall
on no ward are left out; a point exactly on a shared edge would count in neither ('within'), which the
test would show as a mismatch.
"""
import sys

import geopandas as gpd
import pandas as pd


def main():
    wards_path, code_field, out_path, *crime_files = sys.argv[1:]
    wards = gpd.read_file(wards_path)[[code_field, "geometry"]].to_crs("EPSG:4326")
    frames = [pd.read_csv(f, usecols=["Month", "Longitude", "Latitude", "Crime type"]) for f in crime_files]
    crimes = pd.concat(frames, ignore_index=True).dropna(subset=["Longitude", "Latitude"])
    points = gpd.GeoDataFrame(crimes, geometry=gpd.points_from_xy(crimes.Longitude, crimes.Latitude), crs="EPSG:4326")
    joined = gpd.sjoin(points, wards, how="inner", predicate="within")
    counts = (joined.groupby([code_field, "Month", "Crime type"]).size().reset_index(name="count")
              .rename(columns={code_field: "ward_code", "Month": "month", "Crime type": "category"})
              .sort_values(["ward_code", "month", "category"]))
    counts.to_csv(out_path, index=False)
    print(f"{out_path}: {len(counts)} rows, {counts['count'].sum()} crimes in {wards[code_field].nunique()} wards")


if __name__ == "__main__":
    main()
