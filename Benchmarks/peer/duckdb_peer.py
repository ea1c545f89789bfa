#!/usr/bin/env python3
"""The second peer of `make bench`: the same national computations as peer.py, written the way
an analyst would in DuckDB with its spatial extension (PyPI `duckdb-extension-spatial`, which
brings DuckDB and the extension file: no network at run time; never a runtime dependency of
hulpatlas).

    python3 Benchmarks/peer/duckdb_peer.py PC4_GPKG PC6_GPKG REQUESTS_CSV HELPERS_CSV OUT_DIR

Steps, each timed (printed as JSON on the last line):
  read        read both area files (ST_Read, GDAL inside DuckDB)
  geometry    area and point on surface of every area (GEOS, as shapely's representative_point)
  index       the debt and loneliness indices on PC4, as docs/METHOD.md defines them (shrunk
              rates, mid-rank percentiles, weighted composite ranked again), in SQL
  distances   requester-volunteer distances of matched help requests (PC6 points, else PC4)
              and their quantiles
  supply      supply/demand per location, quarter and category (requests, outcomes, active
              volunteers)
  monthly     help requests, information questions and their total per location and month
It writes the files peer.py writes (peer_areas.csv, peer_index.csv, peer_distances.csv,
peer_supply_demand.csv) and peer_monthly.csv to OUT_DIR; bench.py compares them with
hulpatlas's outputs before the peer's time counts.
"""
import json
import os
import sys
import time

import duckdb
import duckdb_extension_spatial

pc4_path, pc6_path, requests_path, helpers_path, out = sys.argv[1:6]
os.makedirs(out, exist_ok=True)
timings = {}
clock = time.perf_counter()


def lap(name):
    global clock
    now = time.perf_counter()
    timings[name] = now - clock
    clock = now


def literal(path):
    return "'" + os.path.abspath(path).replace("'", "''") + "'"


def write(sql, name):
    con.execute(f"COPY ({sql}) TO {literal(os.path.join(out, name))} (HEADER, DELIMITER ',')")


# The extension file the PyPI package brings (version-matched to the duckdb package).
extension = os.path.join(os.path.dirname(duckdb_extension_spatial.__file__), "extensions",
                         f"v{duckdb.__version__}", "spatial.duckdb_extension")
con = duckdb.connect(config={"allow_unsigned_extensions": "true", "threads": "2"})
con.execute(f"LOAD {literal(extension)}")

# read
con.execute(f"CREATE TABLE pc4 AS SELECT * FROM ST_Read({literal(pc4_path)})")
con.execute(f"CREATE TABLE pc6 AS SELECT postcode, geom FROM ST_Read({literal(pc6_path)})")
lap("read")

# geometry: area and point on surface of every non-empty shape
for level in ("pc4", "pc6"):
    con.execute(f"""
        CREATE TABLE {level}_points AS
        SELECT postcode,
               CASE WHEN geom IS NULL OR ST_IsEmpty(geom) THEN NULL ELSE ST_Area(geom) / 1e6 END AS area_km2,
               CASE WHEN geom IS NULL OR ST_IsEmpty(geom) THEN NULL ELSE ST_PointOnSurface(geom) END AS point
        FROM {level}""")
write("""SELECT postcode, area_km2, ST_X(point) AS point_x, ST_Y(point) AS point_y FROM pc4_points
         UNION ALL
         SELECT postcode, area_km2, ST_X(point) AS point_x, ST_Y(point) AS point_y FROM pc6_points""",
      "peer_areas.csv")
lap("geometry")

# index (PC4): CBS codes (<= -99990) are missing; population from aantal_inwoners, else the
# 2021 Certegis estimate; an area is eligible from 50 inhabitants.
SHRINK, MIN_POP = 50.0, 50.0
columns = [name for name, kind, *_ in con.execute("DESCRIBE pc4").fetchall()
           if kind in ("DOUBLE", "INTEGER", "BIGINT", "FLOAT", "REAL") and name != "fid"]
clean = ", ".join(f"CASE WHEN {c} > -99990 THEN {c}::DOUBLE END AS {c}" for c in columns)
con.execute(f"CREATE TABLE stats AS SELECT postcode, {clean} FROM pc4")
con.execute(f"""
    CREATE TABLE base AS
    SELECT *, coalesce(coalesce(aantal_inwoners, certegis_inwoners_2021), 0) >= {MIN_POP} AS eligible,
           coalesce(aantal_inwoners, certegis_inwoners_2021) AS population,
           aantal_inwoners_15_tot_25_jaar + aantal_inwoners_25_tot_45_jaar + aantal_inwoners_45_tot_65_jaar AS age15_65,
           aantal_part_huishoudens AS households
    FROM stats""")


