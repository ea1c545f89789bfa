# hulpatlas — the two commands: `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
DEMO := Reports/demo

.PHONY: deps build run test bench clean

## deps: install GDAL, SQLite and pkg-config from Debian when they are missing
deps:
	@if ! pkg-config --exists gdal sqlite3 2>/dev/null || ! command -v ogrinfo >/dev/null; then \
		echo "installing libgdal-dev libsqlite3-dev gdal-bin pkg-config …"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
			libgdal-dev libsqlite3-dev gdal-bin pkg-config >/dev/null; \
	fi

## build: release build of the hulpatlas command
build: deps
	$(SWIFT) build -c release --product hulpatlas

## run: the whole pipeline on the sample in Data/, writing Reports/demo/
run: build
	@mkdir -p $(DEMO)
	.build/release/hulpatlas run \
		--areas Data/cbs_pc4_2020_drechtsteden.gpkg \
		--stats Data/pc4_gemeente_drechtsteden.csv \
		--requests Data/sample_requests.csv \
		--helpers Data/sample_helpers.csv \
		--out $(DEMO)

## test: all unit and end-to-end tests
test: deps
	$(SWIFT) test

## bench: timings at national scale (1,000,000 requests; BENCH_REQUESTS=N for another size)
bench: build
	@command -v /usr/bin/time >/dev/null || { $(SUDO) apt-get install -y -qq time >/dev/null; }
	bash Benchmarks/run.sh

clean:
	rm -rf .build $(DEMO)
