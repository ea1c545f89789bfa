#!/usr/bin/env python3
"""A generated monthly history with a trend and a seasonal pattern, and an independent fit of
the demand-forecast model, for the tests of DemandForecast (docs/METHOD.md §14).

48 months from January 2020: expected requests 20 · 1.15^(years) · (1 + 0.3 sin(2π(m − 2)/12)),
drawn as negative binomial counts (a gamma factor with shape 30 on the Poisson mean).
statsmodels' GLM (Poisson, log link) with an intercept, the months since the first over 12 and
a dummy per month of the year (February … December) gives the coefficients, Pearson's
dispersion and the expected requests of the next four quarters (2024-Q1 … Q4). The rolling-origin
backtest (origins 24, 27, …, 45; horizon 12 months; each error over the training months' mean
absolute seasonal-naive error) gives MASE for the model and for seasonal naive.
Writes history.csv (month,count) and expected.csv (measure,value).
Needs: pip install numpy pandas statsmodels
"""
import os

import numpy as np
import pandas as pd
import statsmodels.api as sm

HERE = os.path.dirname(os.path.abspath(__file__))
N = 48
rng = np.random.default_rng(20261207)
t = np.arange(N)
mu = 20 * 1.15 ** (t / 12) * (1 + 0.3 * np.sin(2 * np.pi * (t - 2) / 12))
counts = rng.poisson(mu * rng.gamma(30, 1 / 30, N))


def design(months):
    months = np.asarray(months)
    X = np.zeros((len(months), 13))
    X[:, 0] = 1
    X[:, 1] = months / 12
    for k, m in enumerate(months):
        if m % 12:
            X[k, 1 + m % 12] = 1
    return X


def fit(y):
    return sm.GLM(y, design(np.arange(len(y))), family=sm.families.Poisson()).fit(tol=1e-12)


res = fit(counts)
out = [(f"coefficient_{j}", v) for j, v in enumerate(res.params)]
out.append(("dispersion", res.pearson_chi2 / res.df_resid))
future = design(np.arange(N, N + 12))
means = np.exp(future @ res.params)
for q in range(4):
    out.append((f"quarter_{q + 1}_mean", means[3 * q:3 * q + 3].sum()))

model_err, naive_err = [], []
for origin in range(24, N, 3):
    train = counts[:origin]
    scale = np.mean(np.abs(train[12:] - train[:-12]))
    r = fit(train)
    for h in range(origin, min(N, origin + 12)):
        same = h - 12
        while same >= origin:
            same -= 12
        model_err.append(abs(counts[h] - np.exp(design([h])[0] @ r.params)) / scale)
        naive_err.append(abs(counts[h] - counts[same]) / scale)
out.append(("mase_model", np.mean(model_err)))
out.append(("mase_seasonal_naive", np.mean(naive_err)))
out.append(("backtest_errors", len(model_err)))

pd.DataFrame({"month": [f"{2020 + m // 12}-{m % 12 + 1:02d}" for m in t], "count": counts}).to_csv(
    os.path.join(HERE, "history.csv"), index=False)
pd.DataFrame(out, columns=["measure", "value"]).to_csv(os.path.join(HERE, "expected.csv"), index=False, float_format="%.10g")
