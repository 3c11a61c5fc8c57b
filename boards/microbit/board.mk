# micro:bit v1 board (nRF51822, Cortex-M0, 256 KiB flash, 16 KiB RAM).
# `make microbit` builds the flashable build/microbit/pith.hex; the test
# build (build/microbit-test/) adds a semihosting exit so QEMU stops once
# main.py is done, and is never shipped.
MB_CC      := arm-none-eabi-gcc
MB_SRC     := $(CORE_SRC) $(filter-out boards/microbit/semihost.c,$(wildcard boards/microbit/*.c))
MB_DEPS    := $(MB_SRC) boards/microbit/semihost.c $(CORE_HDR) $(wildcard boards/microbit/*.h) \
              boards/microbit/pith.ld boards/microbit/board.mk
MB_CFLAGS  := $(WARN) -mcpu=cortex-m0 -mthumb -Os -g -ffunction-sections -fdata-sections -fno-tree-switch-conversion -DPITH_SMALL_JMP \
              -Icore -Iboards -DPITH_BOARD_NAME='"BBC micro:bit v1 with nRF51822"' -DPITH_PLATFORM='"microbit"'
MB_LDFLAGS := -nostartfiles --specs=nano.specs -T boards/microbit/pith.ld \
              -Wl,--gc-sections -Wl,--print-memory-usage

.PHONY: microbit microbit-test test-device
microbit: $(BUILD)/microbit/pith.hex
microbit-test: $(BUILD)/microbit-test/pith.hex

$(BUILD)/microbit/pith.elf: MB_TEST :=
$(BUILD)/microbit-test/pith.elf: MB_TEST := -DPITH_SEMIHOST_EXIT boards/microbit/semihost.c
$(BUILD)/microbit/pith.elf $(BUILD)/microbit-test/pith.elf: $(MB_DEPS)
	@mkdir -p $(@D)
	$(MB_CC) $(MB_CFLAGS) -o $@ $(MB_SRC) $(MB_TEST) $(MB_LDFLAGS) -Wl,-Map=$(@D)/pith.map
	arm-none-eabi-size $@
	@# the shipped firmware must stay within 192 KiB of flash (goal: 160 KiB; the test build adds its hooks)
	@arm-none-eabi-size $@ | awk -v test='$(MB_TEST)' 'NR == 2 { n = $$1 + $$2; \
	    if (n > 196608 && test == "") { printf "flash: text+data %d bytes is over the 192 KiB limit\n", n; exit 1 } \
	    printf "flash: text+data %d bytes (goal 163840, limit 196608)\n", n }'
	@echo "RAM map:"; arm-none-eabi-size -A -d $@ | \
	    awk '$$1 ~ /^\.(data|bss|arena|stack)$$/ { printf "  %-7s 0x%08x %6d bytes\n", $$1, $$3, $$2 }'

$(BUILD)/microbit/pith.hex $(BUILD)/microbit-test/pith.hex: %.hex: %.elf
	arm-none-eabi-objcopy -O ihex $< $@

# REPL protocol and device checks over QEMU's serial port (tests/device/),
# the same tools against the host build's REPL on a pty, and Thonny's own
# MicroPython back end (Debian's thonny, run by Debian's python3) on both.
test-device: $(BUILD)/microbit/pith.hex $(BUILD)/host/pith
	python3 tests/device/run.py $(BUILD)/microbit/pith.hex $(BUILD)/host/pith
	/usr/bin/python3 tests/device/thonny_backend.py $(BUILD)/microbit/pith.hex $(BUILD)/host/pith

GOLDEN_BOARDS += qemu
GOLDEN_DEPS += $(BUILD)/microbit-test/pith.hex
TEST_STEPS += test-device
