#!/usr/bin/env python3
"""Benchmark input: about 460,000 synthetic PC6 areas covering the country (deterministic seed).

    python3 Benchmarks/generate_pc6.py PC4_GPKG OUT_GPKG [SHARE]

Each real PC4 polygon of the CBS PC4 2020 file is cut into Voronoi cells around random points
inside it, one cell per ~17.5 households (the national average per PC6), clipped to the PC4
outline, so the cells tile the PC4 area exactly. Cell codes are the PC4 code plus two letters
(never SA, SD or SS, as at PostNL). Counts are split over the cells with random weights and
rounded to 5 as CBS does; percentages and averages are the PC4 value with noise; cells with
fewer than 10 inhabitants carry CBS's secrecy code -99997 in every column but the population,
like the real PC6 file. SHARE (0-1, default 1) keeps that share of the PC4 areas (every k-th
in code order), for the 10 % / 50 % scaling runs. Written as a GeoPackage in EPSG:28992 with
the CBS long column names. Uses shapely/pyogrio/geopandas (PyPI, benchmark only).
"""
import sys

import geopandas as gpd
import numpy as np
import pyogrio
import shapely

SECRET = -99997
HOUSEHOLDS_PER_CELL = 17.5
LETTERS = [a + b for a in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" for b in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
           if a + b not in ("SA", "SD", "SS")]

src, out = sys.argv[1], sys.argv[2]
share = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
rng = np.random.default_rng(6)
frame = pyogrio.read_dataframe(src)
geoms = frame.geometry.to_numpy()
frame = frame.drop(columns=frame.geometry.name)
frame = frame.drop(columns=[c for c in frame.columns if c.startswith("certegis") or c == "fid"], errors="ignore")
order = np.argsort(frame["postcode"].to_numpy())
if share < 1:
    step = round(1 / share)
    order = order[::step]
count_columns = [c for c in frame.columns if c.startswith("aantal_")]
level_columns = [c for c in frame.columns if c != "postcode" and c not in count_columns]

codes, cells, rows = [], [], {c: [] for c in count_columns + level_columns}
for i in order:
    polygon = geoms[i]
    if polygon is None or shapely.is_empty(polygon):
        continue
    record = frame.iloc[i]
    households = record["aantal_part_huishoudens"]
    households = households if households > 0 else 0
    k = int(min(len(LETTERS), max(1, round(households / HOUSEHOLDS_PER_CELL))))
    minx, miny, maxx, maxy = polygon.bounds
    points = np.empty((0, 2))
    while len(points) < k:
        xy = rng.uniform((minx, miny), (maxx, maxy), size=(4 * k + 16, 2))
        points = np.vstack([points, xy[shapely.contains_xy(polygon, xy[:, 0], xy[:, 1])]])
    points = points[:k]
    if k == 1:
        parts = [polygon]
    else:
        voronoi = shapely.voronoi_polygons(shapely.multipoints(points), extend_to=polygon)
        parts = shapely.intersection(shapely.get_parts(voronoi), polygon)
        parts = [p for p in parts if not shapely.is_empty(p) and shapely.area(p) > 0][:k]
    weights = rng.dirichlet(np.full(len(parts), 4.0))
    letters = sorted(rng.choice(len(LETTERS), size=len(parts), replace=False))
    for j, part in enumerate(parts):
        codes.append(record["postcode"] + LETTERS[letters[j]])
        cells.append(shapely.multipolygons(shapely.get_parts(part)) if part.geom_type != "MultiPolygon" else part)
    for c in count_columns:
        v = record[c]
        if v is None or v < 0:
            rows[c].extend([SECRET] * len(parts))
        else:
            rows[c].extend((np.round(weights * v / 5) * 5).astype(int).tolist())
    for c in level_columns:
        v = record[c]
        if v is None or v < 0:
            rows[c].extend([v if v is not None else SECRET] * len(parts))
        elif c == "stedelijkheid":
            rows[c].extend([int(v)] * len(parts))
        else:
            noisy = v * rng.normal(1, 0.15, size=len(parts))
            rows[c].extend(np.round(noisy, 1).tolist() if isinstance(v, float) and not float(v).is_integer()
                           else np.maximum(0, np.round(noisy)).astype(int).tolist())

population = np.array(rows["aantal_inwoners"])
small = (population >= 0) & (population < 10)
columns = {"postcode": np.array(codes, dtype=object)}
for c in count_columns + level_columns:
    values = np.array(rows[c], dtype=float)
    if c != "aantal_inwoners":
        values[small] = SECRET
    columns[c] = values.astype(int) if c != "gemiddelde_huishoudensgrootte" else values
gdf = gpd.GeoDataFrame(columns, geometry=np.array(cells, dtype=object), crs=28992)
gdf.to_file(out, layer="cbs_pc6_synthetic", driver="GPKG", engine="pyogrio", VERSION="1.2")
print(f"wrote {len(gdf)} PC6 cells from {len(order)} PC4 areas to {out}")
