#!/usr/bin/env python3
"""Fits and validates the risk indices against RIVM's measured shares (not part of the pipeline).

    pip install pandas scipy scikit-learn matplotlib pyogrio
    python3 docs/validation/fit_indices.py                 # fit: writes fitted_indices.json + plots
    python3 docs/validation/fit_indices.py AREAS.csv       # also: check hulpatlas's own output

Ground truth: RIVM "Gezondheid per wijk en buurt" 2020, the training half of the municipalities
(../shared/data/rivm-gezondheid-2020). Areas: CBS PC4 2020 v1 (national), municipality of each PC4
from nl-pc4/pc4_places.csv, matched to RIVM by name.

The component percentiles are computed here independently of hulpatlas, as docs/METHOD.md §2 defines
them: rates shrunk with m = 50 towards the pooled rate of areas with >= 50 inhabitants, mid-rank
percentiles over those areas, a municipality's value the population-weighted mean over its PC4 areas.

Fit: the municipal mean of an index is the weighted mean of the municipal means of its component
percentiles, so the weights are the coefficients of a non-negative lasso of the RIVM share on those
means, with the penalty chosen by 10-fold cross-validation. The weights are then scaled to sum to 4 and
rounded to halves (a weight a board member can read), and components that round to 0 are dropped.
Validation: the in-sample Spearman rho of the real index (the rounded weights, scored per PC4,
re-ranked, aggregated), and the nested cross-validated rho of the whole procedure (lasso, rounding and
all, refitted without the fold), pooled over the out-of-fold municipalities; mean over 3 repeats.

Calibration (METHOD §10): share(area) = logistic(a + b * z), z = normal score of the area's index
percentile, a solved so that the household-weighted mean equals the national prevalence; the slope b is
fitted so that the municipal household-weighted mean share matches the RIVM share (least squares).
"""
import json
import os
import sys
import warnings

import numpy as np
import pandas as pd
import pyogrio
from scipy.optimize import brentq, minimize_scalar
from scipy.special import expit, ndtri
from scipy.stats import spearmanr
from sklearn.linear_model import LassoCV
from sklearn.model_selection import KFold

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "..", "shared", "data")
M_SHRINK, MIN_POP = 50.0, 50.0

# --- data -------------------------------------------------------------------------------------
areas = pyogrio.read_dataframe(os.path.join(SHARED, "cbs-pc4-2020", "cbs_pc4_2020_nl.gpkg"), read_geometry=False)
areas["postcode"] = areas.postcode.astype(str)
for c in areas.columns:
    if c != "postcode":
        areas[c] = pd.to_numeric(areas[c], errors="coerce")
        areas.loc[areas[c] <= -99990, c] = np.nan
places = pd.read_csv(os.path.join(SHARED, "nl-pc4", "pc4_places.csv"), dtype={"postcode": str})
areas = areas.merge(places[["postcode", "gemeente"]], on="postcode", how="left")
rivm = pd.read_csv(os.path.join(SHARED, "rivm-gezondheid-2020", "rivm_gezondheid_2020_gemeenten_train.csv"))
NATIONAL = rivm[rivm.regiocode == "NL01"].set_index("leeftijd")

pop = areas.aantal_inwoners
hh = areas.aantal_part_huishoudens
eligible = pop >= MIN_POP


def rate(num, den):
    ok = eligible & num.notna() & den.notna()
    pooled = num[ok].sum() / den[ok].sum()
    return ((num + M_SHRINK * pooled) / (den + M_SHRINK)).where(den > 0)


