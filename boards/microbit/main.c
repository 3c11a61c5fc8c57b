/* main.c — the micro:bit's life: start the hardware, then forever run the
 * appended main.py from flash and the REPL, with a fresh heap after every
 * soft reboot. */
#include "hal.h"
#include "pith.h"
#include "arena.h"
#include "nrf51.h"
#include "board.h"

/* MicroPython v1's appended-script layout, so its tools' .hex files work:
 * "MP", a little-endian u16 length, then the UTF-8 source, at 0x3E000. */
#define SCRIPT ((const uint8_t *)0x3E000)
#define SCRIPT_MAX (8 * 1024 - 4)

/* Below the core's stack limit, room for the deepest interrupt (the timer's
 * scan plus pith_board_tick) to land on top of the deepest core frame. */
#define STACK_RESERVE 256

/* Provided by core/repl.c; belongs in pith.h. */

/* Its own section so pith.ld can place and report it. */
static uint8_t arena[PITH_ARENA_SIZE] __attribute__((section(".arena"), aligned(8)));

extern uint32_t _sstack[], _estack[];

static void run_main_py(void) {
    if (SCRIPT[0] != 'M' || SCRIPT[1] != 'P') {
        return;
    }
    size_t len = SCRIPT[2] | (size_t)SCRIPT[3] << 8;
    if (len > SCRIPT_MAX) {
        return;
    }
#ifdef PITH_SEMIHOST_EXIT
    pith_test_hooks((const char *)SCRIPT + 4, len); /* `# buttons:` lines of golden tests */
#endif
    if (pith_exec((const char *)SCRIPT + 4, len, "main.py", PITH_MODE_FILE) == PITH_EXC) {
        pith_print_exception();
        pith_scroll_exception();
    }
}

int main(void) {
    /* The crystal makes the baud rate exact; on QEMU the event may never
     * come, so the wait is bounded (the RC oscillator serves meanwhile). */
    CLOCK_TASKS_HFCLKSTART = 1;
    for (int i = 0; i < 100000 && !CLOCK_EVENTS_HFCLKSTARTED; i++) {
    }
    uart_init();
    display_init();
    clock_init();
    pith_stack_init(_estack, (size_t)((char *)_estack - (char *)_sstack) - STACK_RESERVE);
    for (;;) {
        pith_init(arena, sizeof arena);
#ifdef PITH_SEMIHOST_EXIT
        /* Test runs fix the seed, so urandom repeats as on every board. */
        pith_seed(1);
#endif
        /* After a soft reboot from the raw REPL a tool is driving the board:
         * it wants a clean interpreter, not main.py running. */
        if (!pith_repl_raw()) {
            run_main_py();
        }
#ifdef PITH_SEMIHOST_EXIT
        board_in_repl = 1;
#endif
        pith_repl(1);
        hal_stdout("soft reboot\r\n", 13);
    }
}
