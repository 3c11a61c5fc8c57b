# pith — build and test every board. `make help` lists the targets.
#
# Each board owns a fragment (boards/*/board.mk) that adds its build
# targets and appends its test targets to TEST_STEPS. `make test` runs those
# steps and ends with the golden-program runner over every board, whose last
# line is the `N passed, N failed` summary.

BUILD        := build
CORE_SRC     := $(sort $(wildcard core/*.c))
CORE_HDR     := $(wildcard core/*.h) boards/arena.h
WARN         := -std=c11 -Wall -Wextra -Werror -Wno-unused-parameter
GOLDEN_BOARDS :=
TEST_STEPS   :=

# Debian packages the build and the tests need (make deps installs them).
# Node.js comes with the machine (nodejs and npm are only added when absent).
DEB_PKGS := gcc gcc-multilib make python3 \
            emscripten node-acorn \
            gcc-arm-none-eabi libnewlib-arm-none-eabi binutils-arm-none-eabi \
            qemu-system-arm chromium firmware-microbit-micropython thonny \
            clang libclang-rt-14-dev

.PHONY: all help deps test golden clean bench
all: host

help:
	@echo "make serve     build what is missing and serve the playground on http://localhost:8000"
	@echo "make test      build every board and run every test"
	@echo "make host      build/host/pith (run: build/host/pith FILE.py)"
	@echo "make microbit  build/microbit/pith.hex"
	@echo "make wasm      build/wasm/"
	@echo "make bench     benchmarks beside MicroPython v1"
	@echo "make fuzz      libFuzzer, then differential fuzzing, FUZZ_SECONDS each (default 60)"
	@echo "make deps      install missing Debian packages (as root)"

include $(sort $(wildcard boards/*/board.mk))

# The benchmark programs (tests/bench/) give CPython's results on the host
# build: a quick check in `make test`; `make bench` itself is not a test.
.PHONY: test-bench-programs
test-bench-programs: $(BUILD)/host/pith
	python3 tests/bench/run.py --check
TEST_STEPS += test-bench-programs

# Install what is missing; a non-root user gets the command to run instead.
deps: $(BUILD)/.deps-ok
$(BUILD)/.deps-ok: Makefile
	@missing=""; for p in $(DEB_PKGS); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	command -v node >/dev/null || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	    if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	        echo "deps: installing$$missing"; \
	        apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing || exit 1; \
	    else \
	        echo "deps: missing Debian packages; run:"; \
	        echo "  sudo apt-get install -y$$missing"; exit 1; \
	    fi; \
	fi
	@mkdir -p $(BUILD) && touch $@

test: deps $(TEST_STEPS)
	@$(MAKE) --no-print-directory golden

golden: $(GOLDEN_DEPS)
	tests/run-tests $(GOLDEN_BOARDS)

# A report, not a test (tests/bench/run.py): speed, compile time and memory
# beside MicroPython v1 (both in QEMU), sizes, the host and wasm builds, and
# the playground's time to its first prompt in headless Chromium.
bench: deps $(BUILD)/microbit/pith.hex $(BUILD)/host/pith web
	python3 tests/bench/run.py

clean:
	rm -rf $(BUILD)
