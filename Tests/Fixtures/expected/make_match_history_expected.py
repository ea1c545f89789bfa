#!/usr/bin/env python3
"""Test-only: recomputes the match-history analyses of the sample with pandas/numpy/geopandas,
independently of hulpatlas, and writes the unsuppressed answers for the end-to-end test:

    pip install geopandas pandas numpy
    python3 Tests/Fixtures/expected/make_match_history_expected.py

Definitions follow docs and README: matched = match|doorverwezen, not matched = geen_match|
afgewezen|ingetrokken, open = in_behandeling; distances between PC4 point-on-surface points
(shapely representative_point) for matched help requests with a volunteer postcode; quantiles
by numpy's default (linear, type 7). Never a runtime dependency.
"""
import os

import geopandas as gpd
import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
data = lambda name: os.path.join(ROOT, "Data", name)

areas = gpd.read_file(data("cbs_pc4_2020_drechtsteden.gpkg")).set_index("postcode")
points = {code: (g.representative_point().x, g.representative_point().y) for code, g in areas.geometry.items()}
req = pd.read_csv(data("sample_requests.csv"), dtype=str, keep_default_na=False)
hlp = pd.read_csv(data("sample_helpers.csv"), dtype=str, keep_default_na=False)
outcome = {"match": "matched", "doorverwezen": "matched", "geen_match": "not_matched", "afgewezen": "not_matched",
           "ingetrokken": "not_matched", "in_behandeling": "open"}
req["outcome"] = req.status.map(outcome)
req["created"] = pd.to_datetime(req.created_at)
req["quarter"] = req.created.dt.year.astype(str) + "-Q" + req.created.dt.quarter.astype(str)
req["month"] = req.created.dt.strftime("%Y-%m")
help_ = req[req.kind == "hulpvraag"]

# Distances
m = help_[(help_.outcome == "matched") & (help_.helper_postcode != "")].copy()
a = m.requester_postcode.str[:4].map(points)
b = m.helper_postcode.str[:4].map(points)
m["metres"] = [np.hypot(p[0] - q[0], p[1] - q[1]) for p, q in zip(a, b)]
m["same"] = m.requester_postcode.str[:4] == m.helper_postcode.str[:4]
rows = []
def summary(grouping, group, d):
    x = d.metres.to_numpy()
    rows.append([grouping, group, len(x), int(d.same.sum()), np.quantile(x, 0.5), np.quantile(x, 0.75),
                 np.quantile(x, 0.9), (x <= 1000).mean(), (x <= 3000).mean(), (x <= 5000).mean()])
summary("all", "all", m)
for grouping, column in [("category", "category"), ("location", "location"), ("organisation", "organisation"),
                         ("quarter", "quarter")]:
    for group, d in sorted(m.groupby(column), key=lambda t: t[0]):
        summary(grouping, group, d)
pd.DataFrame(rows, columns=["grouping", "group", "matches", "same_area_matches", "median_m", "p75_m", "p90_m",
                            "share_within_1km", "share_within_3km", "share_within_5km"]).to_csv(
    os.path.join(HERE, "sample_distances.csv"), index=False, float_format="%.6f")

# Distances per location (and all) and quarter, in all and per category, with the bins of all:
# 500 m bins holding (start, end], bin 0 also 0 m, the last one everything above 10 km.
m["category_"] = m.category.replace("", "unknown")
m["bin"] = np.minimum(np.maximum(np.ceil(m.metres / 500) - 1, 0), 20).astype(int)
rows, bins = [], []
for location in sorted(m.location.unique()) + ["all"]:
    in_loc = m if location == "all" else m[m.location == location]
    for quarter, d in sorted(in_loc.groupby("quarter"), key=lambda t: t[0]):
        for category, c in [("all", d)] + sorted(d.groupby("category_"), key=lambda t: t[0]):
            x = c.metres.to_numpy()
            rows.append([location, quarter, category, len(x), np.quantile(x, 0.5), (x <= 3000).mean()])
        counts = d.bin.value_counts()
        for k in range(21):
            bins.append([location, quarter, str(k * 500), int(counts.get(k, 0))])
pd.DataFrame(rows, columns=["location", "quarter", "category", "matches", "median_m", "share_within_3km"]).to_csv(
    os.path.join(HERE, "sample_distances_quarterly.csv"), index=False, float_format="%.6f")
pd.DataFrame(bins, columns=["location", "quarter", "bin_from_m", "matches"]).to_csv(
    os.path.join(HERE, "sample_distance_histogram_quarterly.csv"), index=False)

