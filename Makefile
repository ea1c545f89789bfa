# hulpatlas — the two commands: `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO := Reports/demo

.PHONY: deps report-deps test-deps build run test bench fuzz stress clean screenshot

## deps: install GDAL, SQLite, GLPK and pkg-config from Debian when they are missing
deps:
	@if ! pkg-config --exists gdal sqlite3 2>/dev/null || ! command -v ogrinfo >/dev/null || [ ! -e /usr/include/glpk.h ]; then \
		echo "installing libgdal-dev libsqlite3-dev gdal-bin pkg-config libglpk-dev …"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
			libgdal-dev libsqlite3-dev gdal-bin pkg-config libglpk-dev >/dev/null; \
	fi

## report-deps: headless Chromium, which prints the reports to PDF (and renders them in the tests)
report-deps:
	@if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null; then \
		echo "installing chromium (headless, for the PDF reports) …"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; \
	fi

## test-deps: Chromium, poppler-utils (pdftotext, pdftoppm, pdfinfo) to check the PDFs, and
## PostgreSQL with PostGIS for the PostGIS export tests (a throwaway server on a Unix socket)
test-deps: report-deps
	@if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then \
		echo "installing poppler-utils (to check the PDF reports) …"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq poppler-utils >/dev/null; \
	fi
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then \
		echo "installing postgresql and postgis (for the PostGIS export tests) …"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql postgis >/dev/null; \
	fi

## build: release build of the hulpatlas command
build: deps
	$(SWIFT) build -c release --product hulpatlas

## run: the whole pipeline on the sample in Data/ (config Data/demo.toml), writing Reports/demo/
run: build report-deps
	@mkdir -p $(DEMO)
	.build/release/hulpatlas run --config Data/demo.toml --out $(DEMO) --db Reports/demo.sqlite
	.build/release/hulpatlas audit $(DEMO) --db Reports/demo.sqlite --intervals \
		--requests Data/sample_requests.csv --helpers Data/sample_helpers.csv
	@echo "open $(DEMO)/index.html"

## test: all unit and end-to-end tests
test: deps test-deps
	$(SWIFT) test

## bench: every stage at national scale (456,661 PC6 areas, 1,000,000 requests) and at 10% and
## 50%, against the floor (ogrinfo, sqlite3 .import) and two peers (geopandas, DuckDB + spatial); writes
## Benchmarks/RESULTS.md. BENCH_REPEAT (default 3), BENCH_SCALES ("0.1 0.5 1"), BENCH_PEER=0.
bench: build test-deps
	@command -v /usr/bin/time >/dev/null && command -v sqlite3 >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq time sqlite3 >/dev/null; }
	@python3 -c "import geopandas, pyogrio, shapely, pandas, duckdb, duckdb_extension_spatial" 2>/dev/null || \
		python3 -m pip install -q geopandas pyogrio shapely pandas duckdb-extension-spatial 2>/dev/null || \
		python3 -m pip install -q --break-system-packages geopandas pyogrio shapely pandas duckdb-extension-spatial
	python3 Benchmarks/bench.py

## fuzz: libFuzzer on the CSV reader and the postcode, date, number and config parsers for
## FUZZ_SECONDS (default 600); findings go to Fuzz/findings/ (make each one a corpus case)
FUZZ_SECONDS ?= 600
fuzz: deps
	$(SWIFT) build --scratch-path .build-fuzz --product hulpatlas-fuzz \
		-Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
	@mkdir -p .build-fuzz/corpus Fuzz/findings
	ASAN_OPTIONS=detect_leaks=0 .build-fuzz/debug/hulpatlas-fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -detect_leaks=0 \
		-artifact_prefix=Fuzz/findings/ -print_final_stats=1 .build-fuzz/corpus Fuzz/seeds

## stress: a requests file of 2 GB (about 20 million rows) ingests in bounded memory
stress: build
	@command -v /usr/bin/time >/dev/null || { $(SUDO) apt-get install -y -qq time >/dev/null; }
	bash Benchmarks/stress.sh

## screenshot: docs/report.png, the README's picture of a report (after make run)
screenshot: test-deps
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,2600 \
		--screenshot=docs/report.png file://$(CURDIR)/$(DEMO)/report-hiphelpt-dordrecht-2023-Q4.html 2>/dev/null

clean:
	rm -rf .build $(DEMO) Reports/demo.sqlite
