#!/usr/bin/env python3
"""Independent oracle for `hulpatlas study` on the generated study history
(Tests/Fixtures/study/study_requests.csv): pandas for the counts, statsmodels for Wilson's
interval and the least-squares trend with its 95% interval, scipy for Student's t quantiles.
Writes study_expected.csv (measure,value) beside this script.
Needs: pip install pandas scipy statsmodels
"""
import os

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats.proportion import proportion_confint

HERE = os.path.dirname(os.path.abspath(__file__))
FROM, TO = pd.Timestamp("2021-02-15"), pd.Timestamp("2023-06-15")
MATCHED, NOT_MATCHED = {"match", "doorverwezen"}, {"geen_match", "afgewezen", "ingetrokken"}

df = pd.read_csv(os.path.join(HERE, "..", "study", "study_requests.csv"), parse_dates=["created_at", "closed_at"],
                 dtype={"requester_birth_year": "Int64"})
df = df[(df.created_at >= FROM) & (df.created_at <= TO)]
help_ = df[df.kind == "hulpvraag"].copy()
help_["matched"] = help_.status.isin(MATCHED)
help_["decided"] = help_.status.isin(MATCHED | NOT_MATCHED)
out = []


def put(measure, value):
    out.append((measure, value))


def rate(prefix, rows):
    m, n = int(rows.matched.sum()), int(rows.decided.sum())
    low, high = proportion_confint(m, n, alpha=0.05, method="wilson")
    put(f"{prefix}match_rate", m / n)
    put(f"{prefix}match_rate_low", low)
    put(f"{prefix}match_rate_high", high)


put("questions", len(df))
put("info_requests", int((df.kind == "informatievraag").sum()))
put("help_requests", len(help_))
put("matched", int(help_.matched.sum()))
put("not_matched", int((help_.decided & ~help_.matched).sum()))
rate("all ", help_)
for category, rows in help_.groupby("category"):
    put(f"category {category} share", len(rows) / len(help_))
    rate(f"category {category} ", rows)
for sub, rows in help_.groupby("subcategory"):
    days = (rows[rows.matched].closed_at - rows[rows.matched].created_at).dt.days
    put(f"subcategory {sub} median_days_to_match", float(days.median()))
    rate(f"subcategory {sub} ", rows)

# The monthly totals of the whole months, and their least-squares line (x = months since the first).
months = df.created_at.dt.to_period("M").value_counts().sort_index()
whole = months[(months.index > FROM.to_period("M")) & (months.index < TO.to_period("M"))]
x = np.arange(len(whole), dtype=float)
fit = sm.OLS(whole.values.astype(float), sm.add_constant(x)).fit()
low, high = fit.conf_int(alpha=0.05)[1]
put("trend months_fitted", len(whole))
put("trend slope_per_month", fit.params[1])
put("trend slope_low", low)
put("trend slope_high", high)
put("trend intercept", fit.params[0])
put("trend r_squared", fit.rsquared)

for year, rows in help_.groupby(help_.created_at.dt.year):
    put(f"residents share {year}", float((rows.requester_type == "bewoner").mean()))
put("women share", float((help_.requester_gender == "vrouw").mean()))
for df_ in (1, 2, 5, 25, 100):
    put(f"t quantile 0.975 df {df_}", stats.t.ppf(0.975, df_))

pd.DataFrame(out, columns=["measure", "value"]).to_csv(os.path.join(HERE, "study_expected.csv"), index=False,
                                                         float_format="%.10g")
print(f"{len(out)} expected values")
