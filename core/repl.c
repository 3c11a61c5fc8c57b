/* repl.c — the interactive prompt on hal_getchar/hal_stdout: the friendly
 * REPL (line editing, history, auto-indent), paste mode and the raw REPL with
 * raw-paste. The bytes on the wire match MicroPython's, so mpremote,
 * pyboard.py and Thonny drive pith unchanged.
 *
 * What is being entered (a statement with all its lines, a paste, a raw
 * program) grows in one heap block, so its only limit is the free heap; the
 * block is freed once compiled, before the code runs. A compiler that reads
 * from a callback can take the bytes as they come instead: every byte goes
 * through `add`. Recent lines stay in a small static buffer. */
#include <string.h>
#include "hal.h"
#include "import.h"
#include "pith.h"
#include "vm.h"

#ifndef PITH_BOARD_NAME
#define PITH_BOARD_NAME "host"
#endif

#define CTRL_A 1
#define CTRL_B 2
#define CTRL_C 3
#define CTRL_D 4
#define CTRL_E 5
#define ESC 27

/* Recent lines, oldest first, each NUL-terminated; the oldest give way. */
#define HISTORY_BYTES 160
/* The entry block's first size; it doubles as it fills. */
#define ENTRY_START 64

/* Raw-paste flow control: the host may run two windows ahead of what we
 * have read, so two windows must fit the board's input queue (64 bytes on
 * the micro:bit). */
#define RAW_PASTE_WINDOW 32
/* A raw-paste sender silent this long has gone: back to the prompt. */
#define RAW_PASTE_TIMEOUT_MS 5000

#define BANNER "pith " PITH_VERSION " (MicroPython-compatible); " PITH_BOARD_NAME "\r\n" \
               "Type \"help()\" for more information.\r\n"
#define RAW_BANNER "raw REPL; CTRL-B to exit\r\n"

/* The entry: a heap block rooted in vm_extra_roots[VM_ROOT_REPL], or NULL. */
static char *entry;
static size_t entry_cap;
static char history[HISTORY_BYTES];
static size_t hist_len;
/* Outlives pith_repl: pyboard.py soft-reboots from the raw REPL and expects
 * to come back to it. */
static char raw_mode;

/* A mode's result when the user switched to the other mode. */
#define SWITCH_MODE (-1)

/* The line being edited: entry[start..len), cursor at cur; hist is the
 * history entry shown (-1: the user's own line). */
typedef struct {
    size_t start, len, cur;
    int hist;
} line_t;

static void out(const char *s) {
    hal_stdout(s, strlen(s));
}

static void out_repeat(char c, size_t n) {
    while (n--) {
        hal_stdout(&c, 1);
    }
}

/* The MemoryError a program gets when it asks for more than the heap has. */
static void too_long(size_t want) {
    out("MemoryError: memory allocation failed, allocating ");
    out_int(&rt_stdout, (int64_t)want);
    out(" bytes\r\n");
}

static void set_entry(char *block, size_t cap) {
    entry = block;
    entry_cap = cap;
    vm_extra_roots[VM_ROOT_REPL] = (pv)block;
}

/* The entry lives at the top of the arena, as the compiler's scratch
 * does: the code compiled from it packs at the bottom, and the hole it
 * leaves when freed joins the free space instead of splitting it (a tool
 * sending command after command would otherwise leave the heap in shreds). */
static int grow(size_t cap) {
    pjmp j;
    gc_top = true;
    if (TRY(j)) {
        set_entry(gc_realloc(entry, cap), cap);
        gc_top = false;
        TRY_END(j);
        return 1;
    }
    gc_top = false;
    gc_root_restore(j.roots);
    return 0;
}

/* Whether the entry has room for n bytes, growing its block (in place
 * when the heap allows, which is the usual case: nothing else is
 * allocated while input arrives); when a doubling is too much, the exact
 * size may still fit. */
static int fits(size_t n) {
    size_t cap = entry_cap ? entry_cap : ENTRY_START;
    while (cap < n) {
        cap *= 2;
    }
    return n <= entry_cap || grow(cap) || (cap > n && grow(n));
}

/* Compile and run the entry's first len bytes; its block is freed once
 * compiled, so the program has the heap. */
