# cakupan — the two commands a newcomer needs:
#   make demo   builds everything and runs the Bengkulu demo (November 2024 Monev)
#   make test   builds everything and runs every test
# Both install missing Debian packages first (scripts/install-deps.sh).

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
JOBS ?= $(shell nproc)
DEMO_DB ?= demo/cakupan.db

.PHONY: all deps build test demo bench clean

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD_DIR)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

build: deps $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS) --timeout 600

demo: build
	@mkdir -p $(dir $(DEMO_DB))
	$(BUILD_DIR)/cakupan --db $(DEMO_DB) demo --force

bench: build
	bash bench/run.sh

clean:
	rm -rf $(BUILD_DIR)
