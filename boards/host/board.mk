# Host board: a POSIX command-line pith, plus checking builds for tests.
# All are 32-bit builds (-m32, Debian's gcc-multilib): objects have the
# boards' sizes, so a program runs out of heap at the same allocation here,
# in the browser and on the micro:bit. The checking builds are
# host-asan (Address + UndefinedBehavior sanitizers) and host-stress (the
# same, collecting before every allocation, poisoning freed blocks and
# counting only 4 recent allocations as roots, so an object the collector
# cannot see shows up at once).
HOST_SRC := $(CORE_SRC) $(wildcard boards/host/*.c)
HOST_DEPS := $(HOST_SRC) $(CORE_HDR) $(wildcard boards/host/*.h) boards/host/board.mk
HOST_CFLAGS := $(WARN) -m32 -g -Icore -Iboards -DPITH_PLATFORM='"linux"'
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

.PHONY: host host-asan host-stress host-strict test-fuzz test-host-repl test-math-accuracy test-fs-crash
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
	$(CC) $(HOST_CFLAGS) -O1 $(SANITIZE) -DPITH_GC_STRESS -DPITH_GC_POISON -DPITH_GC_YOUNG=4 -o $@ $(HOST_SRC) -lm

# host-strict: host-stress with no young allocations kept as roots, so any
# object held by C across an allocation without being rooted is freed and
# poisoned at once (the rooting rule in core/README.md).
$(BUILD)/host-strict/pith: $(HOST_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -O1 $(SANITIZE) -DPITH_GC_STRESS -DPITH_GC_POISON -DPITH_GC_STRICT -o $@ $(HOST_SRC) -lm

# Mutated golden programs must never crash the sanitized builds (host-stress
# also finds objects the collector cannot see).
test-fuzz: $(BUILD)/host-asan/pith $(BUILD)/host-stress/pith
	tests/fuzz/mutate.py --runs 400 $(BUILD)/host-asan/pith
	tests/fuzz/mutate.py --runs 150 --seed 2 $(BUILD)/host-stress/pith

# The REPL on a real terminal: prompts, continuation, Ctrl-C, Ctrl-D.
test-host-repl: $(BUILD)/host/pith
	python3 tests/host/repl.py $(BUILD)/host/pith

# core/float_math.c against CPython's doubles: within one ulp everywhere.
test-math-accuracy:
	python3 tests/host/math_accuracy.py

# Power failures in the middle of filesystem writes (--flash-cut): every
# file survives whole, old or new; and regions of foreign bytes mount
# without a crash (tests/host/fs_crash.py).
test-fs-crash: $(BUILD)/host/pith $(BUILD)/host-asan/pith
	python3 tests/host/fs_crash.py $(BUILD)/host/pith
	ASAN_OPTIONS=detect_leaks=0 python3 tests/host/fs_crash.py --foreign $(BUILD)/host-asan/pith

GOLDEN_BOARDS += host host-asan host-stress
GOLDEN_DEPS += $(BUILD)/host/pith $(BUILD)/host-asan/pith $(BUILD)/host-stress/pith
TEST_STEPS += test-fuzz test-host-repl test-math-accuracy test-fs-crash
