#!/usr/bin/env python3
"""Test-only: computes reference values for the Geo/Ingest tests with geopandas/shapely/pyproj,
independently of hulpatlas's GDAL code. Run by hand when the fixture data changes:

    pip install geopandas pyogrio
    python3 Tests/Fixtures/expected/make_expected.py

It writes drechtsteden_areas.csv (area, centroid, point-on-surface of each PC4 area, from the
EPSG:28992 GeoPackage and from the EPSG:4326 GeoJSON reprojected by pyproj) and
drechtsteden_distances.csv (centroid-to-centroid distances between pairs of areas).
Never a runtime dependency of hulpatlas.
"""
import csv
import os

import geopandas as gpd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
GPKG = os.path.join(ROOT, "Data", "cbs_pc4_2020_drechtsteden.gpkg")
GEOJSON = os.path.join(ROOT, "Tests", "Fixtures", "areas", "cbs_pc4_2020_drechtsteden_wgs84.geojson")

rd = gpd.read_file(GPKG).sort_values("postcode").reset_index(drop=True)
assert rd.crs.to_epsg() == 28992
wgs = gpd.read_file(GEOJSON).to_crs(28992).set_index("postcode")

with open(os.path.join(HERE, "drechtsteden_areas.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["postcode", "area_m2", "centroid_x", "centroid_y", "area_m2_from_wgs84", "population"])
    for _, r in rd.iterrows():
        g = r.geometry
        w.writerow([r.postcode, f"{g.area:.3f}", f"{g.centroid.x:.3f}", f"{g.centroid.y:.3f}",
                    f"{wgs.loc[r.postcode].geometry.area:.3f}", r.aantal_inwoners])

codes = list(rd.postcode)
cent = {r.postcode: r.geometry.centroid for _, r in rd.iterrows()}
with open(os.path.join(HERE, "drechtsteden_distances.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["from", "to", "centroid_distance_m"])
    for a, b in zip(codes, codes[1:] + codes[:1]):
        w.writerow([a, b, f"{cent[a].distance(cent[b]):.3f}"])
print("wrote", len(codes), "areas")
