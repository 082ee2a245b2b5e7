#!/usr/bin/env python3
"""Independent reference for wardheat's deprivation context: IoD 2019 (LSOA 2011) and Census 2021 residents by
age (LSOA 2021) for wards and a focus area made of wards, computed with geopandas.

Method: each Census LSOA 2021 is placed at its representative point (GEOS PointOnSurface = JTS interior point);
it takes the IoD rank and decile of the LSOA 2011 holding the point and counts in the ward holding it.
mean_rank = sum(residents * rank) / sum(residents); share_decile1 = residents in IMD decile 1 / residents.

Usage:
  python3 deprivation_geopandas.py WARDS.geojson WARD_CODE_FIELD LSOA11.geojson LSOA21.geojson AGE6.csv.gz IOD.csv OUT.csv CODE...
The committed maidstone-wd22-deprivation.csv: Maidstone 2022 wards (drkane ward_WD22_commit_d23350ed/E07000110),
lsoa11/E07000110, lsoa/E07000110, the cwthom Census and IoD files, wards E05005002 E05005003 E05005004 (Park Wood,
Shepway North, Shepway South); one row per ward and a row 'focus' for the three together.
"""
import sys

import geopandas as gpd
import pandas as pd


def main():
    wards_path, field, l11_path, l21_path, age_path, iod_path, out_path, *codes = sys.argv[1:]
    wards = gpd.read_file(wards_path)[[field, "geometry"]].rename(columns={field: "ward"})
    l11 = gpd.read_file(l11_path)[["LSOA11CD", "geometry"]]
    l21 = gpd.read_file(l21_path)[["LSOA21CD", "geometry"]]
    ages = pd.read_csv(age_path)
    iod = pd.read_csv(iod_path)[["lsoa11_code", "index_of_multiple_deprivation_imd_rank", "index_of_multiple_deprivation_imd_decile"]]
    pts = gpd.GeoDataFrame(l21[["LSOA21CD"]], geometry=l21.geometry.representative_point(), crs=l21.crs)
    pts = gpd.sjoin(pts, wards, predicate="within").drop(columns="index_right")
    pts = gpd.sjoin(pts, l11, predicate="within", how="left").drop(columns="index_right")
    pts = pts.merge(iod, left_on="LSOA11CD", right_on="lsoa11_code", how="left")
    a = ages.merge(pts[["LSOA21CD", "ward", "index_of_multiple_deprivation_imd_rank", "index_of_multiple_deprivation_imd_decile"]],
                   left_on="lsoa21_code", right_on="LSOA21CD")
    rows = []
    for name, sel in [(c, [c]) for c in codes] + [("focus", codes)]:
        s = a[a.ward.isin(sel)]
        r = s.usual_residents.sum()
        rank = (s.usual_residents * s.index_of_multiple_deprivation_imd_rank).sum() / r
        d1 = s[s.index_of_multiple_deprivation_imd_decile == 1].usual_residents.sum() / r
        row = {"area": name, "residents": r, "mean_rank": round(rank, 6), "share_decile1": round(d1, 6)}
        for band, n in s.groupby("age_group").usual_residents.sum().items():
            row[band] = n
        rows.append(row)
    pd.DataFrame(rows).to_csv(out_path, index=False)
    print(pd.DataFrame(rows).to_string())


if __name__ == "__main__":
    main()
