/* board.c — the web board: the HAL on top of a few JS primitives
 * (boards/web/hal.js), and the entry points the JS side calls.
 *
 * The same .wasm serves two hosts. In the browser it runs in a Web Worker
 * whose "hardware" (LEDs, buttons, input ring, interrupt flag) is a
 * SharedArrayBuffer shared with the page (web/hw.js); under Node the
 * hardware is stdin/stdout (boards/web/node.js). Waiting is done by the JS
 * side with Atomics.wait, in slices, so the display keeps ticking. */
#include <emscripten.h>
#include <string.h>

#include "arena.h"
#include "fs.h"
#include "hal.h"
#include "pith.h"

/* The JS primitives (boards/web/hal.js forwards each to Module.board). */
extern void js_stdout(const char *buf, size_t len);
extern int js_getchar(int timeout_ms);
extern void js_set_interrupt_char(int c);
extern int js_interrupted(void);
extern int js_interrupt_pending(void);
extern uint32_t js_ticks_ms(void);
extern uint32_t js_ticks_us(void);
extern void js_wait(int timeout_ms);
extern uint32_t js_entropy(void);
extern void js_display(const uint8_t *bright);
extern int js_button(int which);
extern void js_reset(void);
extern int js_temperature(void);
extern void js_heap(int used, int free_bytes);
extern void js_flash(const uint8_t *at, size_t len, size_t offset);

/* js_getchar's answer when nothing arrived within the timeout. */
#define JS_TIMEOUT (-2)
/* Longest wait between two display ticks. */
#define TICK_MS 10
/* The C stack is -sSTACK_SIZE in board.mk; leave room for the JS glue. */
#define STACK_BYTES (56 * 1024)
/* The request area: a file as big as the flash, after its names (web/hw.js). */
#define SCRIPT_MAX (FLASH_PAGES * HAL_FLASH_PAGE + 256)

/* The filesystem's flash: 128 KiB, about what the micro:bit has. The
 * browser keeps the master copy in the page's shared memory (and saves it
 * in IndexedDB): the worker copies it in before the first mount, and every
 * write goes back out through js_flash. */
#define FLASH_PAGES 128

static uint8_t arena[PITH_ARENA_SIZE] __attribute__((aligned(16)));
static uint8_t flash[FLASH_PAGES * HAL_FLASH_PAGE] __attribute__((aligned(16)));
static int flash_ready;
static char script[SCRIPT_MAX];
static int booted;
static uint32_t last_tick;

/* A poll point: advance animations, publish the heap gauge. */
static void tick(void) {
    uint32_t now = js_ticks_ms();
    last_tick = now;
    pith_board_tick(now);
    if (booted) {
        size_t used, free_bytes;
        pith_heap_info(&used, &free_bytes);
        js_heap((int)used, (int)free_bytes);
    }
}

void hal_stdout(const char *buf, size_t len) { js_stdout(buf, len); }

int hal_getchar(void) {
    for (;;) {
        int c = js_getchar(TICK_MS);
        if (c != JS_TIMEOUT)
            return c;
        tick();
    }
}

int hal_getchar_timeout(uint32_t ms) {
    uint32_t start = js_ticks_ms();
    for (;;) {
        uint32_t spent = js_ticks_ms() - start;
        if (spent >= ms)
            return HAL_TIMEOUT;
        int c = js_getchar(ms - spent < TICK_MS ? (int)(ms - spent) : TICK_MS);
        if (c != JS_TIMEOUT)
            return c;
        tick();
    }
}

void hal_set_interrupt_char(int c) { js_set_interrupt_char(c); }

int hal_interrupted(void) {
    /* The VM calls this often: tick at most every TICK_MS, and look at the
     * clock only every 256 calls. */
    static unsigned calls;
    if ((++calls & 255) == 0 && js_ticks_ms() - last_tick >= TICK_MS)
        tick();
    return js_interrupted();
}

uint32_t hal_ticks_ms(void) { return js_ticks_ms(); }

uint32_t hal_ticks_us(void) { return js_ticks_us(); }

void hal_sleep_ms(uint32_t ms) {
    uint32_t start = js_ticks_ms();
    for (;;) {
        uint32_t spent = js_ticks_ms() - start;
        if (spent >= ms || js_interrupt_pending())
            return;
        uint32_t left = ms - spent;
        js_wait(left < TICK_MS ? (int)left : TICK_MS);
        tick();
    }
}

uint32_t hal_entropy(void) { return js_entropy(); }

void hal_display_show(const uint8_t bright[25]) { js_display(bright); }

int hal_button_down(int which) { return js_button(which); }

void hal_reset(void) { js_reset(); }

/* WebAssembly's stack cannot be moved; its guard raises instead. */
int hal_stack_call(void *top, void (*fn)(void *), void *ctx) {
    (void)top;
    (void)fn;
    (void)ctx;
    return 0;
}