# Supply/demand, per location and for all of them (every volunteer)
rows = []
for location, d in sorted(help_.groupby("location"), key=lambda t: t[0]) + [("all", help_)]:
    periods = pd.period_range(d.created.min(), d.created.max(), freq="Q")
    for period in periods:
        first, last = period.start_time.strftime("%Y-%m-%d"), period.end_time.strftime("%Y-%m-%d")
        label = f"{period.year}-Q{period.quarter}"
        for category in ["praktisch", "sociaal", "vervoer"]:
            cell = d[(d.quarter == label) & (d.category == category)]
            active = hlp[((hlp.location == location) | (location == "all")) & hlp.categories.str.split(";").apply(lambda c: category in c)
                         & (hlp.active_from <= last) & ((hlp.active_until == "") | (hlp.active_until >= first))]
            done = cell[(cell.outcome == "matched") & (cell.closed_at != "")]
            days = (pd.to_datetime(done.closed_at) - done.created).dt.days
            rows.append([location, label, category, len(cell), int((cell.outcome == "matched").sum()),
                         int((cell.outcome == "not_matched").sum()), int((cell.outcome == "open").sum()), len(active),
                         float(np.median(days)) if len(days) else ""])
pd.DataFrame(rows, columns=["location", "period", "category", "requests", "matched", "not_matched", "open",
                            "active_helpers", "median_days_to_match"]).to_csv(
    os.path.join(HERE, "sample_supply_demand.csv"), index=False)

# Monthly series and trend
rows, trends = [], []
def monthly(location, d):
    months = pd.period_range(d.created.min(), d.created.max(), freq="M").strftime("%Y-%m")
    totals = []
    for month in months:
        cell = d[d.month == month]
        h = cell[cell.kind == "hulpvraag"]
        rows.append([location, month, len(h), len(cell) - len(h), int((h.outcome == "matched").sum()),
                     int((h.outcome == "not_matched").sum()), int((h.outcome == "open").sum())])
        totals.append(len(cell))
    slope, intercept = np.polyfit(np.arange(len(totals)), totals, 1)
    trends.append([location, slope, intercept])
for location, d in sorted(req.groupby("location"), key=lambda t: t[0]):
    monthly(location, d)
monthly("all", req)
pd.DataFrame(rows, columns=["location", "month", "help_requests", "info_requests", "matched", "not_matched",
                            "open"]).to_csv(os.path.join(HERE, "sample_monthly.csv"), index=False)
pd.DataFrame(trends, columns=["location", "slope_per_month", "intercept"]).to_csv(
    os.path.join(HERE, "sample_trend.csv"), index=False, float_format="%.6f")

# Quarterly: the months summed per location and quarter
monthly_rows = pd.DataFrame(rows, columns=["location", "month", "help_requests", "info_requests", "matched",
                                           "not_matched", "open"])
monthly_rows["quarter"] = pd.PeriodIndex(monthly_rows.month, freq="M").asfreq("Q").strftime("%Y-Q%q")
quarterly = monthly_rows.groupby(["location", "quarter"], sort=True)[
    ["help_requests", "info_requests", "matched", "not_matched", "open"]].sum().reset_index()
quarterly["total"] = quarterly.help_requests + quarterly.info_requests
decided = quarterly.matched + quarterly.not_matched
quarterly["match_rate"] = np.where(decided > 0, quarterly.matched / decided.where(decided > 0, 1), np.nan)
quarterly.to_csv(os.path.join(HERE, "sample_quarterly.csv"), index=False, float_format="%.6f")

# Breakdowns
rows = []
req["year"] = req.created.dt.year.astype(str)
for location in sorted(req.location.unique()) + ["all"]:
    in_loc = req if location == "all" else req[req.location == location]
    for period in sorted(in_loc.year.unique()) + sorted(in_loc.quarter.unique()) + ["all"]:
        cell = in_loc if period == "all" else in_loc[(in_loc.year == period) | (in_loc.quarter == period)]
        h = cell[cell.kind == "hulpvraag"]
        dims = [("kind", cell, cell.kind), ("category", h, h.category),
                ("requester_type", h, h.requester_type.replace("", "unknown")), ("outcome", h, h.outcome),
                ("organisation", h[h.outcome == "matched"], h[h.outcome == "matched"].organisation.replace("", "unknown"))]
        for dim, subset, values in dims:
            for value, count in sorted(values.value_counts().items()):
                rows.append([location, period, dim, value, count, len(subset)])
pd.DataFrame(rows, columns=["location", "period", "dimension", "value", "count", "total"]).to_csv(
    os.path.join(HERE, "sample_breakdowns.csv"), index=False)
print("expected match-history answers written")
