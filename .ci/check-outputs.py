#!/usr/bin/env python3
"""The CSV outputs of a run are byte-identical to the recorded ones (a refactoring changes no number).

    python3 .ci/check-outputs.py                  # after `make run`: Reports/demo/*.csv
    python3 .ci/check-outputs.py --bench          # after `BENCH_SCALES=0.1 make bench`: .build/bench/10pct/out/*.csv
    python3 .ci/check-outputs.py [--bench] --update   # record the current outputs (a deliberate change)

The records are Tests/Fixtures/expected/demo_outputs.sha256 and bench_10pct_outputs.sha256 (sha256 and
size per file). The bench inputs are generated with fixed seeds, so their outputs are as stable as the
demo's. A change in an output must be made on purpose: update the record in the same commit and say why.
"""
import hashlib
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = "--bench" in sys.argv
FOLDER = os.path.join(ROOT, ".build", "bench", "10pct", "out") if BENCH else os.path.join(ROOT, "Reports", "demo")
RECORD = os.path.join(ROOT, "Tests", "Fixtures", "expected",
                      "bench_10pct_outputs.sha256" if BENCH else "demo_outputs.sha256")
WHAT = "bench (10%)" if BENCH else "demo"
MAKE = "BENCH_SCALES=0.1 make bench" if BENCH else "make run"


def current():
    out = {}
    if not os.path.isdir(FOLDER):
        return out
    for name in sorted(os.listdir(FOLDER)):
        if name.endswith(".csv"):
            data = open(os.path.join(FOLDER, name), "rb").read()
            out[name] = (hashlib.sha256(data).hexdigest(), len(data))
    return out


now = current()
if not now:
    sys.exit(f"check-outputs: no CSV in {FOLDER}; run `{MAKE}` first")
if "--update" in sys.argv:
    with open(RECORD, "w") as f:
        for name, (digest, size) in now.items():
            f.write(f"{digest}  {size:>9}  {name}\n")
    print(f"check-outputs: recorded {len(now)} {WHAT} files in {os.path.relpath(RECORD, ROOT)}")
    sys.exit(0)
recorded = {}
for line in open(RECORD):
    digest, size, name = line.split()
    recorded[name] = (digest, int(size))
problems = [f"  {name}: missing" for name in recorded if name not in now]
problems += [f"  {name}: new (not in the record)" for name in now if name not in recorded]
problems += [f"  {name}: differs ({recorded[name][1]} → {now[name][1]} bytes)"
             for name in now if name in recorded and now[name] != recorded[name]]
if problems:
    flag = " --bench" if BENCH else ""
    print(f"check-outputs: the {WHAT} CSV outputs differ from the record:\n" + "\n".join(problems)
          + f"\nIf the change is deliberate, run `python3 .ci/check-outputs.py{flag} --update` and commit the record.")
    sys.exit(1)
print(f"check-outputs: {len(now)} {WHAT} CSV files byte-identical to the record")
