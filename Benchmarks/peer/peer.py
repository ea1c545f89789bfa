#!/usr/bin/env python3
"""The peer of `make bench`: the national computations written the way an analyst would, with
geopandas/pyogrio/pandas/numpy (PyPI, installed by the bench target; never a runtime
dependency of hulpatlas).

    python3 Benchmarks/peer/peer.py PC4_GPKG PC6_GPKG REQUESTS_CSV HELPERS_CSV OUT_DIR

Steps, each timed (printed as JSON on the last line):
  read        read both area files
  geometry    area and point on surface of every area
  index       the debt and loneliness indices on PC4 (shrunk rates, mid-rank percentiles,
              weighted composite ranked again), as docs/METHOD.md defines them
  distances   requester-volunteer distances of matched help requests (PC6 points, else PC4)
              and their quantiles
  supply      supply/demand per location, quarter and category (requests, outcomes, active
              volunteers)
It writes peer_areas.csv, peer_index.csv, peer_distances.csv and peer_supply_demand.csv to
OUT_DIR, which bench.py compares with hulpatlas's outputs before the peer's time counts.
"""
import json
import os
import sys
import time

import numpy as np
import pandas as pd
import pyogrio
import shapely

pc4_path, pc6_path, requests_path, helpers_path, out = sys.argv[1:6]
os.makedirs(out, exist_ok=True)
timings = {}
clock = time.perf_counter()


def lap(name):
    global clock
    now = time.perf_counter()
    timings[name] = now - clock
    clock = now


# read
pc4 = pyogrio.read_dataframe(pc4_path)
pc6 = pyogrio.read_dataframe(pc6_path)
lap("read")

# geometry: area and point on surface (shapely's representative_point is GEOS PointOnSurface)
points = {}
for frame in (pc4, pc6):
    valid = ~(frame.geometry.isna() | frame.geometry.is_empty)
    frame["area_km2"] = np.where(valid, frame.geometry.area / 1e6, np.nan)
    rep = frame.geometry[valid].representative_point()
    frame.loc[valid, "point_x"] = rep.x
    frame.loc[valid, "point_y"] = rep.y
pd.concat([pc4[["postcode", "area_km2", "point_x", "point_y"]], pc6[["postcode", "area_km2", "point_x", "point_y"]]]) \
    .to_csv(os.path.join(out, "peer_areas.csv"), index=False)
lap("geometry")

# index (PC4): CBS codes (<= -99990) are missing
SHRINK, MIN_POP = 50.0, 50.0
stats = pc4.drop(columns="geometry").set_index("postcode").sort_index()
numeric = stats.select_dtypes("number")
numeric = numeric.where(numeric > -99990)
# Population: aantal_inwoners, else the 2021 Certegis estimate (hulpatlas's known population columns).
population = numeric["aantal_inwoners"].fillna(numeric["certegis_inwoners_2021"])
eligible = population.fillna(0) >= MIN_POP
age15_65 = numeric[["aantal_inwoners_15_tot_25_jaar", "aantal_inwoners_25_tot_45_jaar",
                    "aantal_inwoners_45_tot_65_jaar"]].sum(axis=1, min_count=3)
households = numeric["aantal_part_huishoudens"]


def rate(num, den):
    ok = num.notna() & den.notna() & eligible
    pooled = num[ok].sum() / den[ok].sum()
    r = (num + SHRINK * pooled) / (den + SHRINK)
    return r.where(num.notna() & den.notna() & (den > 0))


def composite(parts):
    pct = pd.DataFrame({name: (v if up else -v).where(eligible).rank(method="average")
                        .pipe(lambda r, v=v: 100 * (r - 0.5) / (v.where(eligible).notna().sum()))
                        for name, (v, up, w) in parts.items()})
    # Weighted mean, summed component by component in the order of the definition (as
    # hulpatlas does: a different summation order breaks exact ties differently).
    weighted, total = pd.Series(0.0, index=pct.index), pd.Series(0.0, index=pct.index)
    for name, (v, up, w) in parts.items():
        weighted = weighted + (w * pct[name]).fillna(0)
        total = total + pct[name].notna() * w
    have = pct.notna()
    score = weighted / total
    ranked = eligible & (have.sum(axis=1) >= len(parts) / 2)
    score = score.where(ranked)
    return 100 * (score.rank(method="average") - 0.5) / score.notna().sum()


