/* main.c — the micro:bit's life: start the hardware, then forever run
 * main.py (a script appended to the .hex, else the filesystem's) and the
 * REPL, with a fresh heap after every soft reboot. */
#include "hal.h"
#include "pith.h"
#include "arena.h"
#include "nrf51.h"
#include "board.h"

/* Below the core's stack limit, room for the deepest interrupt (the timer's
 * scan plus pith_board_tick) to land on top of the deepest core frame. */
#define STACK_RESERVE 256

/* Its own section so pith.ld can place and report it. */
static uint8_t arena[PITH_ARENA_SIZE] __attribute__((section(".arena"), aligned(8)));

extern uint32_t _sstack[], _estack[];

/* The appended script, as v1 runs it instead of the filesystem's main.py. */
static void run_main_py(void) {
    size_t len = SCRIPT[2] | (size_t)SCRIPT[3] << 8;
    if (!board_script_present() || len > SCRIPT_MAX) {
        pith_run_main(NULL, 0, 1);
        return;
    }
#ifdef PITH_SEMIHOST_EXIT
    pith_test_hooks((const char *)SCRIPT + 4, len); /* `# buttons:` lines of golden tests */
#endif
    pith_run_main((const char *)SCRIPT + 4, len, 1);
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