age15_65 = areas.aantal_inwoners_15_tot_25_jaar + areas.aantal_inwoners_25_tot_45_jaar + areas.aantal_inwoners_45_tot_65_jaar
# Candidate components: name -> (value, higher is riskier). Names are hulpatlas's component names.
CANDIDATES = {
    "aged_65_plus": (rate(areas.aantal_inwoners_65_jaar_en_ouder, pop), True),
    "single_person_households": (rate(areas.aantal_eenpersoonshuishoudens, hh), True),
    "single_parent_households": (rate(areas.aantal_eenouderhuishoudens, hh), True),
    "mean_household_size": (areas.gemiddelde_huishoudensgrootte, False),
    "benefits_per_inhabitant_15_65": (rate(areas.aantal_personen_met_uitkering_onder_aowlft, age15_65), True),
    "mean_woz_value": (areas.gemiddelde_woz_waarde_woning, False),
    "western_background": (areas.percentage_westerse_migr_achtergr, True),
    "non_western_background": (areas.percentage_niet_westerse_migr_achtergr, True),
    "address_density": (areas.omgevingsadressendichtheid, True),
    "rented_dwellings": (areas.percentage_huurwoningen, True),
    "corporation_rented_dwellings": (rate(areas.aantal_huurwoningen_in_bezit_woningcorporaties, areas.aantal_woningen), True),
    "young_adults_15_25": (rate(areas.aantal_inwoners_15_tot_25_jaar, pop), True),
}
LONELINESS_CANDIDATES = ["aged_65_plus", "single_person_households", "mean_household_size",
                         "benefits_per_inhabitant_15_65", "mean_woz_value", "western_background",
                         "non_western_background", "address_density", "rented_dwellings"]
DEBT_CANDIDATES = ["benefits_per_inhabitant_15_65", "single_parent_households", "corporation_rented_dwellings",
                   "single_person_households", "mean_woz_value", "non_western_background", "rented_dwellings",
                   "young_adults_15_25"]
# The definitions before this fit, for comparison (aged_75_plus is not in the CBS file: 65+ stands in).
PREVIOUS = {
    "loneliness": {"aged_65_plus": 1.5, "single_person_households": 2, "benefits_per_inhabitant_15_65": 1,
                   "mean_household_size": 1},
    "debt": {"benefits_per_inhabitant_15_65": 1, "single_parent_households": 1, "corporation_rented_dwellings": 1,
             "single_person_households": 1},
}


def midrank(values):
    """Mid-rank percentiles 100 (r - 1/2) / n over the non-missing values (ties share the rank)."""
    out = pd.Series(np.nan, index=values.index)
    v = values.dropna()
    out[v.index] = 100 * (v.rank(method="average") - 0.5) / len(v)
    return out


PCT = pd.DataFrame({name: midrank((v if up else -v).where(eligible)) for name, (v, up) in CANDIDATES.items()})


def municipal(series):
    d = pd.DataFrame({"v": series, "w": pop, "g": areas.gemeente}).dropna()
    d = d[d.w > 0]
    return d.groupby("g").apply(lambda x: np.average(x.v, weights=x.w))


MUNI = pd.DataFrame({c: municipal(PCT[c]) for c in PCT.columns})


def index_percentile(weights):
    """hulpatlas's index: weighted mean of the available component percentiles, re-ranked."""
    cols = [c for c, w in weights.items() if w > 0]
    num = sum(PCT[c].fillna(0) * weights[c] for c in cols)
    den = sum(PCT[c].notna() * weights[c] for c in cols)
    missing = sum(PCT[c].isna() for c in cols)
    score = (num / den).where(eligible & (missing <= len(cols) / 2))
    return midrank(score)


def target(age, column):
    t = rivm[(rivm.leeftijd == age) & (rivm.soort_regio == "Gemeente")].set_index("gemeentenaam")[column]
    common = MUNI.index.intersection(t.index)
    return t[common].astype(float)


def lasso_weights(X, y):
    model = LassoCV(positive=True, cv=KFold(10, shuffle=True, random_state=0)).fit(X, y)
    coef = dict(zip(X.columns, model.coef_))
    total = sum(coef.values())
    if total <= 0:
        return {}, model.alpha_
    readable = {c: round(v / total * 8) / 2 for c, v in coef.items()}
    return {c: v for c, v in readable.items() if v > 0}, model.alpha_


