/* fuzz_exec.c — the libFuzzer target, and the board it runs on: each input
 * is compiled and run as main.py in a fresh 13,312-byte heap, under ASan,
 * UBSan and the core's checks (PITH_CHECKS). Built by `make fuzz`
 * (boards/host/board.mk); tests/fuzz/libfuzz.py runs it.
 *
 * A step budget keeps every input short: the VM polls for Ctrl-C every 64
 * calls or backward jumps, and this board reports an interrupt once the
 * polls pass POLL_BUDGET, so the program gets a KeyboardInterrupt. A
 * program that catches it and loops on is abandoned at POLL_LIMIT with a
 * longjmp out of the core (the next input starts from pith_init). A loop in
 * C that never polls shows up as a libFuzzer timeout: Ctrl-C could not stop
 * it either. Time is virtual: sleeps return at once. */
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "hal.h"
#include "obj.h"
#include "pith.h"

#ifdef PITH_GC_STRESS /* a collection per allocation: a tenth of the steps */
enum { POLL_BUDGET = 200, POLL_LIMIT = 400 };
#else
enum { POLL_BUDGET = 2000, POLL_LIMIT = 4000 };
#endif

static uint8_t arena[PITH_ARENA_SIZE] __attribute__((aligned(16)));
static unsigned polls;
static uint32_t now_ms;
static jmp_buf abandon;
static volatile char sink;

void hal_stdout(const char *buf, size_t len) {
    /* discarded, but every byte is read, as a terminal would */
    for (size_t i = 0; i < len; i++) sink ^= buf[i];
}

int hal_getchar(void) { return -1; }

int hal_getchar_timeout(uint32_t ms) {
    (void)ms;
    return -1;
}

void hal_set_interrupt_char(int c) { (void)c; }

int hal_interrupted(void) {
    if (++polls > POLL_LIMIT) longjmp(abandon, 1);
    return polls > POLL_BUDGET;
}

uint32_t hal_ticks_ms(void) { return now_ms++; }

uint32_t hal_ticks_us(void) { return now_ms++ * 1000u; }

void hal_sleep_ms(uint32_t ms) { now_ms += ms; }

uint32_t hal_entropy(void) { return 12345; }

void hal_display_show(const uint8_t bright[25]) { (void)bright; }

int hal_button_down(int which) { return which == 0 && (now_ms & 256); }

/* A process's stack is big: deep recursion stops at the core's guard. */
int hal_stack_call(void *top, void (*fn)(void *), void *ctx) {
    (void)top, (void)fn, (void)ctx;
    return 0;
}

void hal_reset(void) { longjmp(abandon, 1); }

int hal_temperature(int *celsius) {
    *celsius = 21;
    return 1;
}

/* A small filesystem region, erased before each input: files a program
 * writes are there for its own reads, never for the next input's. */
static uint8_t flash[16 * HAL_FLASH_PAGE] __attribute__((aligned(4)));

const uint8_t *hal_flash_region(size_t *pages) {
    *pages = sizeof flash / HAL_FLASH_PAGE;
    return flash;
}

void hal_flash_erase(const uint8_t *page) { memset(flash + (page - flash), 0xFF, HAL_FLASH_PAGE); }

void hal_flash_write(const uint8_t *dst, const void *src, size_t len) {
    for (size_t i = 0; i < len; i++) flash[dst - flash + i] &= ((const uint8_t *)src)[i];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char stack_mark;
    pith_stack_init(&stack_mark, 256 * 1024);
    polls = 0;
    now_ms = 0;
    memset(flash, 0xFF, sizeof flash);
    pith_init(arena, sizeof arena);
    pith_seed(1);
    if (setjmp(abandon) == 0) {
        if (pith_exec((const char *)data, size, "main.py", PITH_MODE_FILE) == PITH_EXC)
            pith_print_exception();
        /* a run that ended normally leaves no roots pushed and a sound heap */
        PITH_ASSERT(gc_root_depth() == 0);
        gc_collect();
        gc_check();
    }
    return 0;
}
