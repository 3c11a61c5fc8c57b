/* main.c — the host board: pith as a POSIX command-line program.
 *
 *   pith FILE.py        run a file (tracebacks name FILE as given)
 *   pith -c 'code'      run a string
 *   pith                the REPL (Ctrl-C interrupts, Ctrl-D exits)
 *   --heap BYTES        arena size, at most 16384 (default: the micro:bit's)
 *   --seed N            seed urandom, so runs repeat exactly
 *   --flash IMAGE       keep the filesystem in IMAGE (created, erased, when
 *                       missing); without it the filesystem is fresh and
 *                       in memory for this run
 *
 *   --test-hooks        honour `# buttons: A:100-300` in FILE (simulated presses)
 *   --virtual-time      time passes only in sleeps (at once) and by 1 us
 *                       each time it is read, so a run that sleeps takes
 *                       no real time and repeats exactly
 *   --flash-cut N       the power fails before the Nth flash word write or
 *                       page erase (from 0): the run ends with status 86
 *                       and the image keeps what was written (tests/host/fs_crash.py)
 *   --flash-wear        at exit, print to stderr how often each page was erased
 *
 * The checking builds (PITH_CHECKS: host-asan, host-stress, host-strict)
 * check the heap when the program ends (core/check.h), and add:
 *   --fail-alloc N      the Nth allocation of the program fails as if the
 *                       heap were full
 *   --fail-alloc A-B[:S] run the program once for each N from A to B (every
 *                       Sth), each time with a fresh heap (as after a soft reboot),
 *                       ending each run's output with a line "\036 N STATUS"
 *                       (tests/oom/sweep.py: no process start per run)
 *   --count-allocs      print `pith: N allocations` on stderr at the end
 *   --test-unrooted     break the rooting rule on purpose: hold a fresh
 *                       object unrooted across a collection, then read it
 *                       (the checks must stop the program)
 *
 * The host has no buttons or temperature sensor, and microbit.reset() ends
 * the program with a message.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "hal.h"
#include "pith.h"
#ifdef PITH_CHECKS
#include "obj.h"
#endif

/* The flash region of the filesystem: 128 KiB, about what the micro:bit has. */
#define FLASH_PAGES 128

static volatile sig_atomic_t interrupt_enabled, interrupted, pending_ctrl_c;
static int virtual_time;
static uint64_t virtual_us;
static uint8_t *flash;
static size_t flash_pages;
static int flash_fd = -1;
static long flash_cut = -1;
static unsigned *erases; /* per page, with --flash-wear */

#define CUT_STATUS 86

static void flash_step(void) {
    if (flash_cut >= 0 && flash_cut-- == 0) _exit(CUT_STATUS);
}
static struct termios saved_tty;
static int tty_raw;

void hal_stdout_raw(const char *buf, size_t len) {
    while (len) {
        ssize_t k = write(1, buf, len);
        if (k < 0) {
            if (errno == EINTR) continue;
            return;
        }
        buf += k;
        len -= (size_t)k;
    }
}

/* On the REPL's terminal "\n" goes out as "\r\n", as on the micro:bit's
 * serial line, and the REPL's own "\r\n" unchanged (the terminal's own
 * conversion is off, or it would double those): a tool on a pty sees the
 * device's bytes. Pipes get the bytes as printed. */
void hal_stdout(const char *buf, size_t len) {
    static char last;
    if (!tty_raw) {
        hal_stdout_raw(buf, len);
        return;
    }
    size_t from = 0;
    for (size_t i = 0; i < len; i++) {
        if (buf[i] == '\n' && (i ? buf[i - 1] : last) != '\r') {
            hal_stdout_raw(buf + from, i - from);
            hal_stdout_raw("\r", 1);
            from = i;
        }
    }
    hal_stdout_raw(buf + from, len - from);
    if (len) last = buf[len - 1];
}

int hal_getchar(void) {
    for (;;) {
        if (pending_ctrl_c) {
            pending_ctrl_c = 0;
            return 3;
        }
        unsigned char c;
        ssize_t k = read(0, &c, 1);
        if (k == 1) return c;
        if (k < 0 && errno == EINTR) continue;
        return -1;
    }
}