def rate(num, den):
    """(num + SHRINK * pooled) / (den + SHRINK), pooled over the eligible areas that have both."""
    pooled = (f"(SELECT sum({num}) / sum({den}) FROM base WHERE {num} IS NOT NULL AND {den} IS NOT NULL AND eligible)")
    return f"CASE WHEN {num} IS NOT NULL AND {den} IS NOT NULL AND {den} > 0 THEN ({num} + {SHRINK} * {pooled}) / ({den} + {SHRINK}) END"


def midrank(value, table):
    """100 (mid-rank − 0.5) / n over the non-null values: ties share their mean rank."""
    return (f"CASE WHEN {value} IS NOT NULL THEN 100 * ((rank() OVER (PARTITION BY {value} IS NULL ORDER BY {value}) "
            f"+ (count(*) OVER (PARTITION BY {value}) - 1) / 2.0) - 0.5) / (SELECT count({value}) FROM {table}) END")


def composite(name, parts):
    """The weighted mean of the components' percentiles, ranked again (at least half present)."""
    values = ", ".join(f"CASE WHEN eligible THEN {'' if up else '-'}({expr}) END AS c{k}"
                       for k, (expr, up, w) in enumerate(parts))
    con.execute(f"CREATE TABLE {name}_v AS SELECT postcode, eligible, {values} FROM base")
    pct = ", ".join(f"{midrank(f'c{k}', f'{name}_v')} AS p{k}" for k in range(len(parts)))
    con.execute(f"CREATE TABLE {name}_p AS SELECT postcode, eligible, {pct} FROM {name}_v")
    # Summed component by component in the order of the definition, as hulpatlas does.
    weighted, total, have = "0.0", "0.0", "0"
    for k, (_, _, w) in enumerate(parts):
        weighted = f"({weighted} + coalesce({w} * p{k}, 0))"
        total = f"({total} + CASE WHEN p{k} IS NOT NULL THEN {w} ELSE 0 END)"
        have = f"({have} + CASE WHEN p{k} IS NOT NULL THEN 1 ELSE 0 END)"
    con.execute(f"""CREATE TABLE {name}_s AS SELECT postcode,
                    CASE WHEN eligible AND {have} >= {len(parts) / 2} THEN {weighted} / {total} END AS score
                    FROM {name}_p""")
    con.execute(f"CREATE TABLE {name} AS SELECT postcode, {midrank('score', f'{name}_s')} AS percentile FROM {name}_s")


singles = rate("aantal_eenpersoonshuishoudens", "households")
composite("debt", [
    (rate("aantal_eenouderhuishoudens", "households"), True, 0.5), (singles, True, 1),
    ("gemiddelde_woz_waarde_woning", False, 0.5), ("percentage_niet_westerse_migr_achtergr", True, 1),
    ("percentage_huurwoningen", True, 1), (rate("aantal_inwoners_15_tot_25_jaar", "population"), True, 0.5)])
composite("loneliness", [
    (rate("aantal_personen_met_uitkering_onder_aowlft", "age15_65"), True, 0.5),
    ("gemiddelde_huishoudensgrootte", False, 0.5), ("gemiddelde_woz_waarde_woning", False, 0.5),
    ("percentage_westerse_migr_achtergr", True, 1), ("omgevingsadressendichtheid", True, 1)])
write("""SELECT postcode, debt.percentile AS debt_percentile, loneliness.percentile AS loneliness_percentile
         FROM debt JOIN loneliness USING (postcode) ORDER BY postcode""", "peer_index.csv")
lap("index")

