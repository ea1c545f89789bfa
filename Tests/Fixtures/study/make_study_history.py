#!/usr/bin/env python3
"""A SYNTHETIC match history with the published marginals of the Hulplijn Dordt impact study
(mid-February 2021 to mid-June 2023), for the worked example in docs/STUDY-EXAMPLE.md and the
end-to-end test of `hulpatlas study`. Deterministic: the same files on every run.

The study's own figures do not add up: 962 matched + 409 not matched = 1,371 decided help
requests, against 1,361 help requests and 229 information questions (1,590 questions). This
history keeps the 1,590 questions and the 962 / 409 outcomes, so it has 1,371 help requests and
219 information questions, with no request still open.

Writes study_requests.csv and study_helpers.csv beside this script.
"""
import csv
import datetime as dt
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20230615)
FROM, TO = dt.date(2021, 2, 15), dt.date(2023, 6, 15)
LOCATION = "Hulplijn Dordt"

# Help requests per year of the period (2023 is five and a half months), and residents among them:
# 59% in 2021 and 54% in 2022, as the study reports; 56% over the whole period.
HELP_PER_YEAR = {2021: 480, 2022: 600, 2023: 291}
RESIDENTS = {2021: 283, 2022: 324, 2023: 161}
INFO_PER_YEAR = {2021: 70, 2022: 95, 2023: 54}
CATEGORIES = {"praktisch": 1028, "sociaal": 261, "vervoer": 82}         # 75.0 / 19.0 / 6.0 %
SUBCATEGORIES = {  # name: (share of its category, chance weight of a match, days to match low, high)
    "praktisch": [("boodschappen", 0.40, 3.0, 1, 4), ("klussen", 0.35, 1.5, 3, 12), ("verhuizen", 0.25, 0.6, 10, 45)],
    "sociaal": [("bezoek", 0.55, 1.2, 5, 20), ("maatje", 0.45, 0.35, 20, 70)],
    "vervoer": [("ziekenhuisvervoer", 1.0, 2.0, 1, 5)],
}
MATCHED, NOT_MATCHED = 962, 409                                           # 70.2 %
ORGANISATIONS = {"Present Drechtsteden": 548, "Diaconie Dordrecht": 250, "Leger des Heils Dordrecht": 164}  # 57.0 / 26.0 / 17.0 %
REFERRALS = {"informeel": 79, "formeel": 7, "overig": 15, "": 54}         # 155 referrals, 54 of unknown kind
WOMEN = 960                                                               # 70.0 %
AGE_BANDS = {"0-29": 96, "30-49": 370, "50-69": 562, "70+": 343}          # 50-69: 41.0 %
OTHER_TYPES = [("naaste", 15), ("ambulant_hulpverlener", 15), ("sociaal_makelaar", 12), ("sociaal_wijkteam", 3)]
POSTCODES = [f"{pc4}{a}{b}" for pc4 in range(3311, 3320) for a in "ABCE" for b in "AKR"]
CHURCHES = [("Grote Kerk Dordrecht", 40), ("Parochie Dordrecht", 25), ("Kapel Dubbeldam", 1)]


def spread(n, first, last):
    """n days from first to last, growing over time (a rising trend), sorted."""
    span = (last - first).days
    return sorted(first + dt.timedelta(days=int(span * rng.random() ** 0.8)) for _ in range(n))


def exact(counts):
    """A shuffled list with each value as often as `counts` says."""
    out = [v for v, n in counts.items() for _ in range(n)]
    rng.shuffle(out)
    return out