int hal_temperature(int *celsius) {
    *celsius = js_temperature();
    return 1;
}

/* Erased until the worker copies the saved image in (web_flash_buf). */
static void flash_init(void) {
    if (!flash_ready) {
        memset(flash, 0xFF, sizeof flash);
        flash_ready = 1;
    }
}

const uint8_t *hal_flash_region(size_t *pages) {
    flash_init();
    *pages = FLASH_PAGES;
    return flash;
}

void hal_flash_erase(const uint8_t *page) {
    memset(flash + (page - flash), 0xFF, HAL_FLASH_PAGE);
    js_flash(page, HAL_FLASH_PAGE, (size_t)(page - flash));
}

void hal_flash_write(const uint8_t *dst, const void *src, size_t len) {
    uint8_t *d = flash + (dst - flash);
    for (size_t i = 0; i < len; i++)
        d[i] &= ((const uint8_t *)src)[i];
    js_flash(dst, len, (size_t)(dst - flash));
}

/* ---- entry points for the JS side ---- */

static void guard_stack(void) {
    char here;
    pith_stack_init(&here, STACK_BYTES);
}

/* Where JS puts main.py before web_run (or a request's names and file
 * before web_run_file and web_fs_*), and how much fits. */
EMSCRIPTEN_KEEPALIVE char *web_script_buf(void) { return script; }
EMSCRIPTEN_KEEPALIVE int web_script_max(void) { return SCRIPT_MAX; }

/* Start (or soft-reset) the interpreter with a clean heap. */
EMSCRIPTEN_KEEPALIVE void web_reset(void) {
    guard_stack();
    pith_init(arena, sizeof arena);
    booted = 1;
    tick();
}

/* Run the len bytes in web_script_buf() as main.py on a clean heap and
 * print its traceback, if any; returns pith_exec's result. seed >= 0
 * seeds urandom so that runs repeat (the tests use 1, as on every board). */
EMSCRIPTEN_KEEPALIVE int web_run(int len, int seed) {
    web_reset();
    if (seed >= 0) {
        /* a test run: repeatable urandom, simulated buttons (`# buttons:`) */
        pith_seed((uint32_t)seed);
        pith_test_hooks(script, (size_t)len);
    }
    hal_set_interrupt_char(3);
    int r = pith_exec(script, (size_t)len, "main.py", PITH_MODE_FILE);
    hal_set_interrupt_char(-1);
    if (r == PITH_EXC)
        pith_print_exception();
    tick();
    return r;
}

/* The REPL until Ctrl-D (PITH_SOFT_REBOOT) or end of input (PITH_EOF). */
EMSCRIPTEN_KEEPALIVE int web_repl(int soft_reboot) {
    guard_stack();
    return pith_repl(soft_reboot);
}

/* The flash image, for the worker to copy the saved one in before it boots. */
EMSCRIPTEN_KEEPALIVE uint8_t *web_flash_buf(void) {
    flash_init();
    return flash;
}
EMSCRIPTEN_KEEPALIVE int web_flash_size(void) { return (int)sizeof flash; }

/* The page's Run: save its editor's file (name_len 0: none) and run main.py
 * from the filesystem on a clean heap, as the device does after a reset.
 * Returns pith_exec's result. */
EMSCRIPTEN_KEEPALIVE int web_run_file(const char *name, int name_len, const char *src, int len, int seed) {
    web_reset();
    if (name_len && fs_put(name, (size_t)name_len, src, (size_t)len) != FS_OK) {
        static const char full[] = "the file does not fit: the filesystem is full\n";
        hal_stdout(full, sizeof full - 1);
        return PITH_EXC;
    }
    if (seed >= 0) {
        pith_seed((uint32_t)seed);
        pith_test_hooks(src, (size_t)len);
    }
    int r = pith_run_main(NULL, 0, 0);
    tick();
    return r;
}

/* The page's Files panel, called by the worker between two steps of the
 * VM (never during a filesystem call): errno values, 0 when done. */
EMSCRIPTEN_KEEPALIVE int web_fs_put(const char *name, int name_len, const char *data, int len) {
    return fs_put(name, (size_t)name_len, data, (size_t)len);
}
EMSCRIPTEN_KEEPALIVE int web_fs_remove(const char *name, int name_len) { return fs_remove(name, (size_t)name_len); }
EMSCRIPTEN_KEEPALIVE int web_fs_rename(const char *from, int from_len, const char *to, int to_len) {
    return fs_rename(from, (size_t)from_len, to, (size_t)to_len);
}
EMSCRIPTEN_KEEPALIVE void web_fs_format(void) { fs_format(); }

/* SystemExit's code, for the Node runner's exit status. */
EMSCRIPTEN_KEEPALIVE int web_exit_code(void) { return pith_exit_code(); }