# The fitted default weights (docs/validation/fitted_indices.json), components in hulpatlas's order.
benefits = rate(numeric["aantal_personen_met_uitkering_onder_aowlft"], age15_65)
singles = rate(numeric["aantal_eenpersoonshuishoudens"], households)
woz = numeric["gemiddelde_woz_waarde_woning"]
index = pd.DataFrame({
    "debt_percentile": composite({
        "single_parents": (rate(numeric["aantal_eenouderhuishoudens"], households), True, 0.5),
        "singles": (singles, True, 1), "woz": (woz, False, 0.5),
        "non_western": (numeric["percentage_niet_westerse_migr_achtergr"], True, 1),
        "rented": (numeric["percentage_huurwoningen"], True, 1),
        "young_adults": (rate(numeric["aantal_inwoners_15_tot_25_jaar"], population), True, 0.5)}),
    "loneliness_percentile": composite({
        "benefits": (benefits, True, 0.5), "household_size": (numeric["gemiddelde_huishoudensgrootte"], False, 0.5),
        "woz": (woz, False, 0.5), "western": (numeric["percentage_westerse_migr_achtergr"], True, 1),
        "address_density": (numeric["omgevingsadressendichtheid"], True, 1)}),
})
index.to_csv(os.path.join(out, "peer_index.csv"), index_label="postcode")
lap("index")

# distances
requests = pd.read_csv(requests_path, dtype=str, keep_default_na=False)
helpers = pd.read_csv(helpers_path, dtype=str, keep_default_na=False)
outcome = {"match": "matched", "doorverwezen": "matched", "geen_match": "not_matched", "afgewezen": "not_matched",
           "ingetrokken": "not_matched", "in_behandeling": "open"}
requests["outcome"] = requests.status.map(outcome)
help_requests = requests[requests.kind == "hulpvraag"].copy()
xy6 = pc6.set_index("postcode")[["point_x", "point_y"]]
xy4 = pc4.set_index("postcode")[["point_x", "point_y"]]


def locate(postcodes):
    at6 = xy6.reindex(postcodes.str.replace(" ", "").str.upper())
    at4 = xy4.reindex(postcodes.str[:4])
    return np.where(at6.notna().to_numpy(), at6.to_numpy(), at4.to_numpy())


matched = help_requests[(help_requests.outcome == "matched") & (help_requests.helper_postcode != "")]
a, b = locate(matched.requester_postcode), locate(matched.helper_postcode)
metres = np.hypot(a[:, 0] - b[:, 0], a[:, 1] - b[:, 1])
metres = metres[~np.isnan(metres)]
pd.DataFrame([{"matches": len(metres), "median_m": np.quantile(metres, 0.5), "p75_m": np.quantile(metres, 0.75),
               "p90_m": np.quantile(metres, 0.9), "share_within_3km": (metres <= 3000).mean()}]) \
    .to_csv(os.path.join(out, "peer_distances.csv"), index=False)
lap("distances")

# supply/demand per location, quarter, category
created = pd.to_datetime(help_requests.created_at)
help_requests["period"] = created.dt.year.astype(str) + "-Q" + created.dt.quarter.astype(str)
counts = help_requests.groupby(["location", "period", "category", "outcome"]).size().unstack(fill_value=0)
counts["requests"] = counts.sum(axis=1)
periods = pd.PeriodIndex(sorted(help_requests.period.unique()), freq="Q")
cats = helpers.assign(category=helpers.categories.str.split(";")).explode("category")
active = []
for period in periods:
    first, last = period.start_time.strftime("%Y-%m-%d"), period.end_time.strftime("%Y-%m-%d")
    alive = cats[(cats.active_from <= last) & ((cats.active_until == "") | (cats.active_until >= first))]
    n = alive.groupby(["location", "category"]).size().rename("active_helpers").reset_index()
    n["period"] = f"{period.year}-Q{period.quarter}"
    active.append(n)
supply = counts.reset_index().merge(pd.concat(active), on=["location", "period", "category"], how="left")
supply["active_helpers"] = supply.active_helpers.fillna(0).astype(int)
supply[["location", "period", "category", "requests", "matched", "not_matched", "open", "active_helpers"]] \
    .to_csv(os.path.join(out, "peer_supply_demand.csv"), index=False)
lap("supply")

print(json.dumps(timings))