def rho(index_pct, y):
    m = municipal(index_pct).reindex(y.index)
    ok = m.notna()
    return spearmanr(m[ok], y[ok]).correlation


def nested_cv(candidates, y, repeats=3):
    X = MUNI.loc[y.index, candidates].astype(float)
    X = X.fillna(X.mean())
    pooled, per_fold = [], []
    for rep in range(repeats):
        order = np.random.default_rng(1000 + rep).permutation(len(y))
        prediction = pd.Series(np.nan, index=y.index)
        for fold in np.array_split(order, 10):
            train = np.setdiff1d(order, fold)
            w, _ = lasso_weights(X.iloc[train], y.iloc[train])
            names = y.index[fold]
            prediction[names] = municipal(index_percentile(w)).reindex(names).values
            per_fold.append(spearmanr(prediction[names], y[names]).correlation)
        pooled.append(spearmanr(prediction, y).correlation)
    return float(np.mean(pooled)), float(np.mean(per_fold))


# --- calibration ------------------------------------------------------------------------------
def calibrate(index_pct, prevalence, y_pct):
    """Slope b of share = logistic(a + b z), a solved for the national prevalence; fitted to the
    municipal shares y (percent). Returns b, predicted municipal shares (percent), RMSE."""
    d = pd.DataFrame({"p": index_pct, "h": hh, "g": areas.gemeente}).dropna()
    d = d[d.h > 0]
    z = ndtri(np.clip(d.p, 0.5, 99.5) / 100)

    def predicted(b):
        a = brentq(lambda a: np.average(expit(a + b * z), weights=d.h) - prevalence, -30, 30)
        share = expit(a + b * z)
        frame = pd.DataFrame({"s": share * d.h, "h": d.h, "g": d.g}).groupby("g").sum()
        return a, 100 * frame.s / frame.h

    def loss(b, names):
        return float(((predicted(b)[1].reindex(names) - y_pct[names]) ** 2).mean())

    fit = minimize_scalar(lambda b: loss(b, y_pct.index), bounds=(0.0, 2.0), method="bounded")
    b = float(fit.x)
    a, muni_share = predicted(b)
    rmse = float(np.sqrt(loss(b, y_pct.index)))
    # Cross-validated RMSE: b fitted without the fold.
    order = np.random.default_rng(7).permutation(len(y_pct))
    errors = []
    for fold in np.array_split(order, 10):
        names_out, names_in = y_pct.index[fold], y_pct.index[np.setdiff1d(order, fold)]
        bf = minimize_scalar(lambda b: loss(b, names_in), bounds=(0.0, 2.0), method="bounded").x
        errors += list((predicted(bf)[1].reindex(names_out) - y_pct[names_out]).values)
    cv_rmse = float(np.sqrt(np.nanmean(np.square(errors))))
    return b, a, muni_share.reindex(y_pct.index), rmse, cv_rmse


