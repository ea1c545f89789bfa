#!/usr/bin/env python3
"""Validity of the risk indices against municipal ground truth (not part of the pipeline).

    .build/release/hulpatlas run --areas ../shared/data/cbs-pc4-2020/cbs_pc4_2020_nl.gpkg \
        --stats ../shared/data/nl-pc4/pc4_places.csv --out /tmp/nat
    pip install pandas scipy matplotlib
    python3 docs/validation/validate_indices.py /tmp/nat/areas.csv

Aggregates each index to municipalities (population-weighted mean of the area percentiles;
municipality of each PC4 from pc4_places.csv) and reports Spearman's rho with
- CBS, share of people in the debt risk group 2018 (Kaart_risico_GM.csv), on the half of the
  municipalities used to choose the default weights (odd GM code), on the held-out half (even
  GM code) and on all;
- RIVM/GGD Gezondheidsmonitor Jongvolwassenen 2024 (ages 16-25): "heeft schulden" and
  "enigszins tot sterk eenzaam", matched on the GM code via the 2018 names.
Writes docs/validation/debt_validity.png (scatter plot).
"""
import os
import sys

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "..", "shared", "data")
areas = pd.read_csv(sys.argv[1], dtype={"area_code": str})
cbs = pd.read_csv(os.path.join(SHARED, "cbs-schulden-gemeente", "Kaart_risico_GM.csv"), sep=";", encoding="latin1",
                  decimal=",").set_index("gemeentenaam")
rivm = pd.read_csv(os.path.join(SHARED, "rivm-gmjv-2024-gemeente", "50140NED_TypedDataSet_22092025_192544.csv"),
                   sep=";", encoding="utf-8-sig")
rivm["RegioS"] = rivm["RegioS"].str.strip()
rivm = rivm.set_index("RegioS")


def municipal(index):
    d = areas[areas[f"{index}_percentile"].notna() & areas.population.notna() & areas.municipality.notna()]
    return d.groupby("municipality").apply(lambda x: np.average(x[f"{index}_percentile"], weights=x.population))


def rho(a, b):
    common = a.index.intersection(b.dropna().index)
    return spearmanr(a[common], b[common]).correlation, len(common)


debt = municipal("debt")
train = cbs.gemeentecode.str[2:].astype(int) % 2 == 1
share = cbs.Risicogroep_aandeel
print("debt index vs CBS debt risk group share (2018):")
for label, part in [("tuning half (odd GM code)", share[train]), ("held-out half (even GM code)", share[~train]),
                    ("all", share)]:
    r, n = rho(debt, part)
    print(f"  {label}: Spearman {r:.3f} over {n} municipalities")

by_code = pd.Series(cbs.gemeentecode.values, index=cbs.index)
for index, column, label in [("debt", "HeeftSchulden_3", "has debts"),
                             ("loneliness", "EnigszinsTotSterkEenzaam_53", "somewhat to very lonely"),
                             ("loneliness", "SterkEenzaam_54", "very lonely")]:
    m = municipal(index)
    coded = pd.Series(m.values, index=by_code.reindex(m.index).values).dropna()
    coded = coded[~coded.index.duplicated()]
    r, n = rho(coded, pd.to_numeric(rivm[column], errors="coerce"))
    print(f"{index} index vs young adults 16-25 '{label}' (RIVM 2024): Spearman {r:.3f} over {n} municipalities")

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    common = debt.index.intersection(share.index)
    fig, ax = plt.subplots(figsize=(6, 4.5), dpi=110)
    held = ~train.reindex(common).values
    ax.scatter(debt[common][~held], share[common][~held], s=10, alpha=.6, label="tuning half")
    ax.scatter(debt[common][held], share[common][held], s=10, alpha=.6, label="held-out half")
    ax.set_xlabel("debt index, population-weighted mean percentile (hulpatlas, CBS PC4 2020)")
    ax.set_ylabel("share in CBS debt risk group, 2018 (%)")
    ax.set_title("Debt index against CBS municipal debt risk (352 municipalities)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(os.path.join(HERE, "debt_validity.png"))
    print("wrote docs/validation/debt_validity.png")
except ImportError:
    print("matplotlib not installed: no plot")
