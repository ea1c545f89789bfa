import GRDB

/// The store's schema, as numbered migrations. Never edit a shipped migration: add one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-areas") { db in
            try db.execute(sql: """
                CREATE TABLE ingest_runs (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,              -- 'areas', 'requests', 'helpers'
                    started_at TEXT NOT NULL,
                    finished_at TEXT NOT NULL
                );
                CREATE TABLE ingest_files (
                    run_id INTEGER NOT NULL REFERENCES ingest_runs(id) ON DELETE CASCADE,
                    file TEXT NOT NULL,
                    role TEXT NOT NULL,              -- 'boundaries', 'statistics', …
                    rows_read INTEGER NOT NULL,
                    rows_accepted INTEGER NOT NULL,
                    rows_rejected INTEGER NOT NULL,
                    CHECK (rows_read = rows_accepted + rows_rejected)
                );
                CREATE TABLE rejects (
                    run_id INTEGER NOT NULL REFERENCES ingest_runs(id) ON DELETE CASCADE,
                    file TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    field TEXT NOT NULL,
                    value TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    row_rejected INTEGER NOT NULL    -- 1: row left out; 0: value set missing
                );
                CREATE INDEX rejects_run ON rejects(run_id);

                CREATE TABLE area_sets (
                    level TEXT NOT NULL CHECK (level IN ('pc4', 'pc6')),
                    year INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    source_crs TEXT NOT NULL,
                    run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
                    PRIMARY KEY (level, year)
                );
                CREATE TABLE areas (
                    level TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    municipality TEXT,
                    area_m2 REAL,                    -- NULL when the source has no usable shape
                    point_x REAL,                    -- point on surface, EPSG:28992
                    point_y REAL,
                    geometry BLOB,                   -- ISO WKB, EPSG:28992; NULL: no usable shape
                    PRIMARY KEY (level, year, code),
                    FOREIGN KEY (level, year) REFERENCES area_sets(level, year) ON DELETE CASCADE
                );
                CREATE TABLE indicators (
                    level TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    name TEXT NOT NULL,              -- the column name as the source spells it
                    source TEXT NOT NULL,
                    numbers INTEGER NOT NULL,        -- cells holding a number
                    special INTEGER NOT NULL,        -- cells holding a CBS code (secret/missing)
                    empty INTEGER NOT NULL,          -- areas with no value at all
                    PRIMARY KEY (level, year, name),
                    FOREIGN KEY (level, year) REFERENCES area_sets(level, year) ON DELETE CASCADE
                );
                CREATE TABLE area_values (
                    level TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    indicator TEXT NOT NULL,
                    value REAL,                      -- NULL when special_code is set
                    special_code INTEGER,            -- CBS code (e.g. -99997), never a number
                    CHECK ((value IS NULL) <> (special_code IS NULL)),
                    PRIMARY KEY (level, year, code, indicator),
                    FOREIGN KEY (level, year, code) REFERENCES areas(level, year, code) ON DELETE CASCADE
                ) WITHOUT ROWID;
                """)
        }
        m.registerMigration("v2-match-history") { db in
            try db.execute(sql: """
                CREATE TABLE requests (
                    request_id TEXT PRIMARY KEY,
                    created_at TEXT NOT NULL,        -- YYYY-MM-DD
                    kind TEXT NOT NULL,              -- hulpvraag | informatievraag
                    category TEXT,                   -- praktisch | sociaal | vervoer
                    subcategory TEXT,
                    requester_postcode TEXT,         -- canonical PC6 or PC4
                    requester_type TEXT,
                    location TEXT NOT NULL,
                    status TEXT NOT NULL,
                    closed_at TEXT,
                    helper_id TEXT,
                    helper_postcode TEXT,
                    organisation TEXT,
                    run_id INTEGER NOT NULL REFERENCES ingest_runs(id)
                );
                CREATE INDEX requests_location ON requests(location, created_at);
                CREATE TABLE helpers (
                    helper_id TEXT PRIMARY KEY,
                    postcode TEXT,
                    categories TEXT NOT NULL,        -- ';'-separated, sorted
                    location TEXT NOT NULL,
                    active_from TEXT NOT NULL,
                    active_until TEXT,
                    run_id INTEGER NOT NULL REFERENCES ingest_runs(id)
                );
                """)
        }
        m.registerMigration("v3-risk-indices") { db in
            try db.execute(sql: """
                CREATE TABLE area_indices (
                    level TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    index_name TEXT NOT NULL,        -- debt | loneliness
                    score REAL,                      -- weighted mean of component percentiles
                    percentile REAL,                 -- 0–100, higher = more risk
                    decile INTEGER,
                    not_ranked_reason TEXT,          -- NULL when ranked
                    missing_components TEXT NOT NULL, -- ';'-separated, scored on the rest
                    PRIMARY KEY (level, year, code, index_name),
                    FOREIGN KEY (level, year, code) REFERENCES areas(level, year, code) ON DELETE CASCADE
                ) WITHOUT ROWID;
                CREATE TABLE area_index_components (
                    level TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    index_name TEXT NOT NULL,
                    component TEXT NOT NULL,
                    value REAL NOT NULL,             -- shrunk rate or level
                    percentile REAL NOT NULL,
                    PRIMARY KEY (level, year, code, index_name, component),
                    FOREIGN KEY (level, year, code) REFERENCES areas(level, year, code) ON DELETE CASCADE
                ) WITHOUT ROWID;
                """)
        }
        m.registerMigration("v4-index-stability-clusters-reach") { db in
            try db.execute(sql: """
                ALTER TABLE area_indices ADD COLUMN percentile_p5 REAL;      -- over 200 weight perturbations
                ALTER TABLE area_indices ADD COLUMN percentile_p95 REAL;
                ALTER TABLE area_indices ADD COLUMN top_decile_share REAL;
                ALTER TABLE area_indices ADD COLUMN cluster TEXT;            -- LISA: HH, LL, HL, LH, ns, island
                ALTER TABLE area_indices ADD COLUMN cluster_p REAL;
                ALTER TABLE area_indices ADD COLUMN under_reached INTEGER;   -- top quintile, reach below median
                CREATE TABLE index_measures (
                    level TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    index_name TEXT NOT NULL,
                    measure TEXT NOT NULL,           -- e.g. morans_i, spearman_without_<component>
                    value REAL,
                    PRIMARY KEY (level, year, index_name, measure)
                );
                CREATE TABLE area_reach (
                    level TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    requests INTEGER NOT NULL,       -- help requests from the area (all stored history)
                    per_1000_households REAL,
                    PRIMARY KEY (level, year, code),
                    FOREIGN KEY (level, year, code) REFERENCES areas(level, year, code) ON DELETE CASCADE
                ) WITHOUT ROWID;
                """)
        }
        m.registerMigration("v5-flyer-targets") { db in
            try db.execute(sql: """
                CREATE TABLE target_plans (
                    level TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    goal TEXT NOT NULL,              -- debt | loneliness | combined
                    budget INTEGER NOT NULL,         -- flyers
                    catchment TEXT NOT NULL,         -- how the catchment was given, for the report
                    volunteer_distance_m REAL NOT NULL,
                    category TEXT,                   -- volunteers of this category only; NULL = any
                    prefer_under_reached INTEGER NOT NULL,
                    contiguity_bonus REAL,
                    eligible INTEGER NOT NULL,
                    expected REAL NOT NULL,          -- expected at-risk households in the targets
                    expected_low REAL NOT NULL,
                    expected_high REAL NOT NULL,
                    naive_expected REAL NOT NULL,    -- highest risk first, for comparison
                    naive_flyers INTEGER NOT NULL,
                    nothing_chosen_because TEXT,
                    PRIMARY KEY (level, year)
                );
                CREATE TABLE flyer_targets (
                    level TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    rank INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    flyers INTEGER NOT NULL,
                    cumulative_flyers INTEGER NOT NULL,
                    expected REAL NOT NULL,
                    expected_low REAL NOT NULL,
                    expected_high REAL NOT NULL,
                    value REAL NOT NULL,
                    nearest_volunteer_m REAL NOT NULL,
                    adjacent_to TEXT,
                    why TEXT NOT NULL,
                    PRIMARY KEY (level, year, rank),
                    FOREIGN KEY (level, year) REFERENCES target_plans(level, year) ON DELETE CASCADE
                );
                CREATE TABLE target_exclusions (
                    level TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    reason TEXT NOT NULL,            -- outside_catchment | not_ranked | no_households | no_volunteer_nearby
                    high_risk_expected REAL,         -- set for high-risk areas without a volunteer nearby
                    PRIMARY KEY (level, year, code),
                    FOREIGN KEY (level, year) REFERENCES target_plans(level, year) ON DELETE CASCADE
                );
                """)
        }
        m.registerMigration("v6-pseudonymous-ids") { db in
            // Request and volunteer ids are kept only as keyed hashes (Pseudonymiser); the key
            // is made on first use. Ids stored before this version are replaced by the next
            // ingest of the same file, which matches on the hash.
            try db.execute(sql: """
                CREATE TABLE store_key (id INTEGER PRIMARY KEY CHECK (id = 1), key BLOB NOT NULL);
                DELETE FROM requests;
                DELETE FROM helpers;
                """)
        }
        m.registerMigration("v7-wijk-buurt-levels") { db in
            // The CBS wijk- en buurtkaart adds two area levels. SQLite cannot change a CHECK in
            // place: the table is rebuilt (GRDB runs migrations with foreign keys deferred).
            try db.execute(sql: """
                CREATE TABLE area_sets_v7 (
                    level TEXT NOT NULL CHECK (level IN ('pc4', 'pc6', 'wijk', 'buurt')),
                    year INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    source_crs TEXT NOT NULL,
                    run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
                    PRIMARY KEY (level, year)
                );
                INSERT INTO area_sets_v7 SELECT level, year, source, source_crs, run_id FROM area_sets;
                DROP TABLE area_sets;
                ALTER TABLE area_sets_v7 RENAME TO area_sets;
                """)
        }
        m.registerMigration("v8-typed-plan-reasons") { db in
            // The catchment and the nothing-chosen reason as typed values (JSON), so that a report
            // can say them in its own language; the English text columns stay for people.
            try db.execute(sql: """
                ALTER TABLE target_plans ADD COLUMN catchment_json TEXT;
                ALTER TABLE target_plans ADD COLUMN nothing_chosen_json TEXT;
                """)
        }
        m.registerMigration("v9-study-columns") { db in
            // The optional study columns (issue #16): the requester's gender and age band (a birth
            // year is turned into a band at ingest and never stored), the kind of organisation a
            // request was referred to, and the volunteer's church.
            try db.execute(sql: """
                ALTER TABLE requests ADD COLUMN requester_gender TEXT;
                ALTER TABLE requests ADD COLUMN requester_age_band TEXT;
                ALTER TABLE requests ADD COLUMN referral_kind TEXT;
                ALTER TABLE helpers ADD COLUMN church TEXT;
                """)
        }
        m.registerMigration("v10-campaigns") { db in
            // Delivered flyer campaigns (issue #18) and the requester's pseudonym, which tells a
            // first request from a repeat.
            try db.execute(sql: """
                ALTER TABLE requests ADD COLUMN requester_id TEXT;
                CREATE TABLE campaigns (
                    name TEXT PRIMARY KEY,
                    delivered TEXT NOT NULL,         -- YYYY-MM-DD
                    level TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    goal TEXT,                       -- debt | loneliness | combined
                    source TEXT NOT NULL             -- "plan" or the CSV's file name
                );
                CREATE TABLE campaign_areas (
                    campaign TEXT NOT NULL REFERENCES campaigns(name) ON DELETE CASCADE,
                    code TEXT NOT NULL,
                    flyers INTEGER NOT NULL CHECK (flyers >= 0),
                    PRIMARY KEY (campaign, code)
                );
                """)
        }
        m.registerMigration("v11-input-fingerprints") { db in
            // What an ingest read (issue #19): the content hash of the file with everything
            // that changes how it is read, so that an unchanged input is not read again.
            try db.execute(sql: """
                CREATE TABLE ingest_fingerprints (
                    run_id INTEGER PRIMARY KEY REFERENCES ingest_runs(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    fingerprint TEXT NOT NULL,
                    blank_lines INTEGER NOT NULL,
                    windows1252_fields INTEGER NOT NULL,
                    delimiter TEXT NOT NULL,
                    summary_json TEXT                -- what else the summary said (area ingests)
                );
                """)
        }
        m.registerMigration("v12-analysis-cache") { db in
            // The protected match-history tables of a store state and configuration (issue #19),
            // so that a later command does not compute them again. `store_generation` counts
            // every change an analysis reads: an ingest run, an area set, the campaigns (the
            // index percentiles campaign matching reads go into the key by content, so that a
            // re-computed, identical index does not void it). A cache entry is for one
            // generation; an older one is never served.
            try db.execute(sql: """
                CREATE TABLE store_generation (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
                INSERT INTO store_generation VALUES (1, 0);
                CREATE TABLE analysis_cache (
                    key TEXT PRIMARY KEY,
                    generation INTEGER NOT NULL,
                    created_at TEXT NOT NULL,
                    payload BLOB NOT NULL
                );
                """)
            for table in ["ingest_runs", "area_sets", "campaigns", "campaign_areas"] {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try db.execute(sql: """
                        CREATE TRIGGER generation_\(table)_\(event.lowercased()) AFTER \(event) ON \(table)
                        BEGIN UPDATE store_generation SET n = n + 1; END;
                        """)
                }
            }
        }
        m.registerMigration("v13-no-location-index", foreignKeyChecks: .immediate) { db in
            // Every command reads the history whole (in ingest order): the index on location and
            // date served no query, and cost every ingested request a B-tree seek (issue #19).
            // Foreign keys stay on: no table is rebuilt, so no full check of 15 million area
            // values (7 s on a national store) is needed after it.
            try db.execute(sql: "DROP INDEX IF EXISTS requests_location")
        }
        m.registerMigration("v14-one-row-per-area", foreignKeyChecks: .immediate) { db in
            // An area's statistics move into its own row (issue #19): `areas.numbers` and
            // `areas.codes` hold them as JSON arrays by the positions in `area_columns`
            // (`AreaCells`). `area_values`, one row per cell (15.5 million for the PC6 areas of
            // the country), becomes a view of the same rows for SQL users.
            try db.execute(sql: """
                CREATE TABLE area_columns (
                    level TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    position INTEGER NOT NULL,       -- index into areas.numbers and areas.codes
                    name TEXT NOT NULL,              -- the column name as the source spells it
                    PRIMARY KEY (level, year, position),
                    UNIQUE (level, year, name),
                    FOREIGN KEY (level, year) REFERENCES area_sets(level, year) ON DELETE CASCADE
                ) WITHOUT ROWID;
                ALTER TABLE areas ADD COLUMN numbers TEXT CHECK (numbers IS NULL OR json_valid(numbers));
                ALTER TABLE areas ADD COLUMN codes TEXT CHECK (codes IS NULL OR json_valid(codes));
                """)
            try AreaCells.moveCells(db)
            try db.execute(sql: """
                DROP TABLE area_values;
                CREATE VIEW area_values (level, year, code, indicator, value, special_code) AS
                    SELECT a.level, a.year, a.code, c.name, n.value, NULL
                    FROM areas AS a, json_each(a.numbers) AS n
                    JOIN area_columns AS c ON c.level = a.level AND c.year = a.year AND c.position = n.key
                    WHERE n.type <> 'null'
                    UNION ALL
                    SELECT a.level, a.year, a.code, c.name, NULL, s.value
                    FROM areas AS a, json_each(a.codes) AS s
                    JOIN area_columns AS c ON c.level = a.level AND c.year = a.year AND c.position = s.key
                    WHERE s.type <> 'null';
                """)
        }
        return m
    }
}
