#!/usr/bin/env python3
"""make bench: every stage of hulpatlas at national scale, against the floor and the peer.

    python3 Benchmarks/bench.py        (make bench builds the release binary first)

Environment: BENCH_DIR (work folder, default .build/bench), BENCH_REPEAT (runs per
measurement, default 3), BENCH_SCALES (default "0.1 0.5 1"), BENCH_PEER=0 skips the peers.

Inputs (generated once, deterministic seeds): the real national CBS PC4 2020 file, a
synthetic PC6 file of ~460,000 areas cut from it (generate_pc6.py), and per scale s a match
history of s x 1,000,000 requests and s x 100,000 volunteers in 50 locations whose
postcodes are PC6 codes of that file (generate_requests.py). At scale s the PC6 file holds
the PC6 areas of a share s of the PC4 areas; the PC4 file is national at every scale.

Per stage it runs the hulpatlas command BENCH_REPEAT times, each on a copy of the store as
the previous stage left it, and records the median wall time and the largest peak RSS
(/usr/bin/time). Then `hulpatlas run` on the same inputs, and again with them unchanged; the
floor (ogrinfo -al -q of the area files; sqlite3's .import of the requests file into a plain
table), the two peers (Benchmarks/peer/peer.py with geopandas, Benchmarks/peer/duckdb_peer.py
with DuckDB + spatial, whose answers are compared with hulpatlas's first: a peer's time only
counts when they agree) and the national PC4 report in headless Chromium. Results go between the markers of Benchmarks/RESULTS.md; the
text around them (profiles, what would fix an unmet target) is kept.
"""
import csv
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
os.chdir(ROOT)
BIN = os.path.join(ROOT, ".build", "release", "hulpatlas")
WORK = os.path.abspath(os.environ.get("BENCH_DIR", ".build/bench"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
SCALES = [float(s) for s in os.environ.get("BENCH_SCALES", "0.1 0.5 1").split()]
PEER = os.environ.get("BENCH_PEER", "1") != "0"
PC4 = os.path.abspath("../shared/data/cbs-pc4-2020/cbs_pc4_2020_nl.gpkg")
RESULTS = os.path.join(ROOT, "Benchmarks", "RESULTS.md")
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def timed(command, **kwargs):
    """Wall seconds and peak RSS (MiB) of one command; stdout discarded, fails loudly."""
    result = subprocess.run(["/usr/bin/time", "-f", "%e %M", *command], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, **kwargs)
    last = result.stderr.strip().splitlines()[-1]
    if result.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed:\n{result.stderr[-2000:]}")
    seconds, kib = last.split()
    return float(seconds), int(kib) / 1024


def measure(command, prepare=None):
    """Median wall time and peak RSS over REPEAT runs; prepare() runs before each."""
    times, peak = [], 0.0
    for _ in range(REPEAT):
        if prepare:
            prepare()
        seconds, rss = timed(command)
        times.append(seconds)
        peak = max(peak, rss)
    return statistics.median(times), peak


def copy(source, target):
    shutil.copyfile(source, target)
    for suffix in ("-wal", "-shm"):
        if os.path.exists(target + suffix):
            os.remove(target + suffix)


def rows_in(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f) - 1


def inputs(scale):
    """The generated files of one scale (made when missing)."""
    tag = f"{round(scale * 100)}pct"
    folder = os.path.join(WORK, tag)
    os.makedirs(folder, exist_ok=True)
    pc6 = os.path.join(folder, "cbs_pc6_2020.gpkg")
    if not os.path.exists(pc6):
        log(f"generating PC6 areas ({tag})")
        subprocess.run([sys.executable, "Benchmarks/generate_pc6.py", PC4, pc6 + ".tmp.gpkg", str(scale)], check=True,
                       stdout=subprocess.DEVNULL)
        os.replace(pc6 + ".tmp.gpkg", pc6)
    n = round(scale * 1_000_000)
    requests = os.path.join(folder, "requests.csv")
    if not os.path.exists(requests) or rows_in(requests) != n:
        log(f"generating {n:,} requests ({tag})")
        subprocess.run([sys.executable, "Benchmarks/generate_requests.py", folder, str(n), str(round(scale * 100_000)),
                        pc6], check=True, stdout=subprocess.DEVNULL)
    return tag, folder, pc6, requests, os.path.join(folder, "helpers.csv")


def feature_count(path):
    out = subprocess.run(["ogrinfo", "-so", "-al", path], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Feature Count: (\d+)", out).group(1))


def pipeline(scale):
    """Runs every stage at one scale; returns the stage rows and the store/output paths."""
    tag, folder, pc6, requests, helpers = inputs(scale)
    store, before = os.path.join(folder, "store.sqlite"), os.path.join(folder, "before.sqlite")
    out = os.path.join(folder, "out")
    n_pc4, n_pc6 = feature_count(PC4), feature_count(pc6)
    n_requests, n_helpers = rows_in(requests), rows_in(helpers)
    shutil.rmtree(out, ignore_errors=True)
    for path in (store, before):
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
    db = ["--db", store]
    pc4_set, pc6_set = ["--level", "pc4", "--year", "2020"], ["--level", "pc6", "--year", "2020"]
    stages = [
        ("ingest areas PC4", n_pc4, [BIN, "ingest", "areas", PC4, "--year", "2020", *db]),
        ("ingest areas PC6", n_pc6, [BIN, "ingest", "areas", pc6, "--year", "2020", *db]),
        ("ingest requests", n_requests, [BIN, "ingest", "requests", requests, *db]),
        ("ingest helpers", n_helpers, [BIN, "ingest", "helpers", helpers, *db]),
        ("analyse (match tables)", n_requests, [BIN, "analyse", *db, "--out", out]),
        ("index PC4", n_pc4, [BIN, "index", *db, *pc4_set]),
        ("index PC6", n_pc6, [BIN, "index", *db, *pc6_set]),
        ("target (flyer plan, PC4)", n_pc4, [BIN, "target", *db, *pc4_set, "--budget", "250000", "--out", out]),
        ("report (all locations, PC4)", n_requests, [BIN, "report", *db, *pc4_set, "--out", out]),
        ("export csv (PC4)", n_pc4, [BIN, "export", *db, *pc4_set, "--format", "csv", "--out", out]),
        ("export gpkg (PC4)", n_pc4, [BIN, "export", *db, *pc4_set, "--format", "gpkg", "--out", out]),
    ]
    rows = []
    areas_only = os.path.join(folder, "areas-only.sqlite")
    for name, count, command in stages:
        log(f"[{tag}] {name}")
        if os.path.exists(store):
            copy(store, before)
        if name == "ingest requests":
            copy(store, areas_only)  # both area sets, no history yet: where `run` starts from
        prepare = (lambda: copy(before, store)) if os.path.exists(before) else \
            (lambda: [os.remove(store + s) for s in ("", "-wal", "-shm") if os.path.exists(store + s)])
        seconds, rss = measure(command, prepare)
        rows.append({"stage": name, "rows": count, "seconds": seconds, "rss": rss})
    return {"tag": tag, "folder": folder, "pc6": pc6, "requests": requests, "helpers": helpers, "store": store,
            "out": out, "rows": rows, "n_pc6": n_pc6, "n_requests": n_requests, "areas_only": areas_only}


# The stages of `hulpatlas run` (its --timings) and the command that does the same work alone.
# Alone, each command opens the store and loads what it needs; in `run` they share one
# RunContext (areas, history and register loaded once; shapes, neighbours, locator and the
# match-history analysis computed once).
SINGLE_LOAD = [
    ("ingest areas", "ingest areas PC4"),
    ("ingest requests", "ingest requests"),
    ("ingest helpers", "ingest helpers"),
    ("index", "index PC4"),
    ("target", "target (flyer plan, PC4)"),
    ("analyse", "analyse (match tables)"),
    ("export csv", "export csv (PC4)"),
    ("export gpkg", "export gpkg (PC4)"),
    ("report", "report (all locations, PC4)"),
]


def single_load(run):
    """`hulpatlas run` on the same inputs (from the store with both area sets and no history),
    per stage the median of its own --timings; returns {stage: seconds} and the median wall time."""
    store = os.path.join(run["folder"], "run.sqlite")
    out = os.path.join(run["folder"], "run-out")
    timings = os.path.join(run["folder"], "run-timings.csv")
    per_stage, walls, again = {}, [], []
    command = [BIN, "run", "--areas", PC4, "--requests", run["requests"], "--helpers", run["helpers"],
               "--db", store, "--out", out, "--budget", "250000", "--timings", timings]
    for _ in range(REPEAT):
        copy(run["areas_only"], store)
        shutil.rmtree(out, ignore_errors=True)
        seconds, _ = timed(command)
        walls.append(seconds)
        with open(timings, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                per_stage.setdefault(row["stage"], []).append(float(row["seconds"]))
        # The same run again, inputs unchanged, on the store it left.
        again.append(timed(command)[0])
    return {k: statistics.median(v) for k, v in per_stage.items()}, statistics.median(walls), statistics.median(again)


def floor(run):
    """Plain GDAL reads of the area files and a plain SQLite bulk insert of the requests."""
    plain = os.path.join(run["folder"], "floor.sqlite")

    def fresh():
        if os.path.exists(plain):
            os.remove(plain)
    header = open(run["requests"], encoding="utf-8").readline().strip().split(",")
    script = os.path.join(run["folder"], "floor.sql")
    with open(script, "w") as f:
        f.write(f"CREATE TABLE requests ({', '.join(c + ' TEXT' for c in header)});\n"
                f".mode csv\n.import --skip 1 {run['requests']} requests\n")
    rows = []
    for name, count, command, prepare in [
        ("ogrinfo -al -q PC4 (floor)", feature_count(PC4), ["ogrinfo", "-al", "-q", PC4], None),
        ("ogrinfo -al -q PC6 (floor)", run["n_pc6"], ["ogrinfo", "-al", "-q", run["pc6"]], None),
        ("sqlite3 .import requests (floor)", run["n_requests"], ["sh", "-c", f"sqlite3 {plain} < {script}"], fresh),
    ]:
        log(f"[{run['tag']}] {name}")
        seconds, rss = measure(command, prepare)
        rows.append({"stage": name, "rows": count, "seconds": seconds, "rss": rss})
    return rows


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def close(a, b, tolerance):
    return abs(a - b) <= tolerance * max(1.0, abs(a), abs(b))


def agreement(run, peer_out):
    """Compares the peer's answers with hulpatlas's; returns (checks, problems)."""
    problems, checks = [], 0
    # Areas: area and point on surface of every PC4 and PC6 area.
    ours = {}
    for level in ("pc4", "pc6"):
        export = os.path.join(run["folder"], f"areas_{level}")
        subprocess.run([BIN, "export", "--db", run["store"], "--level", level, "--year", "2020", "--format", "csv",
                        "--out", export], check=True, stdout=subprocess.DEVNULL)
        for r in read_csv(os.path.join(export, "areas.csv")):
            ours[r["area_code"]] = r
    for r in read_csv(os.path.join(peer_out, "peer_areas.csv")):
        mine = ours.get(r["postcode"])
        if mine is None or not r["area_km2"] or not mine["area_km2"]:
            if mine is None or bool(r["area_km2"]) != bool(mine["area_km2"]):
                problems.append(f"area {r['postcode']}: present/shape differs")
            continue
        checks += 1
        # areas.csv rounds km2 to 4 decimals and points to cm
        if not (abs(float(mine["area_km2"]) - float(r["area_km2"])) <= 0.00006 + 1e-3 * float(r["area_km2"])
                and abs(float(mine["point_x"]) - float(r["point_x"])) <= 0.01
                and abs(float(mine["point_y"]) - float(r["point_y"])) <= 0.01):
            problems.append(f"area {r['postcode']}: {mine['area_km2']} km2 at {mine['point_x']},{mine['point_y']} vs "
                            f"{r['area_km2']} at {r['point_x']},{r['point_y']}")
    # Index percentiles (PC4).
    pc4 = {r["area_code"]: r for r in read_csv(os.path.join(run["folder"], "areas_pc4", "areas.csv"))}
    for r in read_csv(os.path.join(peer_out, "peer_index.csv")):
        for column in ("debt_percentile", "loneliness_percentile"):
            a, b = pc4[r["postcode"]][column], r[column]
            checks += 1
            if bool(a) != bool(b) or (a and abs(float(a) - float(b)) > 0.006):
                problems.append(f"{column} {r['postcode']}: {a!r} vs {b!r}")
    # Distances (all matches).
    ours_d = next(r for r in read_csv(os.path.join(run["out"], "distances.csv")) if r["grouping"] == "all")
    peer_d = read_csv(os.path.join(peer_out, "peer_distances.csv"))[0]
    for column, tolerance in (("matches", 0), ("median_m", 0.51), ("p75_m", 0.51), ("p90_m", 0.51),
                              ("share_within_3km", 0.00006)):
        checks += 1
        if abs(float(ours_d[column]) - float(peer_d[column])) > tolerance:
            problems.append(f"distances {column}: {ours_d[column]} vs {peer_d[column]}")
    # Supply/demand: every unsuppressed cell; the `all` rows against the sums of the peer's
    # locations (a volunteer belongs to one location, so the active ones add up too).
    peer_s = {(r["location"], r["period"], r["category"]): r for r in read_csv(os.path.join(peer_out,
                                                                                         "peer_supply_demand.csv"))}
    sums = {}
    for (location, period, category), r in list(peer_s.items()):
        total = sums.setdefault(("all", period, category), {c: 0 for c in ("requests", "matched", "not_matched", "open",
                                                                             "active_helpers")})
        for column in total:
            total[column] += int(r[column])
    peer_s.update(sums)
    for r in read_csv(os.path.join(run["out"], "supply_demand.csv")):
        if r["suppressed"] == "1" or not r["requests"]:
            continue
        p = peer_s.get((r["location"], r["period"], r["category"]))
        for column in ("requests", "matched", "not_matched", "open", "active_helpers"):
            checks += 1
            if p is None or int(r[column]) != int(p[column]):
                problems.append(f"supply_demand {r['location']} {r['period']} {r['category']} {column}: "
                                f"{r[column]} vs {p and p[column]}")
    # Monthly (the DuckDB peer): every unsuppressed cell, `all` against the sums of the locations.
    monthly = os.path.join(peer_out, "peer_monthly.csv")
    if os.path.exists(monthly):
        peer_m = {(r["location"], r["month"]): r for r in read_csv(monthly)}
        for (location, month), r in list(peer_m.items()):
            total = peer_m.setdefault(("all", month), {"help_requests": 0, "info_requests": 0, "total": 0})
            for column in ("help_requests", "info_requests", "total"):
                total[column] = int(total[column]) + int(r[column])
        for r in read_csv(os.path.join(run["out"], "monthly.csv")):
            p = peer_m.get((r["location"], r["month"]))
            for column in ("help_requests", "info_requests", "total"):
                if not r[column]:
                    continue
                checks += 1
                if int(r[column]) != (int(p[column]) if p else 0):
                    problems.append(f"monthly {r['location']} {r['month']} {column}: {r[column]} vs {p and p[column]}")
    return checks, problems


# The peers: the same computations as an analyst would script them (Benchmarks/peer/).
PEERS = [("geopandas", "geopandas/pyogrio/pandas", "Benchmarks/peer/peer.py"),
         ("duckdb", "DuckDB + spatial", "Benchmarks/peer/duckdb_peer.py")]


def peer(run, name="geopandas", script="Benchmarks/peer/peer.py"):
    """Runs the peer REPEAT times; returns median total and per-step seconds, peak RSS, agreement."""
    peer_out = os.path.join(run["folder"], f"peer-{name}")
    command = [sys.executable, script, PC4, run["pc6"], run["requests"], run["helpers"], peer_out]
    totals, steps, peak = [], [], 0.0
    for _ in range(REPEAT):
        log(f"[{run['tag']}] peer {name}")
        result = subprocess.run(["/usr/bin/time", "-f", "%e %M", *command], capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"bench: the peer failed:\n{result.stderr[-2000:]}")
        seconds, kib = result.stderr.strip().splitlines()[-1].split()
        totals.append(float(seconds))
        peak = max(peak, int(kib) / 1024)
        steps.append(json.loads(result.stdout.strip().splitlines()[-1]))
    checks, problems = agreement(run, peer_out)
    median_steps = {k: statistics.median(s[k] for s in steps) for k in steps[0]}
    return {"seconds": statistics.median(totals), "rss": peak, "steps": median_steps, "checks": checks,
            "problems": problems}


def chromium_open(page):
    """Median seconds for headless Chromium to load and screenshot a page, minus about:blank."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        return None

    def shot(url):
        start = time.perf_counter()
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        "--window-size=1280,2000", f"--screenshot={os.path.join(WORK, 'shot.png')}", url],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        return time.perf_counter() - start
    blank = statistics.median(shot("about:blank") for _ in range(REPEAT))
    loaded = statistics.median(shot("file://" + page) for _ in range(REPEAT))
    return loaded, blank


def table(rows, header=("stage", "rows", "median s", "peak RSS", "rows/s")):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" if i == 0 else "--:" for i in range(len(header))) + "|"]
    for r in rows:
        lines.append(f"| {r['stage']} | {r['rows']:,} | {r['seconds']:.2f} | {r['rss']:,.0f} MiB | "
                     f"{r['rows'] / max(r['seconds'], 0.005):,.0f} |")
    return lines


def machine():
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    gdal = subprocess.run(["gdal-config", "--version"], capture_output=True, text=True).stdout.strip()
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) / 1024 / 1024
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    return (f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, {platform.system()} {platform.release()}; {swift}; "
            f"GDAL {gdal}; SQLite {subprocess.run(['sqlite3', '--version'], capture_output=True, text=True).stdout.split()[0]}")


def main():
    if not os.path.exists(PC4):
        sys.exit(f"bench: needs the national CBS PC4 file at {PC4} (../shared/data)")
    runs = {s: pipeline(s) for s in sorted(SCALES)}
    full = runs[max(SCALES)]
    log(f"[{full['tag']}] hulpatlas run (single load)")
    in_run, run_wall, rerun_wall = single_load(full)
    floors = floor(full)
    peers = {name: (label, peer(full, name, script)) for name, label, script in PEERS} if PEER else {}
    peer_result = peers.get("geopandas", (None, None))[1]
    duck_result = peers.get("duckdb", (None, None))[1]
    report = os.path.join(full["out"], "report.html")
    report_mib = os.path.getsize(report) / 2**20
    opened = chromium_open(report)
    log(f"[{full['tag']}] audit --intervals")
    started = time.monotonic()
    audited = subprocess.run([BIN, "audit", full["out"], "--intervals"], capture_output=True, text=True)
    audit_seconds = time.monotonic() - started
    audit_head = next((l for l in audited.stdout.splitlines() if l.startswith("interval audit")), "interval audit: no output")
    audit_findings = sum(1 for l in audited.stdout.splitlines() if ": hidden, but " in l)

    stage = {r["stage"]: r for r in full["rows"]}
    floor_of = {r["stage"]: r for r in floors}
    total = sum(r["seconds"] for r in full["rows"])
    peak = max(r["rss"] for r in full["rows"])
    pc6_ratio = stage["ingest areas PC6"]["seconds"] / floor_of["ogrinfo -al -q PC6 (floor)"]["seconds"]
    pc4_ratio = stage["ingest areas PC4"]["seconds"] / floor_of["ogrinfo -al -q PC4 (floor)"]["seconds"]
    ingest_rate = full["n_requests"] / stage["ingest requests"]["seconds"]
    import_ratio = stage["ingest requests"]["seconds"] / floor_of["sqlite3 .import requests (floor)"]["seconds"]
    peer_stages = ["ingest areas PC4", "ingest areas PC6", "ingest requests", "ingest helpers",
                   "analyse (match tables)", "index PC4"]
    ours_comparable = sum(stage[s]["seconds"] for s in peer_stages)

    out = [f"Machine: {machine()}.", "",
           f"Median of {REPEAT} runs per measurement; peak RSS is the largest of them. Scale "
           f"{max(SCALES):g}: national CBS PC4 2020 ({stage['ingest areas PC4']['rows']:,} areas), "
           f"{full['n_pc6']:,} synthetic PC6 areas, {full['n_requests']:,} requests, "
           f"{stage['ingest helpers']['rows']:,} volunteers in 50 locations.", "",
           "### Stages (national)", ""]
    out += table(full["rows"])
    out += ["", f"**Whole pipeline: {total:.1f} s** (sum of the stage medians), peak RSS {peak:,.0f} MiB.", "",
            "### What the single load saves (`hulpatlas run` against the commands one by one)", "",
            "Alone, every command starts a process, opens the store and loads what it needs; in `run` the stages share "
            "one RunContext, so the areas, history and register are read once and the shapes, neighbours, locator and "
            "match-history analysis are computed once (`export csv` alone computes the analysis again; in `run` it is "
            "the `analyse` stage's). Stage times in `run` are its own `--timings`, medians of "
            f"{REPEAT} runs from the store with both area sets; `target` alone also writes targets.csv and targets.gpkg.", "",
            "| stage | command alone, s | in `run`, s | saved, s | alone / in run |", "|---|--:|--:|--:|--:|"]
    alone_total = in_total = 0.0
    for run_stage, command in SINGLE_LOAD:
        if run_stage not in in_run:
            continue
        alone, inside = stage[command]["seconds"], in_run[run_stage]
        alone_total += alone
        in_total += inside
        ratio = f"{alone / inside:.1f}x" if inside > 0 else "–"
        out.append(f"| {run_stage} | {alone:.2f} | {inside:.2f} | {alone - inside:.2f} | {ratio} |")
    load = in_run.get("load", 0.0)
    out += [f"| load (areas, history, register; once) | – | {load:.2f} | | |",
            f"| **these stages** | **{alone_total:.2f}** | **{in_total + load:.2f}** | "
            f"**{alone_total - in_total - load:.2f}** | **{alone_total / (in_total + load):.1f}x** |", "",
            f"The whole `hulpatlas run` (with the XLSX and index.html as well): {run_wall:.1f} s wall time; "
            f"the same run again with unchanged inputs, on the store it left: {rerun_wall:.1f} s.", "",
            "### Floor", ""]
    out += table(floors)
    out += ["", f"- Area ingest / plain GDAL read: PC4 {pc4_ratio:.2f}x, PC6 {pc6_ratio:.2f}x.",
            f"- Request ingest: {ingest_rate:,.0f} rows/s, {import_ratio:.1f}x sqlite3's plain `.import` "
            "(which stores text as it comes: no parsing, validation, pseudonymisation or upsert)."]
    for name, label, script in PEERS:
        if name not in peers:
            continue
        result = peers[name][1]
        agree = "agree" if not result["problems"] else f"DISAGREE ({len(result['problems'])} differences)"
        out += ["", f"### Peer: {label} ({script})", "",
                f"Answers {agree} on {result['checks']:,} checked values (area and point on surface of every "
                "PC4 and PC6 area, both index percentiles of every PC4 area, distance count/median/p75/p90/share within "
                "3 km, every unsuppressed supply/demand cell" + (", every unsuppressed monthly cell" if name == "duckdb" else "")
                + ").", "", "| peer step | median s |", "|---|--:|"]
        out += [f"| {k} | {v:.2f} |" for k, v in result["steps"].items()]
        out += [f"| total (process, incl. imports) | {result['seconds']:.2f} |", "",
                f"Peer peak RSS {result['rss']:,.0f} MiB. hulpatlas's comparable stages (area ingest PC4 + PC6, "
                f"request and volunteer ingest, analyse, index PC4) take {ours_comparable:.1f} s, which also store "
                f"everything and write every table: {ours_comparable / result['seconds']:.1f}x the peer's time; "
                f"`hulpatlas run` (PC4 + the history, every stage): **{run_wall / result['seconds']:.1f}x**."]
        for p in result["problems"][:20]:
            out.append(f"- difference: {p}")
    out += ["", "### National PC4 report", "",
            f"report.html (all locations, latest quarter, national PC4 map): {report_mib:.2f} MiB."]
    if opened:
        out.append(f"Headless Chromium loads and screenshots it in {opened[0]:.2f} s (about:blank: {opened[1]:.2f} s, "
                   f"so the page itself costs {opened[0] - opened[1]:.2f} s).")
    out += ["", "### Interval audit of the national folder", "",
            f"`hulpatlas audit out --intervals` (LP over every published count, GLPK): {audit_seconds:.1f} s wall time, "
            f"{audit_findings} hidden counts pinned down. {audit_head.split(': ', 1)[-1]}."]
    out += ["", "### Scaling", "", "| stage | " + " | ".join(runs[s]["tag"] for s in sorted(runs)) + " |",
            "|---|" + "--:|" * len(runs)]
    for i, r in enumerate(full["rows"]):
        out.append(f"| {r['stage']} | " + " | ".join(f"{runs[s]['rows'][i]['seconds']:.2f}" for s in sorted(runs)) + " |")
    out.append("| **total** | " + " | ".join(f"**{sum(r['seconds'] for r in runs[s]['rows']):.1f}**"
                                            for s in sorted(runs)) + " |")
    if len(runs) > 1:
        small = min(runs)
        ratio = sum(r["seconds"] for r in full["rows"]) / sum(r["seconds"] for r in runs[small]["rows"])
        out += ["", f"Total at {max(runs) / small:.0f}x the size: {ratio:.1f}x the time."]
    duck_x = run_wall / duck_result["seconds"] if duck_result else float("nan")
    index_pc6 = stage["index PC6"]["seconds"]
    rerun_share = rerun_wall / run_wall
    scaled = ""
    if len(runs) > 1:
        small = min(runs)
        scaled_ratio = sum(r["seconds"] for r in full["rows"]) / sum(r["seconds"] for r in runs[small]["rows"])
        scaled = f"{scaled_ratio:.1f}x at {max(runs) / small:.0f}x the size"
    # The targets of issue #19 (Benchmarks/RESULTS.md says what is left where one is not met).
    targets = [
        ("`hulpatlas run` (PC4 + history) <= 3x the DuckDB peer, same answers",
         "not measured (BENCH_PEER=0)" if duck_result is None
         else f"{duck_x:.1f}x" + ("" if not duck_result["problems"] else " (answers differ)"),
         duck_result is not None and not duck_result["problems"] and duck_x <= 3),
        ("whole national pipeline with PC6 <= 30 s", f"{total:.1f} s", total <= 30),
        ("peak RSS <= 1 GiB", f"{peak:,.0f} MiB", peak <= 1024),
        ("PC6 area ingest <= 1.5x the GDAL read", f"{pc6_ratio:.2f}x", pc6_ratio <= 1.5),
        ("request ingest >= 300,000 rows/s", f"{ingest_rate:,.0f} rows/s", ingest_rate >= 300_000),
        ("index PC6 <= 5 s", f"{index_pc6:.1f} s", index_pc6 <= 5),
        ("re-run with unchanged inputs <= 10% of the first run", f"{rerun_wall:.1f} s of {run_wall:.1f} s ({100 * rerun_share:.0f}%)",
         rerun_share <= 0.10),
        ("10x the size <= 10x the time", scaled or "not measured (one scale)",
         bool(scaled) and scaled_ratio <= max(runs) / min(runs)),
        ("the geopandas peer's answers agree", "not measured (BENCH_PEER=0)" if peer_result is None
         else ("agree" if not peer_result["problems"] else f"{len(peer_result['problems'])} differences"),
         peer_result is not None and not peer_result["problems"]),
        ("national PC4 report <= 5 MiB", f"{report_mib:.2f} MiB", report_mib <= 5),
        ("report opens in Chromium <= 3 s", f"{opened[0] - opened[1]:.2f} s" if opened else "not measured",
         bool(opened) and opened[0] - opened[1] <= 3),
    ]
    out += ["", "### Targets", "", "| target | measured | met |", "|---|--:|:-:|"]
    out += [f"| {t} | {m} | {'yes' if ok else '**no**'} |" for t, m, ok in targets]
    block = "\n".join(out)
    print(block)

    text = open(RESULTS, encoding="utf-8").read() if os.path.exists(RESULTS) else f"# Benchmark results\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text:
        text = text.rstrip() + f"\n\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    stamp = time.strftime("%Y-%m-%d")
    with open(RESULTS + ".tmp", "w", encoding="utf-8") as f:
        f.write(f"{head}{BEGIN}\n_Written by `make bench` on {stamp}._\n\n{block}\n{END}{tail}")
    os.replace(RESULTS + ".tmp", RESULTS)


if __name__ == "__main__":
    main()