# distances: matched help requests, PC6 point of each postcode, else its PC4 area's
con.execute(f"CREATE TABLE requests AS SELECT * FROM read_csv({literal(requests_path)}, all_varchar = true, header = true)")
con.execute(f"CREATE TABLE helpers AS SELECT * FROM read_csv({literal(helpers_path)}, all_varchar = true, header = true)")
con.execute("""
    CREATE TABLE outcome(status VARCHAR, outcome VARCHAR);
    INSERT INTO outcome VALUES ('match', 'matched'), ('doorverwezen', 'matched'), ('geen_match', 'not_matched'),
        ('afgewezen', 'not_matched'), ('ingetrokken', 'not_matched'), ('in_behandeling', 'open');
    CREATE TABLE help AS SELECT r.*, o.outcome FROM requests r LEFT JOIN outcome o USING (status) WHERE r.kind = 'hulpvraag';
    CREATE TABLE located AS
        SELECT p.postcode, ST_X(p.point) AS x, ST_Y(p.point) AS y FROM pc6_points p WHERE p.point IS NOT NULL;
    CREATE TABLE located4 AS
        SELECT p.postcode, ST_X(p.point) AS x, ST_Y(p.point) AS y FROM pc4_points p WHERE p.point IS NOT NULL;
    CREATE TABLE trips AS
    WITH m AS (SELECT upper(replace(requester_postcode, ' ', '')) AS a6, substr(requester_postcode, 1, 4) AS a4,
                      upper(replace(helper_postcode, ' ', '')) AS b6, substr(helper_postcode, 1, 4) AS b4
               FROM help WHERE outcome = 'matched' AND helper_postcode <> '')
    SELECT sqrt(power(coalesce(ra6.x, ra4.x) - coalesce(rb6.x, rb4.x), 2)
                + power(coalesce(ra6.y, ra4.y) - coalesce(rb6.y, rb4.y), 2)) AS metres
    FROM m LEFT JOIN located ra6 ON ra6.postcode = m.a6 LEFT JOIN located4 ra4 ON ra4.postcode = m.a4
           LEFT JOIN located rb6 ON rb6.postcode = m.b6 LEFT JOIN located4 rb4 ON rb4.postcode = m.b4""")
write("""SELECT count(metres) AS matches, quantile_cont(metres, 0.5) AS median_m, quantile_cont(metres, 0.75) AS p75_m,
                quantile_cont(metres, 0.9) AS p90_m, avg(CASE WHEN metres <= 3000 THEN 1.0 ELSE 0.0 END) AS share_within_3km
         FROM trips WHERE metres IS NOT NULL""", "peer_distances.csv")
lap("distances")

# supply/demand per location, quarter and category; active volunteers of each category in the quarter
con.execute("""
    CREATE TABLE counts AS
    SELECT location, strftime(created_at::DATE, '%Y') || '-Q' || quarter(created_at::DATE) AS period, category,
           count(*) AS requests, count(*) FILTER (WHERE outcome = 'matched') AS matched,
           count(*) FILTER (WHERE outcome = 'not_matched') AS not_matched, count(*) FILTER (WHERE outcome = 'open') AS open,
           min(date_trunc('quarter', created_at::DATE)) AS first_day
    FROM help WHERE outcome IS NOT NULL GROUP BY ALL;
    CREATE TABLE helper_categories AS
    SELECT location, unnest(string_split(categories, ';')) AS category, active_from, active_until FROM helpers;
    CREATE TABLE quarters AS
    SELECT DISTINCT period, strftime(first_day, '%Y-%m-%d') AS first,
           strftime(first_day + INTERVAL 3 MONTH - INTERVAL 1 DAY, '%Y-%m-%d') AS last FROM counts;
    CREATE TABLE active AS
    SELECT h.location, q.period, h.category, count(*) AS active_helpers
    FROM helper_categories h JOIN quarters q ON h.active_from <= q.last AND (coalesce(h.active_until, '') = '' OR h.active_until >= q.first)
    GROUP BY ALL""")
write("""SELECT c.location, c.period, c.category, c.requests, c.matched, c.not_matched, c.open,
                coalesce(a.active_helpers, 0) AS active_helpers
         FROM counts c LEFT JOIN active a USING (location, period, category)
         ORDER BY ALL""", "peer_supply_demand.csv")
lap("supply")

# monthly: help requests and information questions per location and month
write("""SELECT location, strftime(created_at::DATE, '%Y-%m') AS month,
                count(*) FILTER (WHERE kind = 'hulpvraag') AS help_requests,
                count(*) FILTER (WHERE kind = 'informatievraag') AS info_requests, count(*) AS total
         FROM requests WHERE kind IN ('hulpvraag', 'informatievraag') GROUP BY ALL ORDER BY ALL""", "peer_monthly.csv")
lap("monthly")

print(json.dumps(timings))