int hal_getchar_timeout(uint32_t ms) {
    struct pollfd p = {0, POLLIN, 0};
    if (!pending_ctrl_c && poll(&p, 1, (int)ms) == 0) return HAL_TIMEOUT;
    return hal_getchar();
}

/* On the REPL's terminal Ctrl-C is a signal only while code runs; while
 * the REPL reads it is a byte in line with the others, as on the device's
 * UART, so a tool's "\x03" cancels exactly what it sent before it. */
void hal_set_interrupt_char(int c) {
    interrupt_enabled = c >= 0;
    struct termios t;
    if (tty_raw && tcgetattr(0, &t) == 0) {
        t.c_lflag = interrupt_enabled ? t.c_lflag | ISIG : t.c_lflag & (tcflag_t)~ISIG;
        tcsetattr(0, TCSANOW, &t);
    }
}

int hal_interrupted(void) {
    if (!interrupted) return 0;
    interrupted = 0;
    return 1;
}

uint32_t hal_ticks_ms(void) {
    if (virtual_time) return (uint32_t)(++virtual_us / 1000u);
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint32_t)((uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u);
}

uint32_t hal_ticks_us(void) {
    if (virtual_time) return (uint32_t)++virtual_us;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint32_t)((uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u);
}

void hal_sleep_ms(uint32_t ms) {
    if (virtual_time) {
        virtual_us += (uint64_t)ms * 1000u;
        return;
    }
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL); /* SIGINT cuts it short */
}

uint32_t hal_entropy(void) {
    uint32_t v = 0;
    int fd = open("/dev/urandom", O_RDONLY);
    if (fd >= 0) {
        if (read(fd, &v, sizeof v) != sizeof v) v = 0;
        close(fd);
    }
    return v ^ hal_ticks_ms();
}

void hal_display_show(const uint8_t bright[25]) { (void)bright; }

int hal_button_down(int which) { (void)which; return 0; }

/* The host's stack is big: deep recursion stops at the core's guard. */
int hal_stack_call(void *top, void (*fn)(void *), void *ctx) {
    (void)top;
    (void)fn;
    (void)ctx;
    return 0;
}

void hal_reset(void) {
    fprintf(stderr, "pith: reset\n");
    exit(0);
}

int hal_temperature(int *celsius) {
    (void)celsius;
    return 0;
}

/* ---- flash: in memory, written through to the image file if there is one ---- */

const uint8_t *hal_flash_region(size_t *pages) {
    *pages = flash_pages;
    return flash;
}

static void flash_sync(const uint8_t *at, size_t n) {
    if (flash_fd >= 0 && pwrite(flash_fd, at, n, at - flash) != (ssize_t)n) {
        fprintf(stderr, "pith: cannot write the flash image: %s\n", strerror(errno));
        exit(70);
    }
}

void hal_flash_erase(const uint8_t *page) {
    flash_step();
    if (erases) erases[(page - flash) / HAL_FLASH_PAGE]++;
    memset(flash + (page - flash), 0xFF, HAL_FLASH_PAGE);
    flash_sync(page, HAL_FLASH_PAGE);
}

/* A word at a time, so --flash-cut can stop between any two. */
void hal_flash_write(const uint8_t *dst, const void *src, size_t len) {
    uint8_t *d = flash + (dst - flash);
    for (size_t i = 0; i < len; i += 4) {
        flash_step();
        for (size_t k = i; k < i + 4; k++) d[k] &= ((const uint8_t *)src)[k];
        flash_sync(dst + i, 4);
    }
}

