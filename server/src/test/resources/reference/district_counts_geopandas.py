#!/usr/bin/env python3
"""Independent reference for `boundaries dissolve`: the wards of a boundary file dissolved by a property
(geopandas dissolve = shapely union per group), then police.uk points joined to the dissolved areas
(predicate 'within'), counted per area, month and category.

Usage:
  python3 district_counts_geopandas.py WARDS.geojson GROUP_FIELD OUT.csv CRIME.csv.gz...
e.g. (the committed kent-lad25-dissolved-kent-2022.csv; -2024.csv from the Leonard-Theodorus 2024-0[1-4] files, geopandas 1.2.0 / shapely 2):
  python3 district_counts_geopandas.py ../shared/data/real/drkane_geo-lookups/boundaries/ward/E10000016.geojson \
      LAD25CD kent-lad25-dissolved-kent-2022.csv ../shared/data/real/police_uk_kent/karnmodi_BDML/2022-*.csv.gz

Writes area_code,month,category,count for every combination with a count above zero.
"""
import sys

import geopandas as gpd
import pandas as pd


def main():
    wards_path, field, out_path, *crime_files = sys.argv[1:]
    wards = gpd.read_file(wards_path)[[field, "geometry"]].to_crs("EPSG:4326")
    areas = wards.dissolve(by=field).reset_index()
    frames = [pd.read_csv(f, usecols=["Month", "Longitude", "Latitude", "Crime type"]) for f in crime_files]
    crimes = pd.concat(frames, ignore_index=True).dropna(subset=["Longitude", "Latitude"])
    points = gpd.GeoDataFrame(crimes, geometry=gpd.points_from_xy(crimes.Longitude, crimes.Latitude), crs="EPSG:4326")
    joined = gpd.sjoin(points, areas, how="inner", predicate="within")
    counts = (joined.groupby([field, "Month", "Crime type"]).size().reset_index(name="count")
              .rename(columns={field: "area_code", "Month": "month", "Crime type": "category"})
              .sort_values(["area_code", "month", "category"]))
    counts.to_csv(out_path, index=False)
    print(f"{out_path}: {len(counts)} rows, {counts['count'].sum()} crimes in {len(areas)} areas")


if __name__ == "__main__":
    main()
