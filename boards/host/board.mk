# Host board: a POSIX command-line pith, plus checking builds for tests.
# All are 32-bit builds (-m32, Debian's gcc-multilib): objects have the
# boards' sizes (-malign-double gives int64 fields the 8-byte alignment ARM
# and wasm give them) and floats are plain IEEE single precision (SSE, not
# the x87's wider registers), so a program allocates the same bytes and runs
# out of heap at the same allocation here, in the browser and on the
# micro:bit. The checking builds check the core's invariants (PITH_CHECKS,
# core/check.h) under the sanitizers: host-asan; host-stress, collecting
# before every allocation and counting only 4 recent allocations as roots;
# host-strict, the same with no recent allocations kept as roots (the
# rooting rule in core/README.md), so an object the collector cannot see
# is freed and poisoned at once.
HOST_SRC := $(CORE_SRC) $(wildcard boards/host/*.c)
HOST_DEPS := $(HOST_SRC) $(CORE_HDR) $(wildcard boards/host/*.h) boards/host/board.mk
HOST_CFLAGS := $(WARN) -m32 -malign-double -msse2 -mfpmath=sse -g -Icore -Iboards -DPITH_PLATFORM='"linux"'
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -DPITH_CHECKS

.PHONY: host host-asan host-stress host-strict test-fuzz test-host-repl test-math-accuracy test-fs-crash \
        test-checks test-oom test-heap-parity test-libfuzzer test-diff fuzz fuzz-strict
host: $(BUILD)/host/pith
host-asan: $(BUILD)/host-asan/pith
host-stress: $(BUILD)/host-stress/pith
host-strict: $(BUILD)/host-strict/pith

$(BUILD)/host/pith: $(HOST_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -O2 -o $@ $(HOST_SRC) -lm

$(BUILD)/host-asan/pith: $(HOST_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -O1 $(SANITIZE) -o $@ $(HOST_SRC) -lm

$(BUILD)/host-stress/pith: $(HOST_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -O1 $(SANITIZE) -DPITH_GC_STRESS -DPITH_GC_YOUNG=4 -o $@ $(HOST_SRC) -lm

$(BUILD)/host-strict/pith: $(HOST_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -O1 $(SANITIZE) -DPITH_GC_STRESS -DPITH_GC_STRICT -o $@ $(HOST_SRC) -lm

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

# core/float_math.c against CPython's doubles: within one ulp everywhere.
test-math-accuracy:
	python3 tests/host/math_accuracy.py

# Power failures in the middle of filesystem writes (--flash-cut): every
# file survives whole, old or new; and regions of foreign bytes mount
# without a crash (tests/host/fs_crash.py).
test-fs-crash: $(BUILD)/host/pith $(BUILD)/host-asan/pith
	python3 tests/host/fs_crash.py $(BUILD)/host/pith
	ASAN_OPTIONS=detect_leaks=0 python3 tests/host/fs_crash.py --foreign $(BUILD)/host-asan/pith

# The checks catch a deliberately unrooted object (core/check.h).
test-checks: $(BUILD)/host-asan/pith $(BUILD)/host-stress/pith $(BUILD)/host-strict/pith
	python3 tests/host/checks.py $^

# Coverage-guided fuzzing (tests/fuzz/): libFuzzer feeds source to compile
# and run under ASan, UBSan and the core's checks. `make fuzz` runs it for
# FUZZ_SECONDS, then as long the differential fuzzer (host-asan against
# Node); `make test` runs 60 s of libFuzzer and 30 s of differential.
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

# Generated programs must print the same bytes on the host and on Node.
test-diff: $(BUILD)/host-asan/pith $(BUILD)/wasm/pith.js
	python3 tests/fuzz/diff.py --seconds 30 $(BUILD)/host-asan/pith

fuzz: $(BUILD)/fuzz/pith-fuzz $(BUILD)/host-asan/pith $(BUILD)/wasm/pith.js
	python3 tests/fuzz/libfuzz.py --seconds $(FUZZ_SECONDS) $<
	python3 tests/fuzz/diff.py --seconds $(FUZZ_SECONDS) $(BUILD)/host-asan/pith

fuzz-strict: $(BUILD)/fuzz-strict/pith-fuzz
	python3 tests/fuzz/libfuzz.py --seconds $(FUZZ_SECONDS) --work $(BUILD)/fuzz-strict $<

# Out of memory at every allocation of every golden program (tests/oom/):
# all points on host-asan, a sample on host-strict (which also collects
# before each allocation); then the host, QEMU and Node must run out of
# heap at the same allocation.
test-oom: $(BUILD)/host-asan/pith $(BUILD)/host-strict/pith
	python3 tests/oom/sweep.py $(BUILD)/host-asan/pith
	python3 tests/oom/sweep.py --max-points 150 $(BUILD)/host-strict/pith

test-heap-parity: $(BUILD)/host/pith $(BUILD)/host-asan/pith $(BUILD)/microbit-test/pith.hex $(BUILD)/wasm/pith.js
	python3 tests/oom/parity.py

GOLDEN_BOARDS += host host-asan host-stress host-strict
GOLDEN_DEPS += $(BUILD)/host/pith $(BUILD)/host-asan/pith $(BUILD)/host-stress/pith $(BUILD)/host-strict/pith
TEST_STEPS += test-fuzz test-host-repl test-math-accuracy test-fs-crash test-checks test-oom test-heap-parity test-libfuzzer test-diff
