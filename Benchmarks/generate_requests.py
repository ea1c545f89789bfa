#!/usr/bin/env python3
"""Benchmark input: a synthetic national-scale match history (deterministic seed).

    python3 Benchmarks/generate_requests.py OUT_DIR [N_REQUESTS] [N_HELPERS] [PC6_GPKG]

Writes requests.csv (default 1,000,000 rows over 2021-2023 across 50 locations) and
helpers.csv (default 100,000 volunteers), in the hulpatlas input format, with requester and
volunteer postcodes drawn from the real PC4 codes of ../shared/data/nl-pc4/pc4_places.csv
when present (else 1000-9999). With PC6_GPKG (from generate_pc6.py), postcodes are drawn from
its PC6 codes instead, so that every request lies in a known PC6 area. Everything is invented; nothing here is personal data.
"""
import csv
import os
import random
import sys

out = sys.argv[1]
n_requests = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
n_helpers = int(sys.argv[3]) if len(sys.argv) > 3 else 100_000
rng = random.Random(42)
here = os.path.dirname(os.path.abspath(__file__))
places = os.path.join(here, "..", "..", "shared", "data", "nl-pc4", "pc4_places.csv")
if os.path.exists(places):
    with open(places, newline="") as f:
        codes = [r["postcode"] for r in csv.DictReader(f)]
else:
    codes = [str(c) for c in range(1000, 10000)]
codes.sort()
pc6_by_pc4 = None
if len(sys.argv) > 4:
    import pyogrio  # benchmark only (PyPI)

    pc6_by_pc4 = {}
    for code in pyogrio.read_dataframe(sys.argv[4], columns=["postcode"], read_geometry=False)["postcode"]:
        pc6_by_pc4.setdefault(code[:4], []).append(code)
    codes = sorted(pc6_by_pc4)
# 50 locations, each serving a contiguous run of PC4 codes.
location_codes = [codes[i * len(codes) // 50:(i + 1) * len(codes) // 50] for i in range(50)]
letters = "ABCDEFGHJKLMNPRTVWXZ"


def pc6(pc4):
    """A PC6 postcode in the PC4 area: a known one when PC6 areas were given."""
    if pc6_by_pc4 is not None:
        return rng.choice(pc6_by_pc4[pc4])
    return pc4 + rng.choice(letters) + rng.choice(letters)


statuses = ["match"] * 60 + ["doorverwezen"] * 8 + ["geen_match"] * 18 + ["ingetrokken"] * 7 + ["afgewezen"] * 4 + \
           ["in_behandeling"] * 3
categories = ["praktisch"] * 75 + ["sociaal"] * 19 + ["vervoer"] * 6
os.makedirs(out, exist_ok=True)

helpers = []
with open(os.path.join(out, "helpers.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["helper_id", "postcode", "categories", "location", "active_from", "active_until"])
    for i in range(n_helpers):
        loc = i % 50
        pc = pc6(rng.choice(location_codes[loc]))
        cats = ";".join(c for c, p in (("praktisch", .8), ("sociaal", .4), ("vervoer", .2)) if rng.random() < p) or "praktisch"
        w.writerow([f"V{i:06d}", pc, cats, f"Locatie {loc:02d}", f"{rng.choice([2020, 2021, 2022])}-{rng.randint(1, 12):02d}-01", ""])
        helpers.append((loc, pc))
by_location = [[] for _ in range(50)]
for loc, pc in helpers:
    by_location[loc].append(pc)

with open(os.path.join(out, "requests.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["request_id", "created_at", "kind", "category", "subcategory", "requester_postcode", "requester_type",
                "location", "status", "closed_at", "helper_id", "helper_postcode", "organisation"])
    for i in range(n_requests):
        loc = rng.randrange(50)
        year, month, day = rng.choice([2021, 2022, 2023]), rng.randint(1, 12), rng.randint(1, 28)
        status = rng.choice(statuses)
        matched = status == "match"
        w.writerow([f"R{i:07d}", f"{year}-{month:02d}-{day:02d}",
                    "informatievraag" if rng.random() < 0.14 else "hulpvraag", rng.choice(categories), "",
                    pc6(rng.choice(location_codes[loc])),
                    rng.choice(["bewoner", "naaste", "sociaal_wijkteam"]), f"Locatie {loc:02d}", status,
                    f"{year}-{month:02d}-{min(28, day + rng.randint(0, 10)):02d}" if status != "in_behandeling" else "",
                    f"V{rng.randrange(n_helpers):06d}" if matched else "",
                    rng.choice(by_location[loc]) if matched else "", "Organisatie" if matched else ""])
print(f"wrote {n_requests} requests and {n_helpers} helpers to {out}")