/* The image's pages (an existing image keeps its size), erased when new. */
static int flash_open(const char *path) {
    flash_pages = FLASH_PAGES;
    if (path) {
        flash_fd = open(path, O_RDWR | O_CREAT, 0644);
        off_t size = flash_fd >= 0 ? lseek(flash_fd, 0, SEEK_END) : -1;
        if (size < 0) return -1;
        if (size > 0 && size % HAL_FLASH_PAGE == 0) flash_pages = (size_t)size / HAL_FLASH_PAGE;
    }
    size_t bytes = flash_pages * HAL_FLASH_PAGE;
    flash = malloc(bytes);
    if (!flash) return -1;
    memset(flash, 0xFF, bytes);
    if (flash_fd >= 0 && pread(flash_fd, flash, bytes, 0) != (ssize_t)bytes) flash_sync(flash, bytes);
    return 0;
}

static void print_wear(void) {
    fprintf(stderr, "erases per page:");
    for (size_t p = 0; p < flash_pages; p++) fprintf(stderr, " %u", erases[p]);
    fprintf(stderr, "\n");
}

static void on_sigint(int sig) {
    (void)sig;
    if (interrupt_enabled)
        interrupted = 1;
    else
        pending_ctrl_c = 1;
}

static void restore_tty(void) {
    if (tty_raw) tcsetattr(0, TCSANOW, &saved_tty);
}

/* Raw keys for the REPL's own line editing; Ctrl-C still becomes SIGINT.
 * Output newlines are hal_stdout's, as on the device's serial line. */
static void raw_tty(void) {
    if (!isatty(0) || tcgetattr(0, &saved_tty) != 0) return;
    struct termios t = saved_tty;
    t.c_lflag &= (tcflag_t) ~(ICANON | ECHO | IEXTEN);
    t.c_lflag |= NOFLSH; /* a Ctrl-C keeps what was typed after it, as a UART does */
    t.c_iflag &= (tcflag_t) ~(ICRNL | IXON);
    t.c_oflag &= (tcflag_t) ~ONLCR;
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    tcsetattr(0, TCSANOW, &t);
    tty_raw = 1;
    atexit(restore_tty);
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

static int usage(void) {
    fprintf(stderr, "usage: pith [--heap BYTES] [--seed N] [--flash IMAGE [--flash-cut N]] [--test-hooks] [--virtual-time]"
                    " [FILE.py | -c CODE]\n");
    return 2;
}

#ifdef PITH_CHECKS
/* The mistake the rooting rule forbids: the list is held only in a C local
 * while a collection runs (as one may in any allocation), then used. */
static void test_unrooted(void) {
    pjmp j;
    if (TRY(j)) {
        pv held = list_new(0);
        gc_young_n = 0; /* the VM forgets recent allocations at each instruction */
        gc_collect();
        fprintf(stderr, "pith: reading an unrooted list\n");
        (void)rt_len(held);
        TRY_END(j);
    }
    fprintf(stderr, "pith: the unrooted list was read without an assertion\n");
}

/* After the run: no roots left pushed, and a heap that is still sound
 * after one more collection. */
static void check_heap(int count_allocs) {
    PITH_ASSERT(gc_root_depth() == 0);
    gc_collect();
    gc_check();
    if (count_allocs) fprintf(stderr, "pith: %lu allocations\n", gc_allocs);
}
#endif

int main(int argc, char **argv) {
    size_t heap = PITH_ARENA_SIZE;
    const char *file = NULL, *code = NULL, *image = NULL;
    long seed = -1;
    int test_hooks = 0;
#ifdef PITH_CHECKS
    unsigned long fail_from = 0, fail_to = 0, fail_step = 1;
    int count_allocs = 0, unrooted = 0, sweep = 0;
#endif
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--heap") && i + 1 < argc) {
            char *end;
            long v = strtol(argv[++i], &end, 10);
            if (*end || v < 1024 || v > 16384) {
                fprintf(stderr, "pith: --heap takes 1024..16384 bytes\n");
                return 2;
            }
            heap = (size_t)v;
        } else if (!strcmp(argv[i], "--seed") && i + 1 < argc) {
            seed = strtol(argv[++i], NULL, 10);
        } else if (!strcmp(argv[i], "--flash") && i + 1 < argc) {
            image = argv[++i];
        } else if (!strcmp(argv[i], "--flash-cut") && i + 1 < argc) {
            flash_cut = strtol(argv[++i], NULL, 10);
        } else if (!strcmp(argv[i], "--flash-wear")) {
            erases = (unsigned *)1; /* allocated with the flash */
        } else if (!strcmp(argv[i], "--test-hooks")) {
            test_hooks = 1;
        } else if (!strcmp(argv[i], "--virtual-time")) {
            virtual_time = 1;
#ifdef PITH_CHECKS
        } else if (!strcmp(argv[i], "--fail-alloc") && i + 1 < argc) {
            char *end;
            fail_from = fail_to = strtoul(argv[++i], &end, 10);
            if (*end == '-') {
                fail_to = strtoul(end + 1, &end, 10);
                if (*end == ':') fail_step = strtoul(end + 1, NULL, 10);
                if (fail_step == 0) fail_step = 1;
                sweep = 1;
            }
        } else if (!strcmp(argv[i], "--count-allocs")) {
            count_allocs = 1;
        } else if (!strcmp(argv[i], "--test-unrooted")) {
            unrooted = 1;
#endif
        } else if (!strcmp(argv[i], "-c") && i + 1 < argc) {
            code = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return usage();
        } else {
            file = argv[i];
            break;
        }
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, NULL);

    if (flash_open(image) != 0) {
        fprintf(stderr, "pith: cannot open the flash image '%s'\n", image);
        return 2;
    }
    if (erases) {
        erases = calloc(flash_pages, sizeof *erases);
        atexit(print_wear);
    }
    void *arena = malloc(heap);
    if (!arena) return 1;
    char stack_mark;
    pith_stack_init(&stack_mark, 256 * 1024);
    pith_init(arena, heap);
    if (seed >= 0) pith_seed((uint32_t)seed);
