/* pith.h — the embedding API: what a board calls to run Python. */
#ifndef PITH_H
#define PITH_H

#include <stddef.h>
#include <stdint.h>

#define PITH_VERSION "0.1.0"

/* Results of pith_exec and pith_repl. */
enum {
    PITH_OK = 0,        /* ran to the end */
    PITH_EXC = 1,       /* an uncaught exception: pith_print_exception() shows it */
    PITH_SYSEXIT = 2,   /* SystemExit (sys.exit) was raised */
    PITH_SOFT_REBOOT = 3, /* REPL: Ctrl-D at an empty prompt on a device board */
    PITH_EOF = 4,       /* REPL: end of input (host stdin closed, Ctrl-D on host) */
};

/* Compile modes for pith_exec. */
enum {
    PITH_MODE_FILE = 0,   /* a module: statements, as main.py */
    PITH_MODE_SINGLE = 1, /* one REPL entry: expression statements print their repr */
    PITH_MODE_EVAL = 2,   /* one expression, whose value the code returns (eval) */
};

/* Start (or restart: a soft reboot) with a fresh heap in the given arena.
 * The arena must stay valid while the core runs; size <= 16384. */
void pith_init(void *arena, size_t size);

/* C-stack guard: `top` is an address near the top of the C stack and
 * `bytes` how much of it the core may use below that. Deep recursion in the
 * compiler, repr or the VM raises RuntimeError instead of overflowing. */
void pith_stack_init(void *top, size_t bytes);

/* Compile and run source (need not be NUL-terminated; may live in flash). */
int pith_exec(const char *src, size_t len, const char *filename, int mode);

/* Run main.py as a board does at power-on and after a soft reboot: the
 * script appended to the firmware when given (MicroPython v1's layout takes
 * precedence, as in v1), else main.py from the filesystem, if there is one.
 * An uncaught error is printed and, when `scroll`, scrolled on the LEDs,
 * except KeyboardInterrupt: Ctrl-C goes straight to the prompt. Returns
 * pith_exec's result (PITH_OK when there is no main.py). */
int pith_run_main(const char *appended, size_t len, int scroll);

/* Print the traceback of the last uncaught exception to hal_stdout. */
void pith_print_exception(void);

/* SystemExit's code after PITH_SYSEXIT (0 when none was given). */
int pith_exit_code(void);

/* The interactive REPL (friendly, paste and raw modes) on hal_getchar /
 * hal_stdout. `soft_reboot` nonzero: Ctrl-D at an empty prompt returns
 * PITH_SOFT_REBOOT (device boards); zero: it returns PITH_EOF (host). */
int pith_repl(int soft_reboot);

/* Nonzero while the REPL is in raw mode (it survives a soft reboot, so a
 * board can skip main.py when a tool like mpremote is driving it). */
int pith_repl_raw(void);

/* Seed urandom (tests fix the seed so random output is the same everywhere). */
void pith_seed(uint32_t seed);

/* Heap figures for gauges and gc.mem_free(): bytes in use and free. */
void pith_heap_info(size_t *used, size_t *free_bytes);

/* Called by a board from its periodic tick (a timer interrupt on the
 * device, the worker's clock in the browser) to advance display animations
 * and count button presses. Safe to call at any time, including before
 * pith_init. */
void pith_board_tick(uint32_t now_ms);

/* After pith_print_exception, a device board calls this to scroll the
 * error's line and type on the LEDs ("line 40 TypeError"), as MicroPython
 * does on the micro:bit. Returns when the scroll ends or Ctrl-C arrives. */
void pith_scroll_exception(void);

/* Test hook, for boards' test modes only: a line `# buttons: A:100-300,B:500-600`
 * among the first five lines of src holds button A down from 100 ms to
 * 300 ms after this call, and B from 500 to 600 ms, on top of the real
 * buttons, so one golden test exercises press counting on every board. */
void pith_test_hooks(const char *src, size_t len);

#endif