static int run_entry(size_t len, int mode) {
    char *src = entry;
    if (src && len < entry_cap) {
        src = gc_realloc(src, len ? len : 1); /* the doubling's spare room, back to the compiler */
    }
    set_entry(NULL, 0);
    return pith_exec_owned(src ? src : "", len, "<stdin>", mode, src);
}

static void run(size_t len, int mode) {
    if (run_entry(len, mode) == PITH_EXC) {
        pith_print_exception();
    }
}

/* ---- history ---- */

/* The i-th newest line, or NULL past the oldest. */
static const char *history_at(int i) {
    size_t end = hist_len;
    while (end > 0) {
        size_t at = end - 1;
        while (at > 0 && history[at - 1]) {
            at--;
        }
        if (i-- == 0) {
            return history + at;
        }
        end = at;
    }
    return NULL;
}

/* Remember the line s[0..n). */
static void history_add(const char *s, size_t n) {
    const char *newest = history_at(0);
    if (n == 0 || n + 1 > HISTORY_BYTES ||
        (newest && strlen(newest) == n && memcmp(newest, s, n) == 0)) {
        return;
    }
    while (hist_len + n + 1 > HISTORY_BYTES) {
        size_t oldest = strlen(history) + 1;
        memmove(history, history + oldest, hist_len - oldest);
        hist_len -= oldest;
    }
    memcpy(history + hist_len, s, n);
    history[hist_len + n] = 0;
    hist_len += n + 1;
}

/* ---- line editing: the echo redraws only what changed, with \b moves ---- */

/* Echo from the cursor to the end, blank `erase` stale cells after it, and
 * bring the terminal's cursor back. */
static void redraw_tail(const line_t *l, size_t erase) {
    hal_stdout(entry + l->cur, l->len - l->cur);
    out_repeat(' ', erase);
    out_repeat('\b', l->len - l->cur + erase);
}

static void cursor_to(line_t *l, size_t pos) {
    if (pos < l->cur) {
        out_repeat('\b', l->cur - pos);
    } else {
        hal_stdout(entry + l->cur, pos - l->cur);
    }
    l->cur = pos;
}

static void insert(line_t *l, const char *s, size_t n) {
    if (!fits(l->len + n)) {
        return;
    }
    memmove(entry + l->cur + n, entry + l->cur, l->len - l->cur);
    memcpy(entry + l->cur, s, n);
    l->len += n;
    hal_stdout(entry + l->cur, n);
    l->cur += n;
    redraw_tail(l, 0);
}

static void remove_at_cursor(line_t *l, size_t n) {
    memmove(entry + l->cur, entry + l->cur + n, l->len - l->cur - n);
    l->len -= n;
    redraw_tail(l, n);
}

static void backspace(line_t *l) {
    if (l->cur == l->start) {
        return;
    }
    /* In the indentation, one backspace undoes one level of auto-indent. */
    size_t n = 1, i = l->start;
    while (i < l->cur && entry[i] == ' ') {
        i++;
    }
    if (i == l->cur && l->cur - l->start >= 4) {
        n = 4;
    }
    cursor_to(l, l->cur - n);
    remove_at_cursor(l, n);
}

static void replace_line(line_t *l, const char *s, size_t n) {
    size_t old = l->len - l->start;
    if (!fits(l->start + n)) {
        return;
    }
    cursor_to(l, l->start);
    memcpy(entry + l->start, s, n);
    l->len = l->cur = l->start + n;
    hal_stdout(s, n);
    if (old > n) {
        out_repeat(' ', old - n);
        out_repeat('\b', old - n);
    }
}

static void history_step(line_t *l, int dir) {
    int want = l->hist + dir;
    const char *h = want >= 0 ? history_at(want) : "";
    if (want < -1 || !h) {
        return;
    }
    l->hist = want;
    replace_line(l, h, strlen(h));
}

/* ESC [ or ESC O, then optional numbers (a modifier after ';' is ignored)
 * and a final letter or '~'. */