#ifdef PITH_CHECKS
    if (unrooted) {
        test_unrooted();
        return 1;
    }
#endif

    int r;
    if (file || code) {
        size_t len;
        char *src = code ? strdup(code) : read_file(file, &len);
        if (!src) {
            fprintf(stderr, "pith: can't open file '%s'\n", file);
            return 2;
        }
        if (code) len = strlen(code);
#ifdef PITH_CHECKS
        for (unsigned long k = fail_from;; k += fail_step) {
            if (k != fail_from) {
                /* as a fresh process: an empty in-memory filesystem too */
                if (flash_fd < 0) memset(flash, 0xFF, flash_pages * HAL_FLASH_PAGE);
                pith_init(arena, heap);
                if (seed >= 0) pith_seed((uint32_t)seed);
            }
#endif
            if (test_hooks) pith_test_hooks(src, len);
#ifdef PITH_CHECKS
            gc_allocs = 0; /* count the program's allocations, not the interpreter's start */
            gc_fail_at = k;
#endif
            r = pith_exec(src, len, code ? "<stdin>" : file, PITH_MODE_FILE);
            if (r == PITH_EXC) pith_print_exception();
#ifdef PITH_CHECKS
            gc_fail_at = 0;
            check_heap(count_allocs);
            if (sweep) {
                char mark[40];
                hal_stdout(mark, (size_t)snprintf(mark, sizeof mark, "\036 %lu %d\n", k, r));
            }
            if (k + fail_step > fail_to) break;
        }
#endif
        free(src);
        free(arena);
        return r == PITH_OK ? 0 : r == PITH_SYSEXIT ? pith_exit_code() : 1;
    }
    raw_tty();
    /* Ctrl-D at >>> leaves, as in a terminal; in the raw REPL it is the
     * soft reboot tools (mpremote, Thonny) ask for, as on the device. */
    for (;;) {
        if (!pith_repl_raw()) pith_run_main(NULL, 0, 0);
        r = pith_repl(1);
        if (r != PITH_SOFT_REBOOT || !pith_repl_raw()) break;
        hal_stdout("soft reboot\r\n", 13);
        pith_init(arena, heap);
        if (seed >= 0) pith_seed((uint32_t)seed);
    }
    free(arena);
    return 0;
}
