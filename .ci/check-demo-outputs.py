#!/usr/bin/env python3
"""The demo's CSV outputs are byte-identical to the recorded ones (a refactoring changes no number).

    python3 .ci/check-demo-outputs.py            # after `make run`: compare Reports/demo/*.csv
    python3 .ci/check-demo-outputs.py --update   # record the current outputs (a deliberate change)

The record is Tests/Fixtures/expected/demo_outputs.sha256 (sha256 and size per file). A change in an
output must be made on purpose: update the record in the same commit and say why.
"""
import hashlib
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEMO = os.path.join(ROOT, "Reports", "demo")
RECORD = os.path.join(ROOT, "Tests", "Fixtures", "expected", "demo_outputs.sha256")


def current():
    out = {}
    for name in sorted(os.listdir(DEMO)):
        if name.endswith(".csv"):
            data = open(os.path.join(DEMO, name), "rb").read()
            out[name] = (hashlib.sha256(data).hexdigest(), len(data))
    return out


now = current()
if not now:
    sys.exit(f"check-demo-outputs: no CSV in {DEMO}; run `make run` first")
if "--update" in sys.argv:
    with open(RECORD, "w") as f:
        for name, (digest, size) in now.items():
            f.write(f"{digest}  {size:>9}  {name}\n")
    print(f"check-demo-outputs: recorded {len(now)} files in {os.path.relpath(RECORD, ROOT)}")
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
    print("check-demo-outputs: the demo's CSV outputs differ from the record:\n" + "\n".join(problems)
          + "\nIf the change is deliberate, run `python3 .ci/check-demo-outputs.py --update` and commit the record.")
    sys.exit(1)
print(f"check-demo-outputs: {len(now)} CSV files byte-identical to the record")
