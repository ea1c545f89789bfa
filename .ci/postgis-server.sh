#!/usr/bin/env bash
# Starts a throwaway PostgreSQL + PostGIS server for the tests, listening only on a Unix socket
# in FOLDER, and prints its GDAL connection string. `stop FOLDER` stops it.
#   .ci/postgis-server.sh start /tmp/hulpatlas-pg   →   PG:host=/tmp/hulpatlas-pg user=hulpatlas dbname=hulpatlas
# Needs Debian's postgresql and postgis (make test-deps installs them). As root the server runs
# as the postgres user, since PostgreSQL refuses to run as root.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?folder}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "postgis-server: PostgreSQL is not installed (apt-get install postgresql postgis)" >&2; exit 1; }
as=()
if [ "$(id -u)" = 0 ]; then as=(runuser -u postgres --); fi
case "$action" in
start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        "${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U hulpatlas -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-k $dir -c listen_addresses='' -c fsync=off" start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    if ! "$bin/psql" -h "$dir" -U hulpatlas -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='hulpatlas'" | grep -q 1; then
        "$bin/createdb" -h "$dir" -U hulpatlas hulpatlas
    fi
    "$bin/psql" -q -h "$dir" -U hulpatlas -d hulpatlas -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null
    echo "PG:host=$dir user=hulpatlas dbname=hulpatlas"
    ;;
stop)
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
*) echo "postgis-server: start or stop" >&2; exit 2 ;;
esac
