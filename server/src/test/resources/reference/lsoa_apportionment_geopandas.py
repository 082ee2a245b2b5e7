#!/usr/bin/env python3
"""Independent reference for wardheat's area totals: FixMyStreet report counts by LSOA 2011 sent to wards by
population weighting, computed with geopandas.

Method (the one the README documents): each Census 2021 LSOA (usual residents, the six age bands summed) is
placed at its polygon's representative point (GEOS PointOnSurface, the same rule as JTS getInteriorPoint);
it lies in one LSOA 2011 and one ward ('within'). The share of LSOA 2011 L in ward W is the residents placed
in both over the residents placed in L. An LSOA 2011 with no Census LSOA placed in it goes wholly to the ward
holding its own representative point; one outside every ward is unmatched.

Usage:
  python3 lsoa_apportionment_geopandas.py WARDS.geojson WARD_CODE_FIELD FMS.csv.gz CENSUS_AGE6.csv.gz OUT.csv \
      --lsoa11 LSOA11.geojson... --lsoa21 LSOA21.geojson...
The committed fms-kent-wd25-apportioned.csv: drkane ward/E10000016 (WD25CD); lsoa11 and lsoa polygons for
E10000016 and E06000035; the mysociety FMS file; the cwthom Census age-band file; every month (2007-2020).
Writes ward_code,category,count (count to 6 decimals), then prints the split share.
"""
import argparse

import geopandas as gpd
import pandas as pd


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("wards"), ap.add_argument("field"), ap.add_argument("fms"), ap.add_argument("census"), ap.add_argument("out")
    ap.add_argument("--lsoa11", nargs="+", required=True)
    ap.add_argument("--lsoa21", nargs="+", required=True)
    a = ap.parse_args()
    wards = gpd.read_file(a.wards)[[a.field, "geometry"]].rename(columns={a.field: "ward"}).to_crs("EPSG:4326")
    l11 = pd.concat([gpd.read_file(f)[["LSOA11CD", "geometry"]] for f in a.lsoa11]).to_crs("EPSG:4326")
    l21 = pd.concat([gpd.read_file(f)[["LSOA21CD", "geometry"]] for f in a.lsoa21]).to_crs("EPSG:4326")
    pop = pd.read_csv(a.census).groupby("lsoa21_code")["usual_residents"].sum()
    l21 = l21[l21.LSOA21CD.isin(pop.index)].copy()
    l21["residents"] = l21.LSOA21CD.map(pop)
    pts = gpd.GeoDataFrame(l21[["LSOA21CD", "residents"]], geometry=l21.geometry.representative_point(), crs="EPSG:4326")
    pts = gpd.sjoin(pts, l11, predicate="within").drop(columns="index_right")
    pts = gpd.sjoin(pts, wards, predicate="within")
    w = pts.groupby(["LSOA11CD", "ward"])["residents"].sum().reset_index()
    w["share"] = w.residents / w.groupby("LSOA11CD").residents.transform("sum")
    missing = l11[~l11.LSOA11CD.isin(w.LSOA11CD)]
    own = gpd.GeoDataFrame(missing[["LSOA11CD"]], geometry=missing.geometry.representative_point(), crs="EPSG:4326")
    own = gpd.sjoin(own, wards, predicate="within")
    own["share"] = 1.0
    shares = pd.concat([w[["LSOA11CD", "ward", "share"]], own[["LSOA11CD", "ward", "share"]]])
    fms = pd.read_csv(a.fms)
    nwards = shares.groupby("LSOA11CD").ward.nunique()
    j = fms.merge(shares, left_on="lsoa11cd", right_on="LSOA11CD", how="inner")
    j["count"] = j.reports * j.share
    out = j.groupby(["ward", "category"])["count"].sum().reset_index().rename(columns={"ward": "ward_code"})
    out["count"] = out["count"].round(6)
    out.sort_values(["ward_code", "category"]).to_csv(a.out, index=False)
    split = fms[fms.lsoa11cd.map(nwards).fillna(0) > 1].reports.sum()
    print(f"{a.out}: {len(out)} rows; {fms.reports.sum()} reports, {j['count'].sum():.3f} placed, "
          f"{len(own)} LSOAs by their own point, split share {split / fms.reports.sum():.6f}")


if __name__ == "__main__":
    main()
