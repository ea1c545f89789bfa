#!/usr/bin/env python3
"""Generates the SYNTHETIC sample match history in Data/ (deterministic: same output every run).

    python3 Data/generate_sample.py

Writes sample_requests.csv and sample_helpers.csv (and Data/sample_campaigns.csv is hand-written). Everything in them is invented: request and
volunteer ids, PC6 letters, dates and outcomes. Only the PC4 areas, their populations and risk
indicators are real (CBS PC4 2020, read from cbs_pc4_2020_drechtsteden.gpkg).

Shape, after the 2023 impact study of Hulplijn Dordt: about 1,500 contacts over 2021-2023 with a
rising monthly trend; ~86% help requests and ~14% information questions; categories 75%
praktisch / 19% sociaal / 6% vervoer; ~70% of decided help requests matched. Requesters are drawn
in proportion to population times a risk weight (benefit recipients and single-parent households),
so high-risk areas send more requests. Volunteers are matched mostly close by.
Uses only the Python standard library (random.Random with a fixed seed), so no install is needed.
"""
import csv
import math
import os
import random
import sqlite3
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20231231
rng = random.Random(SEED)

LOCATIONS = {
    "HipHelpt Dordrecht": ["Dordrecht"],
    "HipHelpt Zwijndrecht": ["Zwijndrecht", "Hendrik-Ido-Ambacht"],
    "HipHelpt Papendrecht": ["Papendrecht", "Sliedrecht", "Alblasserdam", "Hardinxveld-Giessendam"],
}
MUNICIPALITY_LOCATION = {m: loc for loc, ms in LOCATIONS.items() for m in ms}
CATEGORIES = [("praktisch", 0.75), ("sociaal", 0.19), ("vervoer", 0.06)]
SUBCATEGORIES = {"praktisch": ["klussen", "tuin", "boodschappen", "verhuizen", "administratie"],
                 "sociaal": ["bezoek", "wandelen", "gezelschap"],
                 "vervoer": ["ziekenhuis", "huisarts", "boodschappen"]}
REQUESTER_TYPES = [("bewoner", 0.55), ("naaste", 0.15), ("ambulant_hulpverlener", 0.12),
                   ("sociaal_wijkteam", 0.10), ("sociaal_makelaar", 0.05), ("other", 0.03)]
HELPER_ORGANISATIONS = [("HipHelpt", 0.5), ("Present Drechtsteden", 0.2), ("Diaconie", 0.15), ("Rode Kruis", 0.15)]
REFERRAL_ORGANISATIONS = [("Sociaal wijkteam", 0.5), ("SchuldHulpMaatje", 0.3), ("Humanitas", 0.2)]


def pick(weighted):
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def envelope_centre(blob):
    """Centre of the envelope stored in a GeoPackage geometry header (RD New metres)."""
    flags = blob[3]
    order = "<" if flags & 1 else ">"
    if (flags >> 1) & 7 == 0:
        raise ValueError("geometry without envelope")
    minx, maxx, miny, maxy = struct.unpack(order + "4d", blob[8:40])
    return (minx + maxx) / 2, (miny + maxy) / 2


def load_areas():
    municipality = {}
    with open(os.path.join(HERE, "pc4_gemeente_drechtsteden.csv"), newline="") as f:
        for row in csv.DictReader(f):
            municipality[row["postcode"]] = row["gemeente"]
    db = sqlite3.connect(os.path.join(HERE, "cbs_pc4_2020_drechtsteden.gpkg"))
    areas = []
    for code, pop, benefits, single_parent, households, geom in db.execute(
            "SELECT postcode, aantal_inwoners, aantal_personen_met_uitkering_onder_aowlft, "
            "aantal_eenouderhuishoudens, aantal_part_huishoudens, geom FROM cbs_pc4_2020 ORDER BY postcode"):
        location = MUNICIPALITY_LOCATION.get(municipality.get(code))
        if location is None or pop is None or pop < 50:
            continue
        b = benefits if benefits and benefits > 0 else 0
        s = single_parent if single_parent and single_parent > 0 else 0
        hh = households if households and households > 0 else 1
        risk = b / pop + s / hh
        areas.append({"code": code, "location": location, "pop": pop, "risk": risk,
                      "xy": envelope_centre(geom)})
    mean_risk = sum(a["risk"] for a in areas) / len(areas)
    for a in areas:
        a["weight"] = a["pop"] * (a["risk"] / mean_risk) ** 2
    return areas


def pc6(code):
    letters = "ABCDEFGHJKLMNPRTVWXZ"
    return code + rng.choice(letters) + rng.choice(letters)


def day(y, m, d):
    return f"{y:04d}-{m:02d}-{d:02d}"


DAYS_IN = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def add_days(date, n):
    y, m, d = map(int, date.split("-"))
    d += n
    while True:
        dim = DAYS_IN[m - 1] + (1 if m == 2 and y % 4 == 0 else 0)
        if d <= dim:
            return day(y, m, d)
        d -= dim
        m += 1
        if m == 13:
            m, y = 1, y + 1