# --- fit --------------------------------------------------------------------------------------
SPECS = [
    # key, index, variant, candidates, RIVM age group, RIVM column, prevalence meaning
    ("loneliness", "loneliness", "adults", LONELINESS_CANDIDATES, "18+", "ernstig_eenzaam_pct"),
    ("loneliness_65_plus", "loneliness", "65_plus", LONELINESS_CANDIDATES, "65+", "ernstig_eenzaam_pct"),
    ("debt", "debt", "default", DEBT_CANDIDATES, "18+", "moeite_met_rondkomen_pct"),
]
results = {}
plots = []
for key, index, variant, candidates, age, column in SPECS:
    y = target(age, column)
    X = MUNI.loc[y.index, candidates].astype(float)
    X = X.fillna(X.mean())
    weights, alpha = lasso_weights(X, y)
    pct = index_percentile(weights)
    in_sample = rho(pct, y)
    cv_pooled, cv_fold = nested_cv(candidates, y)
    previous = PREVIOUS.get(index)
    previous_rho = rho(index_percentile(previous), y) if previous else None
    prevalence = float(NATIONAL.loc[age, column]) / 100
    b, a, predicted_share, rmse, cv_rmse = calibrate(pct, prevalence, y)
    results[key] = {
        "index": index, "variant": variant, "rivm_age": age, "rivm_measure": column,
        "municipalities": int(len(y)), "lasso_alpha": round(float(alpha), 4),
        "weights": dict(sorted(weights.items())),
        "spearman_in_sample": round(float(in_sample), 3),
        "spearman_nested_cv": round(cv_pooled, 3), "spearman_nested_cv_mean_fold": round(cv_fold, 3),
        "previous_weights": previous, "previous_spearman_in_sample": None if previous_rho is None else round(float(previous_rho), 3),
        "calibration": {"prevalence": prevalence, "slope": round(b, 3), "rmse_pct_points": round(rmse, 2),
                        "cv_rmse_pct_points": round(cv_rmse, 2)},
    }
    plots.append((key, municipal(pct).reindex(y.index), y, predicted_share, results[key]))
    print(f"{key}: weights {weights}")
    print(f"  vs RIVM {column} {age}: rho in-sample {in_sample:.3f}, nested CV {cv_pooled:.3f} "
          f"(mean per fold {cv_fold:.3f}); previous default in-sample {previous_rho if previous_rho is None else round(previous_rho, 3)}")
    print(f"  calibration: prevalence {prevalence:.3f}, slope {b:.3f}, RMSE {rmse:.2f} points (CV {cv_rmse:.2f})")

with open(os.path.join(HERE, "fitted_indices.json"), "w") as f:
    json.dump(results, f, indent=2, sort_keys=True)
    f.write("\n")
print("wrote docs/validation/fitted_indices.json")

# --- hulpatlas's own output -------------------------------------------------------------------
if len(sys.argv) > 1:
    out = pd.read_csv(sys.argv[1], dtype={"area_code": str})
    out = out.merge(places[["postcode", "gemeente"]], left_on="area_code", right_on="postcode", how="left")
    for key, index, variant, _, age, column in SPECS:
        col = f"{index}_percentile"
        d = out[out[col].notna() & out.population.notna() & out.gemeente.notna()]
        m = d.groupby("gemeente").apply(lambda x: np.average(x[col], weights=x.population))
        y = target(age, column)
        common = m.index.intersection(y.index)
        print(f"hulpatlas {col} vs RIVM {column} {age}: Spearman {spearmanr(m[common], y[common]).correlation:.3f} "
              f"over {len(common)} municipalities")

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    for key, muni_index, y, predicted_share, r in plots:
        fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.5), dpi=100)
        ax1.scatter(muni_index, y, s=10, alpha=.7)
        ax1.set_xlabel(f"{r['index']} index ({r['variant']}), population-weighted mean percentile")
        ax1.set_ylabel(f"RIVM 2020 {r['rivm_measure']} ({r['rivm_age']}), %")
        ax1.set_title(f"rho in-sample {r['spearman_in_sample']:.2f}, nested CV {r['spearman_nested_cv']:.2f} "
                      f"({r['municipalities']} municipalities, training half)", fontsize=9)
        lim = [min(predicted_share.min(), y.min()), max(predicted_share.max(), y.max())]
        ax2.plot(lim, lim, color="grey", lw=1)
        ax2.scatter(predicted_share, y, s=10, alpha=.7, color="C1")
        ax2.set_xlabel("expected share at risk (calibrated model), %")
        ax2.set_ylabel("RIVM measured share, %")
        c = r["calibration"]
        ax2.set_title(f"calibration: slope {c['slope']}, RMSE {c['rmse_pct_points']} pts (CV {c['cv_rmse_pct_points']})",
                      fontsize=9)
        fig.tight_layout()
        fig.savefig(os.path.join(HERE, f"{key}_vs_rivm.png"))
        plt.close(fig)
    print("wrote docs/validation/*_vs_rivm.png")
except ImportError:
    print("matplotlib not installed: no plots")