static void escape_key(line_t *l) {
    int c = hal_getchar();
    if (c != '[' && c != 'O') {
        return;
    }
    int num = 0, params = 1;
    for (c = hal_getchar(); (c >= '0' && c <= '9') || c == ';'; c = hal_getchar()) {
        params &= c != ';';
        num = params ? num * 10 + (c - '0') : num;
    }
    if (c == '~') {
        c = num == 1 || num == 7 ? 'H' : num == 4 || num == 8 ? 'F' : num == 3 ? 'X' : 0;
    }
    switch (c) {
    case 'A': history_step(l, 1); break;
    case 'B': history_step(l, -1); break;
    case 'C': if (l->cur < l->len) cursor_to(l, l->cur + 1); break;
    case 'D': if (l->cur > l->start) cursor_to(l, l->cur - 1); break;
    case 'H': cursor_to(l, l->start); break;
    case 'F': cursor_to(l, l->len); break;
    case 'X': if (l->cur < l->len) remove_at_cursor(l, 1); break;
    }
}

/* Enter comes as "\r" from a terminal, "\n" from a pipe and "\r\n" from
 * some clients: each is one '\r' here. */
static int next_key(void) {
    static char after_cr;
    int c = hal_getchar();
    if (c == '\n' && after_cr) {
        c = hal_getchar();
    }
    after_cr = c == '\r';
    return c == '\n' ? '\r' : c;
}

/* Edit one line. Returns 0 on Enter, -1 at end of input, Ctrl-C, or a
 * control key the caller acts on when typed on an empty line: Ctrl-D, and on
 * the first line (`primary`) also Ctrl-A, Ctrl-B and Ctrl-E. On a non-empty
 * line Ctrl-A/Ctrl-E go to its start/end and Ctrl-D deletes. */
static int read_line(line_t *l, int primary) {
    for (;;) {
        int c = next_key();
        int empty = l->len == l->start;
        switch (c) {
        case -1:
        case CTRL_C:
            return c;
        case '\r':
            out("\r\n");
            return 0;
        case CTRL_A:
        case CTRL_B:
        case CTRL_E:
            if (empty && primary) {
                return c;
            }
            if (c != CTRL_B) {
                cursor_to(l, c == CTRL_A ? l->start : l->len);
            }
            break;
        case CTRL_D:
            if (empty) {
                return c;
            }
            if (l->cur < l->len) {
                remove_at_cursor(l, 1);
            }
            break;
        case '\b':
        case 127:
            backspace(l);
            break;
        case ESC:
            escape_key(l);
            break;
        default:
            if (c >= ' ') {
                char ch = (char)c;
                insert(l, &ch, 1);
            }
        }
    }
}

/* ---- when is a statement complete ---- */

static int name_char(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int starts_block(const char *s, size_t n) {
    static const char *const keywords[] = {
        "if", "while", "for", "try", "with", "def", "class", "async",
    };
    size_t i = 0, end = 0;
    while (i < n && s[i] == ' ') {
        i++;
    }
    if (i < n && s[i] == '@') {
        return 1;
    }
    for (size_t k = 0; k < sizeof keywords / sizeof *keywords; k++) {
        size_t w = strlen(keywords[k]);
        if (i + w <= n && memcmp(s + i, keywords[k], w) == 0 &&
            (i + w == n || !name_char(s[i + w]))) {
            return 1;
        }
    }
    /* Anything else whose first line ends in a colon opens a block too. */
    while (end < n && s[end] != '\n') {
        end++;
    }
    while (end > i && s[end - 1] == ' ') {
        end--;
    }
    return end > i && s[end - 1] == ':';
}

/* Whether the entry needs more lines, judged as MicroPython does: an open
 * bracket or triple-quoted string, a trailing backslash, or a compound
 * statement not yet ended by an empty line. */
static int unfinished(const char *s, size_t n) {
    int depth = 0, triple = 0;
    char quote = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (quote) {
            if (c == '\\') {
                i++;
            } else if (!triple && (c == quote || c == '\n')) {
                quote = 0;
            } else if (triple && c == quote && i + 2 < n && s[i + 1] == c && s[i + 2] == c) {
                quote = 0;
                i += 2;
            }
        } else if (c == '#') {
            while (i + 1 < n && s[i + 1] != '\n') {
                i++;
            }
        } else if (c == '\'' || c == '"') {
            quote = c;
            triple = i + 2 < n && s[i + 1] == c && s[i + 2] == c;
            i += triple ? 2 : 0;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            depth--;
        }
    }
    if ((quote && triple) || depth > 0 || (n > 0 && s[n - 1] == '\\')) {
        return 1;
    }
    if (n > 0 && s[n - 1] == '\n') {
        return 0;
    }
    return starts_block(s, n);
}