def split(total, weights):
    """Whole numbers in proportion to `weights` that add up to `total` (largest remainders)."""
    raw = [total * w / sum(weights) for w in weights]
    whole = [int(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: whole[i] - raw[i])[: total - sum(whole)]:
        whole[i] += 1
    return whole


def main():
    help_days = []
    for year, n in HELP_PER_YEAR.items():
        first, last = max(FROM, dt.date(year, 1, 1)), min(TO, dt.date(year, 12, 31))
        types = ["bewoner"] * RESIDENTS[year]
        for (t, _), k in zip(OTHER_TYPES, split(n - RESIDENTS[year], [w for _, w in OTHER_TYPES])):
            types += [t] * k
        rng.shuffle(types)
        help_days += list(zip(spread(n, first, last), types))
    categories = exact(CATEGORIES)
    requests = []
    for (day, rtype), category in zip(help_days, categories):
        subs = SUBCATEGORIES[category]
        sub = rng.choices(subs, weights=[s[1] for s in subs])[0]
        requests.append({"created": day, "type": rtype, "category": category, "sub": sub})
    # The 962 matched are the requests with the highest propensity: easy kinds match more often.
    for r in requests:
        r["score"] = rng.random() * r["sub"][2]
    by_score = sorted(range(len(requests)), key=lambda i: -requests[i]["score"])
    matched = set(by_score[:MATCHED])
    matched_list = sorted(matched)
    rng.shuffle(matched_list)
    referred = set(matched_list[:sum(REFERRALS.values())])
    referral_kinds = exact(REFERRALS)
    organisations = exact(ORGANISATIONS)
    not_matched_status = exact({"geen_match": 300, "afgewezen": 60, "ingetrokken": NOT_MATCHED - 360})
    genders = exact({"vrouw": WOMEN, "man": len(requests) - WOMEN})
    ages = exact(AGE_BANDS)

    helpers = []
    for church, n in CHURCHES:
        for _ in range(n):
            helpers.append({"id": f"V{len(helpers) + 1:04d}", "church": church})
    for _ in range(30):
        helpers.append({"id": f"V{len(helpers) + 1:04d}", "church": ""})
    small = [h for h in helpers if h["church"] == "Kapel Dubbeldam"]
    others = [h for h in helpers if h["church"] != "Kapel Dubbeldam"]

    rows = []
    answered_by_small = 0
    refer_i = org_i = nm_i = 0
    for i, r in enumerate(requests):
        sub_name, _, _, low, high = r["sub"]
        row = {"created_at": r["created"], "kind": "hulpvraag", "category": r["category"], "subcategory": sub_name,
               "requester_postcode": rng.choice(POSTCODES), "requester_type": r["type"], "location": LOCATION,
               "requester_gender": genders[i], "requester_age_band": "", "requester_birth_year": "",
               "referral_kind": "", "status": "", "closed_at": "", "helper_id": "", "helper_postcode": "",
               "organisation": ""}
        # Half give an age band, half a birth year (turned into the same band at ingest).
        band = ages[i]
        if i % 2 == 0:
            row["requester_age_band"] = band
        else:
            lo, hi = {"0-29": (18, 29), "30-49": (30, 49), "50-69": (50, 69), "70+": (70, 95)}[band]
            row["requester_birth_year"] = r["created"].year - rng.randint(lo, hi)
        if i in matched:
            row["organisation"] = organisations[org_i]
            org_i += 1
            days = rng.randint(low, high)
            row["closed_at"] = min(r["created"] + dt.timedelta(days=days), dt.date(2023, 11, 30))
            if i in referred:
                row["status"] = "doorverwezen"
                row["referral_kind"] = referral_kinds[refer_i]
                refer_i += 1
            else:
                row["status"] = "match"
                helper = small[0] if answered_by_small < 3 and r["created"].year == 2022 else rng.choice(others)
                answered_by_small += helper is small[0]
                row["helper_id"] = helper["id"]
                row["helper_postcode"] = rng.choice(POSTCODES)
        else:
            row["status"] = not_matched_status[nm_i]
            nm_i += 1
            row["closed_at"] = r["created"] + dt.timedelta(days=rng.randint(5, 60))
        rows.append(row)
    assert answered_by_small == 3
    for year, n in INFO_PER_YEAR.items():
        first, last = max(FROM, dt.date(year, 1, 1)), min(TO, dt.date(year, 12, 31))
        for day in spread(n, first, last):
            rows.append({"created_at": day, "kind": "informatievraag", "category": "", "subcategory": "",
                         "requester_postcode": rng.choice(POSTCODES), "requester_type": "", "location": LOCATION,
                         "requester_gender": "", "requester_age_band": "", "requester_birth_year": "",
                         "referral_kind": "", "status": "", "closed_at": "", "helper_id": "", "helper_postcode": "",
                         "organisation": ""})
    rows.sort(key=lambda r: (r["created_at"], r["kind"]))
    columns = ["request_id", "created_at", "kind", "category", "subcategory", "requester_postcode", "requester_type",
               "requester_gender", "requester_age_band", "requester_birth_year", "location", "status", "closed_at",
               "referral_kind", "helper_id", "helper_postcode", "organisation"]
    with open(os.path.join(HERE, "study_requests.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        for k, row in enumerate(rows, 1):
            w.writerow({"request_id": f"S{k:05d}", **row})
    with open(os.path.join(HERE, "study_helpers.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["helper_id", "postcode", "categories", "location", "active_from", "active_until", "church"])
        for h in helpers:
            w.writerow([h["id"], rng.choice(POSTCODES), "praktisch;sociaal;vervoer", LOCATION, "2020-06-01", "", h["church"]])
    print(f"{len(rows)} questions, {len(requests)} help requests, {len(helpers)} volunteers")


if __name__ == "__main__":
    main()