def make_helpers(areas):
    by_location = {}
    for a in areas:
        by_location.setdefault(a["location"], []).append(a)
    helpers = []
    n = 0
    for location in sorted(by_location):
        local = by_location[location]
        count = round(sum(a["pop"] for a in local) / 1300)
        for _ in range(count):
            n += 1
            area = rng.choices(local, weights=[a["pop"] for a in local])[0]
            cats = [c for c, p in (("praktisch", 0.8), ("sociaal", 0.4), ("vervoer", 0.2)) if rng.random() < p]
            if not cats:
                cats = ["praktisch"]
            start = day(rng.choice([2020, 2021, 2021, 2022, 2022, 2023]), rng.randint(1, 12), rng.randint(1, 28))
            until = ""
            if rng.random() < 0.25:
                until = add_days(start, rng.randint(120, 900))
                if until > "2023-12-31":
                    until = ""
            helpers.append({"helper_id": f"V{n:04d}", "postcode": pc6(area["code"]), "categories": ";".join(cats),
                            "location": location, "active_from": start, "active_until": until,
                            "organisation": pick(HELPER_ORGANISATIONS), "xy": area["xy"], "area": area["code"]})
    return helpers


def choose_helper(helpers, location, category, created, xy):
    candidates = [h for h in helpers if h["location"] == location and category in h["categories"].split(";")
                  and h["active_from"] <= created and (not h["active_until"] or h["active_until"] >= created)]
    if not candidates:
        return None
    weights = []
    for h in candidates:
        d = math.dist(xy, h["xy"])
        weights.append(1 / (1 + d / 2500) ** 2)
    return rng.choices(candidates, weights=weights)[0]


def main():
    areas = load_areas()
    helpers = make_helpers(areas)
    requests = []
    n = 0
    for t in range(36):  # January 2021 … December 2023
        year, month = 2021 + t // 12, t % 12 + 1
        expected = 28 + 0.8 * t
        count = max(0, round(rng.gauss(expected, math.sqrt(expected))))
        for _ in range(count):
            n += 1
            area = rng.choices(areas, weights=[a["weight"] for a in areas])[0]
            created = day(year, month, rng.randint(1, DAYS_IN[month - 1]))
            kind = "informatievraag" if rng.random() < 0.14 else "hulpvraag"
            category = pick(CATEGORIES)
            row = {"request_id": f"R{n:05d}", "created_at": created, "kind": kind, "category": category,
                   "subcategory": rng.choice(SUBCATEGORIES[category]), "requester_postcode": pc6(area["code"]),
                   "requester_type": pick(REQUESTER_TYPES), "location": area["location"], "status": "",
                   "closed_at": "", "helper_id": "", "helper_postcode": "", "organisation": ""}
            months_before_end = 35 - t
            if kind == "informatievraag":
                # As real exports have it: an information question has no match outcome; its
                # status is empty, or a word for "answered" (hulpatlas counts both as handled).
                pointed_elsewhere = rng.random() < 0.6
                row["status"] = "" if pointed_elsewhere else "beantwoord"
                row["closed_at"] = add_days(created, rng.randint(0, 3))
                if pointed_elsewhere:
                    row["organisation"] = pick(REFERRAL_ORGANISATIONS)
            elif months_before_end < 2 and rng.random() < 0.35 * (2 - months_before_end):
                row["status"] = "in_behandeling"
            elif rng.random() < 0.70:
                if rng.random() < 0.12:
                    row["status"] = "doorverwezen"
                    row["organisation"] = pick(REFERRAL_ORGANISATIONS)
                    row["closed_at"] = add_days(created, rng.randint(0, 5))
                else:
                    helper = choose_helper(helpers, area["location"], category, created, area["xy"])
                    if helper is None:
                        row["status"] = "geen_match"
                        row["closed_at"] = add_days(created, rng.randint(7, 30))
                    else:
                        row["status"] = "match"
                        row["helper_id"] = helper["helper_id"]
                        row["helper_postcode"] = helper["postcode"]
                        row["organisation"] = helper["organisation"]
                        row["closed_at"] = add_days(created, min(60, int(rng.expovariate(1 / 6))))
            else:
                row["status"] = rng.choices(["geen_match", "ingetrokken", "afgewezen"], weights=[60, 25, 15])[0]
                row["closed_at"] = add_days(created, rng.randint(3, 30))
            if row["closed_at"] > "2023-12-31":
                row["closed_at"] = "2023-12-31"
            requests.append(row)

    # The requester's number (for first-time requesters, docs/METHOD.md §14): one requester per PC6
    # address, numbered in order of first contact, so that it draws nothing from the random stream.
    requesters = {}
    for row in requests:
        key = row["requester_postcode"] or row["request_id"]
        row["requester_id"] = requesters.setdefault(key, f"H{len(requesters) + 1:05d}")
    fields = ["request_id", "created_at", "kind", "category", "subcategory", "requester_postcode", "requester_type",
              "location", "status", "closed_at", "helper_id", "helper_postcode", "organisation", "requester_id"]
    with open(os.path.join(HERE, "sample_requests.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(requests)
    # The church each volunteer comes through (for the church overviews), from the volunteer's
    # number and location only, so that it draws nothing from the random stream; one in four has none.
    for k, h in enumerate(helpers):
        town = h["location"].replace("HipHelpt ", "")
        h["church"] = "" if k % 4 == 3 else [f"Protestantse Gemeente {town}", f"Parochie {town}",
                                              f"Evangelische Gemeente {town}"][k % 4]
    with open(os.path.join(HERE, "sample_helpers.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["helper_id", "postcode", "categories", "location", "active_from",
                                          "active_until", "church"], lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(helpers)
    help_requests = [r for r in requests if r["kind"] == "hulpvraag"]
    decided = [r for r in help_requests if r["status"] != "in_behandeling"]
    matched = [r for r in decided if r["status"] in ("match", "doorverwezen")]
    print(f"{len(requests)} contacts, {len(help_requests)} help requests, {len(helpers)} volunteers; "
          f"matched {len(matched) / len(decided):.1%} of decided")


if __name__ == "__main__":
    main()
