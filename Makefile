# cakupan — the two commands a newcomer needs:
#   make demo   builds everything, the Bengkulu demo database (November 2024
#               Monev), and serves the dashboard at http://127.0.0.1:8080/
#   make test   builds everything and runs every test (unit, end-to-end, API,
#               browser)
# Both install what is missing first: Debian packages (scripts/install-deps.sh),
# the dashboard's ECharts and, for the tests, Chromium and playwright-core
# (scripts/install-web-deps.sh, from the committed lockfiles).

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
DEMO_DB ?= demo/cakupan.db
PORT ?= 8080

.PHONY: all deps web-deps test-deps build test demo demo-db bench clean

all: build

deps:
	@bash scripts/install-deps.sh

web-deps:
	@CAKUPAN_WITH_BROWSER=0 bash scripts/install-web-deps.sh

test-deps:
	@CAKUPAN_WITH_BROWSER=1 bash scripts/install-web-deps.sh

$(BUILD_DIR)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: deps $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: build test-deps
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS) --timeout 600

demo-db: build
	@mkdir -p $(dir $(DEMO_DB))
	$(BUILD_DIR)/cakupan --db $(DEMO_DB) demo --force

demo: demo-db web-deps
	$(BUILD_DIR)/cakupan --db $(DEMO_DB) serve --port $(PORT)

bench: build
	bash bench/run.sh

clean:
	rm -rf $(BUILD_DIR)
