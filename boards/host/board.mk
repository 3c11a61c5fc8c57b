# Host board: a POSIX command-line pith, plus two checking builds for tests:
# host-asan (Address + UndefinedBehavior sanitizers) and host-stress (the
# same, collecting before every allocation, poisoning freed blocks and
# counting only 4 recent allocations as roots, so an object the collector
# cannot see shows up at once).
HOST_SRC := $(CORE_SRC) $(wildcard boards/host/*.c)
HOST_DEPS := $(HOST_SRC) $(CORE_HDR) $(wildcard boards/host/*.h) boards/host/board.mk
HOST_CFLAGS := $(WARN) -g -Icore -Iboards -DPITH_PLATFORM='"linux"'
# The test builds check invariants (core/check.h) and poison freed blocks.
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -DPITH_CHECKS

.PHONY: host host-asan host-stress host-strict host32 host32-strict test-fuzz test-host-repl test-checks \
        test-oom test-heap-parity test-libfuzzer test-diff fuzz fuzz-strict
host: $(BUILD)/host/pith
host-asan: $(BUILD)/host-asan/pith
host-stress: $(BUILD)/host-stress/pith
host-strict: $(BUILD)/host-strict/pith
host32: $(BUILD)/host32/pith
host32-strict: $(BUILD)/host32-strict/pith

$(BUILD)/host/pith: $(HOST_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -O2 -o $@ $(HOST_SRC) -lm

$(BUILD)/host-asan/pith: $(HOST_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -O1 $(SANITIZE) -o $@ $(HOST_SRC) -lm

$(BUILD)/host-stress/pith: $(HOST_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -O1 $(SANITIZE) -DPITH_GC_STRESS -DPITH_GC_YOUNG=4 -o $@ $(HOST_SRC) -lm

# host-strict: host-stress with no young allocations kept as roots, so any
# object held by C across an allocation without being rooted is freed and
# poisoned at once (the rooting rule in core/README.md).
$(BUILD)/host-strict/pith: $(HOST_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -O1 $(SANITIZE) -DPITH_GC_STRESS -DPITH_GC_STRICT -o $@ $(HOST_SRC) -lm

# host32: the same checking build for 32-bit x86. Its objects have the
# boards' sizes (4-byte pointers, and -malign-double gives int64 fields the
# 8-byte alignment ARM and wasm give them) and its floats are plain IEEE
# single precision (SSE, not the x87's wider registers), so it allocates
# exactly the bytes the micro:bit and the browser allocate and runs out of
# heap at the same allocation. host32-strict is host-strict on it.
HOST32 := -m32 -malign-double -msse2 -mfpmath=sse

$(BUILD)/host32/pith: $(HOST_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HOST32) $(HOST_CFLAGS) -O1 $(SANITIZE) -o $@ $(HOST_SRC) -lm

$(BUILD)/host32-strict/pith: $(HOST_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HOST32) $(HOST_CFLAGS) -O1 $(SANITIZE) -DPITH_GC_STRESS -DPITH_GC_STRICT -o $@ $(HOST_SRC) -lm

# Mutated golden programs must never crash the sanitized builds (host-stress
# also finds objects the collector cannot see).
test-fuzz: $(BUILD)/host-asan/pith $(BUILD)/host-stress/pith
	tests/fuzz/mutate.py --runs 400 $(BUILD)/host-asan/pith
	tests/fuzz/mutate.py --runs 150 --seed 2 $(BUILD)/host-stress/pith

# The REPL on a real terminal: prompts, continuation, Ctrl-C, Ctrl-D; and
# Ctrl-C stops long operations (loops in C, sorts, sleeps).
test-host-repl: $(BUILD)/host/pith
	python3 tests/host/repl.py $(BUILD)/host/pith
	python3 tests/host/interrupt.py $(BUILD)/host/pith

# The checks catch a deliberately unrooted object (core/check.h).
test-checks: $(BUILD)/host-asan/pith $(BUILD)/host-strict/pith $(BUILD)/host32/pith $(BUILD)/host32-strict/pith
	python3 tests/host/checks.py $^

# Coverage-guided fuzzing (tests/fuzz/): libFuzzer feeds source to compile
# and run under ASan, UBSan and the core's checks. `make fuzz` runs it for
# FUZZ_SECONDS, then as long the differential fuzzer (host32 against Node);
# `make test` runs 60 s of libFuzzer.
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -DPITH_CHECKS
$(BUILD)/fuzz/pith-fuzz: $(CORE_SRC) $(CORE_HDR) tests/fuzz/fuzz_exec.c boards/host/board.mk
	@mkdir -p $(@D)
	clang $(WARN) $(FUZZ_FLAGS) -Icore -Iboards -DPITH_PLATFORM='"linux"' -o $@ $(CORE_SRC) tests/fuzz/fuzz_exec.c -lm

# The same target on host-strict's collector (a collection before every
# allocation, no recent allocations kept as roots): slower, and it finds
# objects C code holds unrooted. `make fuzz-strict`, until the VM's rooting
# work lands; then it joins `make fuzz`.
$(BUILD)/fuzz-strict/pith-fuzz: $(CORE_SRC) $(CORE_HDR) tests/fuzz/fuzz_exec.c boards/host/board.mk
	@mkdir -p $(@D)
	clang $(WARN) $(FUZZ_FLAGS) -DPITH_GC_STRESS -DPITH_GC_STRICT -Icore -Iboards -DPITH_PLATFORM='"linux"' \
	    -o $@ $(CORE_SRC) tests/fuzz/fuzz_exec.c -lm

test-libfuzzer: $(BUILD)/fuzz/pith-fuzz
	python3 tests/fuzz/libfuzz.py --seconds 60 $<

# Generated programs must print the same bytes on host32 and on Node.
test-diff: $(BUILD)/host32/pith $(BUILD)/wasm/pith.js
	python3 tests/fuzz/diff.py --seconds 30 $(BUILD)/host32/pith

fuzz: $(BUILD)/fuzz/pith-fuzz $(BUILD)/host32/pith $(BUILD)/wasm/pith.js
	python3 tests/fuzz/libfuzz.py --seconds $(FUZZ_SECONDS) $<
	python3 tests/fuzz/diff.py --seconds $(FUZZ_SECONDS) $(BUILD)/host32/pith

fuzz-strict: $(BUILD)/fuzz-strict/pith-fuzz
	python3 tests/fuzz/libfuzz.py --seconds $(FUZZ_SECONDS) --work $(BUILD)/fuzz-strict $<

# Out of memory at every allocation of every golden program (tests/oom/):
# all points on host32, a sample on host32-strict (which also collects
# before each allocation); then host32, QEMU and Node must run out of heap
# at the same allocation.
test-oom: $(BUILD)/host32/pith $(BUILD)/host32-strict/pith
	python3 tests/oom/sweep.py $(BUILD)/host32/pith
	python3 tests/oom/sweep.py --max-points 150 $(BUILD)/host32-strict/pith

test-heap-parity: $(BUILD)/host32/pith $(BUILD)/microbit-test/pith.hex $(BUILD)/wasm/pith.js
	python3 tests/oom/parity.py

GOLDEN_BOARDS += host host-asan host-stress host-strict host32 host32-strict
GOLDEN_DEPS += $(BUILD)/host/pith $(BUILD)/host-asan/pith $(BUILD)/host-stress/pith \
               $(BUILD)/host-strict/pith $(BUILD)/host32/pith $(BUILD)/host32-strict/pith
TEST_STEPS += test-fuzz test-host-repl test-checks test-oom test-heap-parity test-libfuzzer test-diff
