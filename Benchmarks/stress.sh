#!/usr/bin/env bash
# make stress: a requests file of at least 2 GB (about 20 million rows) ingests in bounded
# memory. Prints rows, seconds and peak RSS; fails when peak RSS exceeds STRESS_MAX_RSS_MB
# (default 600) or when read ≠ accepted + rejected.
set -euo pipefail
cd "$(dirname "$0")/.."
work=.build-stress
rows=${STRESS_ROWS:-20500000}
max_rss_mb=${STRESS_MAX_RSS_MB:-600}
mkdir -p "$work"
if [ ! -s "$work/requests.csv" ] || [ "$(cat "$work/rows" 2>/dev/null)" != "$rows" ]; then
    echo "stress: generating $rows requests …"
    python3 Benchmarks/generate_requests.py "$work" "$rows" 1000 >/dev/null
    echo "$rows" > "$work/rows"
fi
bytes=$(stat -c %s "$work/requests.csv")
echo "stress: $work/requests.csv is $((bytes / 1024 / 1024)) MiB"
rm -f "$work/store.sqlite" "$work/store.sqlite-journal"
/usr/bin/time -f "%e %M" -o "$work/time.txt" \
    .build/release/hulpatlas ingest requests "$work/requests.csv" --db "$work/store.sqlite" > "$work/ingest.txt"
read -r seconds rss_kb < "$work/time.txt"
summary=$(grep "rows read" "$work/ingest.txt")
echo "stress: $summary"
echo "stress: ${seconds} s, peak RSS $((rss_kb / 1024)) MiB (limit ${max_rss_mb} MiB), $(python3 -c "print(f'{$rows/$seconds:,.0f}')") rows/s"
python3 - "$summary" <<'PY'
import re, sys
m = re.search(r"(\d+) rows read = (\d+) accepted \+ (\d+) rejected", sys.argv[1])
read, accepted, rejected = map(int, m.groups())
assert read == accepted + rejected, (read, accepted, rejected)
PY
if [ $((rss_kb / 1024)) -gt "$max_rss_mb" ]; then
    echo "stress: peak RSS above ${max_rss_mb} MiB: memory is not bounded" >&2
    exit 1
fi
rm -f "$work/store.sqlite"
