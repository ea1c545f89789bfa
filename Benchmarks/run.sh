#!/usr/bin/env bash
# make bench: national-scale timings of the stages that exist so far. Prints per stage the
# median wall time of 3 runs, peak RSS and rows per second. Not a test: nothing fails on speed.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.build/release/hulpatlas
WORK=${BENCH_DIR:-.build/bench}
N=${BENCH_REQUESTS:-1000000}
mkdir -p "$WORK"
[ -f "$WORK/requests.csv" ] && [ "$(($(wc -l < "$WORK/requests.csv") - 1))" = "$N" ] || \
    python3 Benchmarks/generate_requests.py "$WORK" "$N" >/dev/null
AREAS=../shared/data/cbs-pc4-2020/cbs_pc4_2020_nl.gpkg
[ -f "$AREAS" ] || AREAS=Data/cbs_pc4_2020_drechtsteden.gpkg

# measure NAME ROWS COMMAND…: 3 runs on a fresh copy of the store each time.
measure() {
    local name=$1 rows=$2; shift 2
    local times=() rss=0
    for i in 1 2 3; do
        [ -n "${PREPARE:-}" ] && eval "$PREPARE"
        local out
        out=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null; } 2>&1 | tail -1)
        times+=("${out% *}")
        local r=${out#* }; [ "$r" -gt "$rss" ] && rss=$r
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
    printf '| %-28s | %9s | %8s | %10s | %12s |\n' "$name" "$rows" "$median" "$((rss / 1024)) MiB" \
        "$(python3 -c "print(f'{$rows / max($median, 0.001):,.0f}')")"
}

command -v /usr/bin/time >/dev/null || { echo "bench needs /usr/bin/time (apt-get install time)"; exit 1; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(swift --version 2>&1 | head -1); GDAL $(gdal-config --version)"
echo
printf '| %-28s | %9s | %8s | %10s | %12s |\n' stage rows "median s" "peak RSS" "rows/s"
printf '|%s|%s|%s|%s|%s|\n' "------------------------------" "-----------" "----------" "------------" "--------------"
AREA_ROWS=$(ogrinfo -so -al "$AREAS" | awk -F': ' '/Feature Count/{print $2; exit}')
PREPARE="rm -f $WORK/store.sqlite" measure "ingest areas (PC4)" "$AREA_ROWS" $BIN ingest areas "$AREAS" --db "$WORK/store.sqlite"
cp "$WORK/store.sqlite" "$WORK/areas.sqlite"
PREPARE="cp $WORK/areas.sqlite $WORK/store.sqlite" measure "ingest requests" "$N" \
    $BIN ingest requests "$WORK/requests.csv" --db "$WORK/store.sqlite"
HELPERS=$(($(wc -l < "$WORK/helpers.csv") - 1))
measure "ingest helpers" "$HELPERS" $BIN ingest helpers "$WORK/helpers.csv" --db "$WORK/store.sqlite"
PREPARE="" measure "analyse (all match tables)" "$N" $BIN analyse --db "$WORK/store.sqlite" --out "$WORK/out"
PREPARE="" measure "index (2 indices, stability, LISA, reach)" "$AREA_ROWS" $BIN index --db "$WORK/store.sqlite"
echo
echo "floor: plain GDAL read of the same area file"
PREPARE="" measure "ogrinfo -al -q (floor)" "$AREA_ROWS" ogrinfo -al -q "$AREAS"
