#!/usr/bin/env python3
"""Synthetic campaign histories and an independent fit of the campaign model, for the
calibration tests of `hulpatlas campaign effect` (docs/METHOD.md §13).

For each of 100 seeds and two scenarios (a rate ratio of 1.3 in the targeted areas after
delivery, and no effect) it draws monthly help requests for 40 areas over 24 months (12 before
delivery, 12 after), 12 of them targeted: an area level drawn log-normally, a seasonal month
pattern, overdispersion (a gamma factor per area and month, shape 8) and Poisson counts.
It writes
  panels.csv    scenario,seed,area,treated,counts (24 counts separated by spaces)
  expected.csv  scenario,seed,coefficient,se_cluster,se_model,se_quasi,true_coefficient
where the columns come from statsmodels' GLM (Poisson, log link) with a dummy per area and per
month and the targeted-after indicator: the coefficient, its cluster-robust standard error by
area (statsmodels' default small-sample correction), its model-based standard error, and
that one scaled by Pearson's dispersion (quasi-Poisson, scale="X2").
Areas and months without any count are left out before the fit, as hulpatlas does.
Needs: pip install numpy pandas statsmodels
"""
import os

import numpy as np
import pandas as pd
import statsmodels.api as sm

HERE = os.path.dirname(os.path.abspath(__file__))
AREAS, TREATED, MONTHS, FIRST_AFTER, SEEDS = 40, 12, 24, 12, 100
SCENARIOS = {"effect": np.log(1.3), "no_effect": 0.0}


def draw(rng, effect):
    level = np.exp(rng.normal(np.log(2.5), 0.6, AREAS))
    season = 1 + 0.25 * np.sin(2 * np.pi * np.arange(MONTHS) / 12)
    trend = np.exp(0.01 * np.arange(MONTHS))
    treated = np.zeros(AREAS, dtype=bool)
    treated[rng.choice(AREAS, TREATED, replace=False)] = True
    mu = level[:, None] * season[None, :] * trend[None, :]
    mu = mu * np.where(treated[:, None] & (np.arange(MONTHS)[None, :] >= FIRST_AFTER), np.exp(effect), 1.0)
    mu = mu * rng.gamma(8.0, 1 / 8.0, (AREAS, MONTHS))
    return rng.poisson(mu), treated


def fit(counts, treated):
    keep_areas = [a for a in range(AREAS) if counts[a].sum() > 0]
    keep_months = [m for m in range(MONTHS) if counts[keep_areas, m].sum() > 0]
    rows = [(a, m, counts[a, m]) for a in keep_areas for m in keep_months]
    df = pd.DataFrame(rows, columns=["area", "month", "y"])
    df["d"] = [1.0 if treated[a] and m >= FIRST_AFTER else 0.0 for a, m in zip(df.area, df.month)]
    X = pd.concat([df[["d"]],
                   pd.get_dummies(df.area, prefix="a", dtype=float),
                   pd.get_dummies(df.month, prefix="m", dtype=float).iloc[:, 1:]], axis=1)
    model = sm.GLM(df.y, X, family=sm.families.Poisson())
    robust = model.fit(cov_type="cluster", cov_kwds={"groups": df.area.values}, tol=1e-12)
    plain = model.fit(tol=1e-12)
    quasi = model.fit(tol=1e-12, scale="X2")
    return robust.params["d"], robust.bse["d"], plain.bse["d"], quasi.bse["d"]


panels, expected = [], []
for scenario, effect in SCENARIOS.items():
    for seed in range(SEEDS):
        rng = np.random.default_rng([20261206, seed, int(effect > 0)])
        counts, treated = draw(rng, effect)
        for a in range(AREAS):
            panels.append((scenario, seed, a, int(treated[a]), " ".join(str(c) for c in counts[a])))
        b, se, se_model, se_quasi = fit(counts, treated)
        expected.append((scenario, seed, f"{b:.10g}", f"{se:.10g}", f"{se_model:.10g}", f"{se_quasi:.10g}", f"{effect:.10g}"))

pd.DataFrame(panels, columns=["scenario", "seed", "area", "treated", "counts"]).to_csv(
    os.path.join(HERE, "panels.csv"), index=False)
pd.DataFrame(expected, columns=["scenario", "seed", "coefficient", "se_cluster", "se_model", "se_quasi", "true_coefficient"]).to_csv(
    os.path.join(HERE, "expected.csv"), index=False)