static int blank(const char *s, size_t n) {
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) {
        n--;
    }
    return n == 0;
}

/* Indent a new continuation line like the one before it, one level deeper
 * after a colon; none after two blank lines, so a third Enter ends it. */
static void auto_indent(line_t *l) {
    size_t end = l->start - 1, begin = end;
    while (begin > 0 && entry[begin - 1] != '\n') {
        begin--;
    }
    size_t text = begin;
    while (text < end && entry[text] == ' ') {
        text++;
    }
    if (text == end && begin > 0) {
        size_t before = begin - 1;
        while (before > 0 && entry[before - 1] == ' ') {
            before--;
        }
        if (before == 0 || entry[before - 1] == '\n') {
            return;
        }
    }
    int levels = (int)(text - begin) / 4 + (end > begin && entry[end - 1] == ':');
    while (levels-- > 0) {
        insert(l, "    ", 4);
    }
}

/* ---- the modes ---- */

/* An entry arriving byte by byte. Once the heap cannot hold one more byte
 * the rest is still read, and counted, so the error can say how much the
 * program needed. */
typedef struct {
    size_t n;       /* bytes in entry */
    size_t want;    /* nonzero: the entry did not fit; bytes it had */
} input_t;

static void add(input_t *in, char c) {
    if (!in->want && fits(in->n + 1)) {
        entry[in->n++] = c;
    } else {
        in->want = (in->want ? in->want : in->n) + 1;
    }
}

/* Give the entry's block back to the heap (an entry cancelled or dropped). */
static void drop_entry(void) {
    if (entry) {
        gc_free(entry);
    }
    set_entry(NULL, 0);
}

/* Fallback for boards whose hal_stdout sends bytes as they are. */
__attribute__((weak)) void hal_stdout_raw(const char *buf, size_t len) {
    hal_stdout(buf, len);
}

/* Paste mode echoes as MicroPython does, byte for byte (Thonny checks
 * it): every byte as it came, except '\r', which starts a "=== " line. The
 * entry keeps "\r", "\n" and "\r\n" each as one '\n'. */
static int paste_mode(void) {
    input_t in = {0, 0};
    int prev = 0;
    out("\r\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ");
    for (;;) {
        int c = hal_getchar();
        if (c < 0) {
            return PITH_EOF;
        }
        if (c == CTRL_C || c == CTRL_D) {
            out("\r\n");
            if (c == CTRL_C) {
                drop_entry();
                return 0;
            }
            break;
        }
        if (c == '\r') {
            out("\r\n=== ");
        } else {
            char ch = (char)c;
            hal_stdout_raw(&ch, 1);
        }
        if (c != '\n' || prev != '\r') {
            add(&in, c == '\r' ? '\n' : (char)c);
        }
        prev = c;
    }
    if (in.want) {
        drop_entry();
        too_long(in.want);
    } else {
        run(in.n, PITH_MODE_SINGLE);
    }
    return 0;
}

static int friendly_repl(void) {
    out(BANNER);
    for (;;) {
        line_t l = {0, 0, 0, -1};
        drop_entry();
        out(">>> ");
        int k = read_line(&l, 1);
        switch (k) {
        case -1:
            return PITH_EOF;
        case CTRL_A:
            out("\r\n");
            raw_mode = 1;
            return SWITCH_MODE;
        case CTRL_B:
            out("\r\n" BANNER);
            continue;
        case CTRL_C:
            out("\r\n");
            continue;
        case CTRL_D:
            out("\r\n");
            return PITH_SOFT_REBOOT;
        case CTRL_E:
            if (paste_mode() == PITH_EOF) {
                return PITH_EOF;
            }
            continue;
        }
        if (blank(entry, l.len)) {
            continue;
        }
        history_add(entry, l.len);
        while (k == 0 && unfinished(entry, l.len)) {
            if (!fits(l.len + 1)) {
                too_long(l.len + 1);
                k = CTRL_C;
                break;
            }
            entry[l.len++] = '\n';
            l.start = l.cur = l.len;
            l.hist = -1;
            out("... ");
            auto_indent(&l);
            k = read_line(&l, 0);
            if (k < 0) {
                return PITH_EOF;
            }
            if (k == CTRL_C) {
                out("\r\n");
            } else if (k == CTRL_D) {
                /* Ctrl-D on an empty line ends the statement at once. */
                out("\r\n");
            } else if (!blank(entry + l.start, l.len - l.start)) {
                history_add(entry + l.start, l.len - l.start);
            }
        }
        if (k != CTRL_C) {
            run(l.len, PITH_MODE_SINGLE);
        }
    }
}

