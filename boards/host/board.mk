# Host board: a POSIX command-line pith, plus an ASan/UBSan build for tests.
HOST_SRC := $(CORE_SRC) $(wildcard boards/host/*.c)
HOST_CFLAGS := $(WARN) -O2 -g -Icore -Iboards

.PHONY: host host-asan
host: $(BUILD)/host/pith
host-asan: $(BUILD)/host-asan/pith

$(BUILD)/host/pith: $(HOST_SRC) $(CORE_HDR) $(wildcard boards/host/*.h)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -o $@ $(HOST_SRC) -lm

$(BUILD)/host-asan/pith: $(HOST_SRC) $(CORE_HDR) $(wildcard boards/host/*.h)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
	    -fno-omit-frame-pointer -o $@ $(HOST_SRC) -lm

GOLDEN_BOARDS += host host-asan
GOLDEN_DEPS += $(BUILD)/host/pith $(BUILD)/host-asan/pith
