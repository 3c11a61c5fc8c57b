/* hal.h — the only door between the core and a board.
 *
 * A board (boards/host, boards/web, boards/microbit) implements every
 * function here; the core calls nothing else outside itself (no stdio, no
 * malloc). Keep this list short: each entry is a promise on three boards. */
#ifndef PITH_HAL_H
#define PITH_HAL_H

#include <stddef.h>
#include <stdint.h>

/* Terminal output: the bytes a program prints, exactly (the core emits "\n";
 * a board that needs "\r\n" on the wire converts). */
void hal_stdout(const char *buf, size_t len);

/* The same without any newline conversion: paste mode's echo, which tools
 * (Thonny) compare byte for byte with what they sent. A board whose
 * hal_stdout converts provides it; repl.c has a fallback for the others. */
void hal_stdout_raw(const char *buf, size_t len);

/* Blocking read of one byte from the terminal; -1 at end of input (host
 * stdin closed). Bytes typed while code runs are queued, never lost. */
int hal_getchar(void);

/* hal_getchar that gives up after `ms` milliseconds without a byte and
 * returns -2 (a raw-paste sender that went quiet). */
#define HAL_TIMEOUT (-2)
int hal_getchar_timeout(uint32_t ms);

/* While code runs, the core sets the interrupt character (3 = Ctrl-C);
 * -1 turns it off so the REPL can read Ctrl-C as a key. When that byte
 * arrives the board latches a flag instead of queueing the byte. */
void hal_set_interrupt_char(int c);

/* Nonzero once per latched interrupt (the call clears the flag). Called
 * often by the VM, so it must be cheap. */
int hal_interrupted(void);

/* Milliseconds since boot, wrapping at 2**32. */
uint32_t hal_ticks_ms(void);

/* Microseconds since boot, wrapping at 2**32: a real microsecond count
 * (time.ticks_us), not milliseconds times 1000. */
uint32_t hal_ticks_us(void);

/* Sleep up to ms milliseconds without burning the CPU; return early when an
 * interrupt is latched (the core checks hal_interrupted afterwards). */
void hal_sleep_ms(uint32_t ms);

/* 32 bits of entropy for seeding urandom when the program does not seed it. */
uint32_t hal_entropy(void);

/* LED matrix: 25 brightness values 0..9, row-major (x + 5*y). The board
 * shows them until the next call. */
void hal_display_show(const uint8_t bright[25]);

/* Button level: which 0 = A, 1 = B; nonzero while held down. */
int hal_button_down(int which);

/* Call fn(ctx) with the C stack pointer at `top` (8-byte aligned; the
 * stack grows down into the heap block below it) and return 1 once fn has
 * returned; return 0 at once, without calling fn, on a board that does not
 * switch stacks (its stack is big: the core's guard raises instead). */
int hal_stack_call(void *top, void (*fn)(void *), void *ctx);

/* Restart the board (microbit.reset()); a board that cannot restart may end
 * the program instead. Does not return on the device. */
void hal_reset(void);

/* The board's temperature in degrees Celsius into *celsius: nonzero when it
 * has one, 0 when unavailable (microbit.temperature() then reports 20).
 * Must not wait forever for a sensor that never answers. */
int hal_temperature(int *celsius);

/* ---- flash: the filesystem's region (core/fs.c) ----
 * Erase pages of HAL_FLASH_PAGE bytes that read like memory: erased bytes
 * read 0xFF and a write can only clear bits, as on the nRF51's flash. The
 * page size is the nRF51's on every board, so a filesystem image moves
 * between the device, the browser and the host unchanged. */
#define HAL_FLASH_PAGE 1024

/* The region: its first byte, and its length in pages in *pages (0: no
 * filesystem). It must not move while the core runs. */
const uint8_t *hal_flash_region(size_t *pages);

/* Erase the page that starts at `page` (inside the region). */
void hal_flash_erase(const uint8_t *page);

/* Program len bytes (a multiple of 4) from src (any alignment) at dst (a
 * multiple of 4 inside the region): each bit becomes old AND new. A board
 * may skip words of 0xFFFFFFFF, so they stay programmable. */
void hal_flash_write(const uint8_t *dst, const void *src, size_t len);

#endif