/* Run a raw program: its output, \x04, its traceback, \x04. */
static void raw_run(const input_t *in) {
    int r = in->want ? PITH_EXC : run_entry(in->n, PITH_MODE_FILE);
    out("\x04");
    if (in->want) {
        drop_entry();
        too_long(in->want);
    } else if (r == PITH_EXC) {
        pith_print_exception();
    }
    out("\x04");
}

/* Raw-paste (\x05 A \x01): the host streams the program under flow control,
 * ends it with \x04, and gets a \x04 back before the output. When the heap
 * is full we stop it early with a \x04 of our own, as MicroPython does
 * when compiling fails; when the host goes quiet mid-program we give up,
 * and then wait (as long again) for the \x04 that acknowledges it, which
 * must not reach the raw prompt as a soft reboot. */
static int raw_paste(void) {
    static const char header[] = {'R', 1, RAW_PASTE_WINDOW & 0xFF, RAW_PASTE_WINDOW >> 8, 1};
    input_t in = {0, 0};
    int credit = RAW_PASTE_WINDOW, ended = 0, timed_out = 0;
    hal_stdout(header, sizeof header);
    for (;;) {
        int c = hal_getchar_timeout(RAW_PASTE_TIMEOUT_MS);
        if (c == -1) {
            return PITH_EOF;
        }
        if (c == CTRL_D && !ended) {
            out("\x04");
            break;
        }
        if (c == CTRL_D || c == CTRL_C || (c == HAL_TIMEOUT && ended)) {
            break;
        }
        if (c == HAL_TIMEOUT) {
            timed_out = ended = 1;
            out("\x04");
            continue;
        }
        if (ended) {
            continue;
        }
        add(&in, (char)c);
        if (in.want) {
            ended = 1;
            out("\x04");
        } else if (--credit == 0) {
            out("\x01");
            credit = RAW_PASTE_WINDOW;
        }
    }
    if (timed_out) {
        /* the sender went quiet: nothing runs */
        drop_entry();
        out("\x04OSError: raw paste timed out\r\n\x04");
        return 0;
    }
    raw_run(&in);
    return 0;
}

static int raw_repl(void) {
    for (;;) {
        out(RAW_BANNER);
        int c = 0;
        while (c != CTRL_A) {
            input_t in = {0, 0};
            out(">");
            for (c = hal_getchar(); c != CTRL_A && c != CTRL_B && c != CTRL_D; c = hal_getchar()) {
                if (c < 0) {
                    return PITH_EOF;
                }
                if (c == CTRL_C) {
                    in.n = in.want = 0;
                } else {
                    add(&in, (char)c);
                }
            }
            if (c == CTRL_B) {
                drop_entry();
                out("\r\n");
                raw_mode = 0;
                return SWITCH_MODE;
            }
            if (c == CTRL_A && in.n == 2 && !in.want && entry[0] == CTRL_E) {
                char cmd = entry[1];
                drop_entry();
                if (cmd != 'A') {
                    hal_stdout("R\x00", 2);
                } else if (raw_paste() == PITH_EOF) {
                    return PITH_EOF;
                }
                c = 0;
            } else if (c == CTRL_D) {
                out("OK");
                if (in.n == 0 && !in.want) {
                    out("\r\n");
                    return PITH_SOFT_REBOOT;
                }
                raw_run(&in);
            } else {
                drop_entry();
            }
        }
    }
}

int pith_repl_raw(void) {
    return raw_mode;
}

int pith_repl(int soft_reboot) {
    int r;
    /* pith_init gave the heap a fresh start: no entry, whatever there was */
    set_entry(NULL, 0);
    do {
        r = raw_mode ? raw_repl() : friendly_repl();
    } while (r == SWITCH_MODE);
    return r == PITH_SOFT_REBOOT && !soft_reboot ? PITH_EOF : r;
}
