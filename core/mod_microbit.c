/* mod_microbit.c — the microbit module: the display and its animation
 * sequencer, the buttons, the 5x5 font, and sleep, running_time, panic,
 * reset, temperature (Image lives in image.c).
 *
 * The core owns the display: 25 brightness values (`screen`) pushed to the
 * board with hal_display_show. A show or scroll that lasts more than one
 * frame is an animation: its state lives here and pith_board_tick advances
 * it, so it runs on while the program does (wait=False) or while show/scroll
 * waits for it (wait=True). The board calls the tick from a timer interrupt
 * (the device) or its clock (the browser), and the core calls it from its
 * sleep and poll loops (every board, and the only source on the host).
 *
 * The tick may interrupt Python code at any instruction, so it never
 * allocates and never raises; it reads only objects rooted in
 * vm_extra_roots, which main code replaces only while holding `locked`
 * (a tick that finds it set skips). Every animation source is fixed before
 * it starts: a str, an Image, a tuple, or a private list copied from the
 * program's iterable, so nothing the tick reads can be resized under it. A
 * generator shown with wait=True is stepped by the waiting main code
 * instead, one item per frame, so it may be endless. */
#include <string.h>

#include "hal.h"
#include "microbit.h"
#include "pith.h"
#include "vm.h"

void rt_sleep_ms(int64_t ms);

/* ---- the font: ASCII 32..126, five rows each, bit 4 = leftmost column ---- */
static const uint8_t font[95][5] = {
    {0x00, 0x00, 0x00, 0x00, 0x00}, {0x08, 0x08, 0x08, 0x00, 0x08}, {0x0A, 0x0A, 0x00, 0x00, 0x00}, {0x0A, 0x1F, 0x0A, 0x1F, 0x0A}, /* ' ' '!' '"' '#' */
    {0x0E, 0x19, 0x0E, 0x13, 0x0E}, {0x19, 0x12, 0x04, 0x09, 0x13}, {0x0C, 0x12, 0x0C, 0x12, 0x0D}, {0x08, 0x08, 0x00, 0x00, 0x00}, /* '$' '%' '&' "'" */
    {0x04, 0x08, 0x08, 0x08, 0x04}, {0x08, 0x04, 0x04, 0x04, 0x08}, {0x00, 0x0A, 0x04, 0x0A, 0x00}, {0x00, 0x04, 0x0E, 0x04, 0x00}, /* '(' ')' '*' '+' */
    {0x00, 0x00, 0x00, 0x04, 0x08}, {0x00, 0x00, 0x0E, 0x00, 0x00}, {0x00, 0x00, 0x00, 0x08, 0x00}, {0x01, 0x02, 0x04, 0x08, 0x10}, /* ',' '-' '.' '/' */
    {0x0C, 0x12, 0x12, 0x12, 0x0C}, {0x04, 0x0C, 0x04, 0x04, 0x0E}, {0x1C, 0x02, 0x0C, 0x10, 0x1E}, {0x1E, 0x02, 0x04, 0x12, 0x0C}, /* '0' '1' '2' '3' */
    {0x06, 0x0A, 0x12, 0x1F, 0x02}, {0x1F, 0x10, 0x1E, 0x01, 0x1E}, {0x02, 0x04, 0x0E, 0x11, 0x0E}, {0x1F, 0x02, 0x04, 0x08, 0x10}, /* '4' '5' '6' '7' */
    {0x0E, 0x11, 0x0E, 0x11, 0x0E}, {0x0E, 0x11, 0x0E, 0x04, 0x08}, {0x00, 0x08, 0x00, 0x08, 0x00}, {0x00, 0x04, 0x00, 0x04, 0x08}, /* '8' '9' ':' ';' */
    {0x02, 0x04, 0x08, 0x04, 0x02}, {0x00, 0x0E, 0x00, 0x0E, 0x00}, {0x08, 0x04, 0x02, 0x04, 0x08}, {0x0E, 0x11, 0x06, 0x00, 0x04}, /* '<' '=' '>' '?' */
    {0x0E, 0x11, 0x15, 0x13, 0x0C}, {0x0C, 0x12, 0x1E, 0x12, 0x12}, {0x1C, 0x12, 0x1C, 0x12, 0x1C}, {0x0E, 0x10, 0x10, 0x10, 0x0E}, /* '@' 'A' 'B' 'C' */
    {0x1C, 0x12, 0x12, 0x12, 0x1C}, {0x1E, 0x10, 0x1C, 0x10, 0x1E}, {0x1E, 0x10, 0x1C, 0x10, 0x10}, {0x0E, 0x10, 0x13, 0x11, 0x0E}, /* 'D' 'E' 'F' 'G' */
    {0x12, 0x12, 0x1E, 0x12, 0x12}, {0x1C, 0x08, 0x08, 0x08, 0x1C}, {0x1F, 0x02, 0x02, 0x12, 0x0C}, {0x12, 0x14, 0x18, 0x14, 0x12}, /* 'H' 'I' 'J' 'K' */
    {0x10, 0x10, 0x10, 0x10, 0x1E}, {0x11, 0x1B, 0x15, 0x11, 0x11}, {0x11, 0x19, 0x15, 0x13, 0x11}, {0x0C, 0x12, 0x12, 0x12, 0x0C}, /* 'L' 'M' 'N' 'O' */
    {0x1C, 0x12, 0x1C, 0x10, 0x10}, {0x0C, 0x12, 0x12, 0x0C, 0x06}, {0x1C, 0x12, 0x1C, 0x12, 0x11}, {0x0E, 0x10, 0x0C, 0x02, 0x1C}, /* 'P' 'Q' 'R' 'S' */
    {0x1F, 0x04, 0x04, 0x04, 0x04}, {0x12, 0x12, 0x12, 0x12, 0x0C}, {0x11, 0x11, 0x11, 0x0A, 0x04}, {0x11, 0x11, 0x15, 0x1B, 0x11}, /* 'T' 'U' 'V' 'W' */
    {0x12, 0x12, 0x0C, 0x12, 0x12}, {0x11, 0x0A, 0x04, 0x04, 0x04}, {0x1E, 0x04, 0x08, 0x10, 0x1E}, {0x0E, 0x08, 0x08, 0x08, 0x0E}, /* 'X' 'Y' 'Z' '[' */
    {0x10, 0x08, 0x04, 0x02, 0x01}, {0x0E, 0x02, 0x02, 0x02, 0x0E}, {0x04, 0x0A, 0x00, 0x00, 0x00}, {0x00, 0x00, 0x00, 0x00, 0x1F}, /* '\\' ']' '^' '_' */
    {0x08, 0x04, 0x00, 0x00, 0x00}, {0x00, 0x0E, 0x12, 0x12, 0x0F}, {0x10, 0x10, 0x1C, 0x12, 0x1C}, {0x00, 0x0E, 0x10, 0x10, 0x0E}, /* '`' 'a' 'b' 'c' */
    {0x02, 0x02, 0x0E, 0x12, 0x0E}, {0x0C, 0x12, 0x1C, 0x10, 0x0E}, {0x06, 0x08, 0x1C, 0x08, 0x08}, {0x0E, 0x12, 0x0E, 0x02, 0x0C}, /* 'd' 'e' 'f' 'g' */
    {0x10, 0x10, 0x1C, 0x12, 0x12}, {0x08, 0x00, 0x08, 0x08, 0x08}, {0x02, 0x00, 0x02, 0x02, 0x0C}, {0x10, 0x14, 0x18, 0x14, 0x12}, /* 'h' 'i' 'j' 'k' */
    {0x08, 0x08, 0x08, 0x08, 0x06}, {0x00, 0x1B, 0x15, 0x11, 0x11}, {0x00, 0x1C, 0x12, 0x12, 0x12}, {0x00, 0x0C, 0x12, 0x12, 0x0C}, /* 'l' 'm' 'n' 'o' */
    {0x00, 0x1C, 0x12, 0x1C, 0x10}, {0x00, 0x0E, 0x12, 0x0E, 0x02}, {0x00, 0x0E, 0x10, 0x10, 0x10}, {0x00, 0x06, 0x08, 0x04, 0x18}, /* 'p' 'q' 'r' 's' */
    {0x08, 0x08, 0x0E, 0x08, 0x07}, {0x00, 0x12, 0x12, 0x12, 0x0F}, {0x00, 0x11, 0x11, 0x0A, 0x04}, {0x00, 0x11, 0x11, 0x15, 0x1B}, /* 't' 'u' 'v' 'w' */
    {0x00, 0x12, 0x0C, 0x0C, 0x12}, {0x00, 0x11, 0x0A, 0x04, 0x18}, {0x00, 0x1E, 0x04, 0x08, 0x1E}, {0x06, 0x04, 0x0C, 0x04, 0x06}, /* 'x' 'y' 'z' '{' */
    {0x08, 0x08, 0x08, 0x08, 0x08}, {0x18, 0x08, 0x0C, 0x08, 0x18}, {0x00, 0x00, 0x0C, 0x03, 0x00}, /* '|' '}' '~' */
};

const uint8_t *font_glyph(unsigned char c) { return font[(c < 32 || c > 126 ? '?' : c) - 32]; }

/* ---- display state, shared with the tick ----
 * The screen and the animation live in one heap object rooted in
 * vm_extra_roots[VM_ROOT_DISPLAY], made by the first display call: on the micro:bit every
 * static byte comes out of the C stack's 2 KiB, the heap is shared. */
enum { A_NONE, A_SHOW, A_SCROLL };

typedef struct {
    uint32_t ch;   /* byte offset of the character under the cursor */
    uint8_t col;   /* column within that character's columns */
    uint8_t lead;  /* blank columns still to pass before the text */
} scur;

typedef struct {
    const ptype *type;
    pv src;                 /* the animation's str, Image, tuple or private list */
    uint8_t screen[25];
    volatile uint8_t kind;
    bool loop, clear, cleared, monospace, off;
    uint32_t delay;         /* ms per frame */
    volatile uint32_t due;  /* when the next frame is due */
    uint32_t pos;           /* show: next item index or byte offset */
    scur cur;               /* scroll: the leftmost column shown */
} pdisplay;

#define D ((pdisplay *)vm_extra_roots[VM_ROOT_DISPLAY])

static volatile bool locked;
static volatile struct {
    bool down, was;
    uint16_t presses;
} buttons[2];

static const ptype t_display;

/* The state, made on first use (main code only). */
static pdisplay *display_state(void) {
    if (!D) {
        pdisplay *d = gc_alloc(sizeof(pdisplay));
        d->type = &t_display;
        locked = true;
        vm_extra_roots[VM_ROOT_DISPLAY] = (pv)d;
        locked = false;
    }
    return D;
}

static void push(void) {
    static const uint8_t dark[25];
    hal_display_show(!D || D->off ? dark : D->screen);
}

static void blank(void) { memset(D->screen, 0, sizeof D->screen); }

static void draw_image(const pimage *im) {
    for (int y = 0; y < 5; y++)
        for (int x = 0; x < 5; x++) D->screen[x + 5 * y] = image_pixel(im, x, y);
}

static void draw_char(unsigned char c) {
    const uint8_t *g = font_glyph(c);
    for (int y = 0; y < 5; y++)
        for (int x = 0; x < 5; x++) D->screen[x + 5 * y] = (g[y] >> (4 - x)) & 1 ? 9 : 0;
}

static uint32_t next_char(const pstr *s, uint32_t i) {
    do i++;
    while (i < s->len && ((uint8_t)s->data[i] & 0xC0) == 0x80);
    return i;
}

static bool is_one_char(pv v) {
    const pstr *s = (const pstr *)v;
    return s->len && next_char(s, 0) == s->len;
}

/* One item of a shown sequence: an Image or a one-character str. */
static bool draw_item(pv item) {
    if (pv_is(item, &t_image)) {
        draw_image((const pimage *)item);
        return true;
    }
    if (pv_is(item, &t_str) && is_one_char(item)) {
        draw_char((unsigned char)((const pstr *)item)->data[0]);
        return true;
    }
    return false;
}

/* ---- show: one item per frame ---- */
static bool show_next(void) {
    pv src = D->src;
    if (pv_is(src, &t_str)) {
        const pstr *s = (const pstr *)src;
        if (D->pos >= s->len) return false;
        draw_char((unsigned char)s->data[D->pos]);
        D->pos = next_char(s, D->pos);
        return true;
    }
    if (pv_is(src, &t_image)) {
        if (D->pos) return false;
        draw_image((const pimage *)src);
        D->pos = 1;
        return true;
    }
    size_t n = pv_is(src, &t_tuple) ? ((ptuple *)src)->len : ((plist *)src)->len;
    pv *items = pv_is(src, &t_tuple) ? ((ptuple *)src)->items : ((plist *)src)->items;
    return D->pos < n && draw_item(items[D->pos++]);
}

/* The next frame: false when the show has ended. With clear, a blank frame
 * follows the last item for one more delay. */
static bool show_step(void) {
    if (D->cleared) return false;
    if (show_next()) return true;
    if (D->loop && D->pos) {
        D->pos = 0;
        if (show_next()) return true;
    }
    if (!D->clear) return false;
    blank();
    D->cleared = true;
    return true;
}

/* ---- scroll: the text as a strip of columns moving left one per frame ----
 * Each character takes its glyph's columns from the first lit one to the
 * last (a blank glyph takes 3), then one blank column before the next
 * character; monospace gives every character its 5 columns and no gap. The
 * first frame shows the first column at the right edge; the last frame is
 * the first with the whole text gone. */
static void glyph_span(const uint8_t *g, int *first, int *width) {
    uint8_t all = (uint8_t)(g[0] | g[1] | g[2] | g[3] | g[4]);
    if (D->monospace || !all) {
        *first = 0;
        *width = D->monospace ? 5 : 3;
        return;
    }
    int a = 0, b = 4;
    while (!(all & (0x10 >> a))) a++;
    while (!(all & (0x10 >> b))) b--;
    *first = a;
    *width = b - a + 1;
}

static uint8_t cur_column(const pstr *t, const scur *c) {
    if (c->lead || c->ch >= t->len) return 0;
    const uint8_t *g = font_glyph((unsigned char)t->data[c->ch]);
    int first, width;
    glyph_span(g, &first, &width);
    if (c->col >= width) return 0;
    uint8_t bits = 0;
    for (int y = 0; y < 5; y++)
        if (g[y] & (0x10 >> (first + c->col))) bits |= (uint8_t)(1 << y);
    return bits;
}

static void cur_advance(const pstr *t, scur *c) {
    if (c->lead) {
        c->lead--;
        return;
    }
    if (c->ch >= t->len) return;
    int first, width;
    glyph_span(font_glyph((unsigned char)t->data[c->ch]), &first, &width);
    uint32_t next = next_char(t, c->ch);
    int gap = D->monospace || next >= t->len ? 0 : 1;
    if (++c->col >= width + gap) {
        c->col = 0;
        c->ch = next;
    }
}

static void scroll_draw(const pstr *t) {
    scur c = D->cur;
    for (int x = 0; x < 5; x++) {
        uint8_t bits = cur_column(t, &c);
        for (int y = 0; y < 5; y++) D->screen[x + 5 * y] = (bits >> y) & 1 ? 9 : 0;
        cur_advance(t, &c);
    }
}

static bool scroll_step(void) {
    const pstr *t = (const pstr *)D->src;
    scur c = D->cur;
    if (c.lead == 0 && c.ch >= t->len) {
        if (!D->loop) return false;
        c = (scur){0, 0, 4};
    } else {
        cur_advance(t, &c);
    }
    D->cur = c;
    scroll_draw(t);
    return true;
}

/* ---- simulated presses (pith_test_hooks) ----
 * Kept in the heap, rooted in vm_extra_roots[VM_ROOT_SIM], so they cost no RAM on
 * the device unless a test uses them: (button, from, to) records of
 * three uint32 each, times relative to sim_start. */
static uint32_t sim_start;

void pith_test_hooks(const char *src, size_t len) {
    static const char tag[] = "# buttons:";
    size_t i = 0;
    for (int line = 0; line < 5 && i < len; line++) {
        size_t end = i;
        while (end < len && src[end] != '\n') end++;
        if (end - i > sizeof tag - 1 && memcmp(src + i, tag, sizeof tag - 1) == 0) {
            uint32_t rec[24];
            int n = 0;
            const char *p = src + i + sizeof tag - 1, *e = src + end;
            while (p < e && n < 24) {
                while (p < e && (*p == ' ' || *p == ',')) p++;
                if (e - p < 4 || (*p != 'A' && *p != 'B') || p[1] != ':') break;
                uint32_t v[2] = {0, 0};
                rec[n] = (uint32_t)(*p - 'A');
                p += 2;
                for (int k = 0; k < 2; k++) {
                    while (p < e && *p >= '0' && *p <= '9') v[k] = v[k] * 10 + (uint32_t)(*p++ - '0');
                    if (k == 0 && p < e && *p == '-') p++;
                }
                rec[n + 1] = v[0];
                rec[n + 2] = v[1];
                n += 3;
            }
            vm_extra_roots[VM_ROOT_SIM] = str_new(&t_bytes, (const char *)rec, (size_t)n * sizeof(uint32_t));
            sim_start = hal_ticks_ms();
            return;
        }
        i = end + 1;
    }
}

static bool button_down(int which) {
    if (hal_button_down(which)) return true;
    const pstr *sim = (const pstr *)vm_extra_roots[VM_ROOT_SIM];
    if (!sim) return false;
    uint32_t t = hal_ticks_ms() - sim_start, rec[3];
    for (size_t i = 0; i + sizeof rec <= sim->len; i += sizeof rec) {
        memcpy(rec, sim->data + i, sizeof rec);
        if (rec[0] == (uint32_t)which && t >= rec[1] && t < rec[2]) return true;
    }
    return false;
}

/* ---- the tick ---- */
void pith_board_tick(uint32_t now) {
    if (locked) return;
    locked = true;
    for (int b = 0; b < 2; b++) {
        bool down = button_down(b);
        if (down && !buttons[b].down) {
            buttons[b].presses++;
            buttons[b].was = true;
        }
        buttons[b].down = down;
    }
    if (D && D->kind != A_NONE && (int32_t)(now - D->due) >= 0) {
        /* catch up on frames missed while nobody ticked, but not forever */
        for (int i = 0; i < 64 && D->kind != A_NONE && (int32_t)(now - D->due) >= 0; i++) {
            if (!(D->kind == A_SHOW ? show_step() : scroll_step())) D->kind = A_NONE;
            D->due += D->delay;
        }
        if ((int32_t)(now - D->due) >= 0) D->due = now + D->delay;
        push();
    }
    locked = false;
}

/* ---- starting, stopping and waiting (main code only) ---- */
static void anim_stop(void) {
    display_state();
    locked = true;
    D->kind = A_NONE;
    D->src = PV_NULL;
    locked = false;
}

/* Start an animation on src and draw its first frame now. */
static void anim_start(int kind, pv src, uint32_t delay, bool loop, bool clear, bool monospace) {
    gc_root_push(&src);
    display_state();
    gc_root_pop(1);
    locked = true;
    D->src = src;
    D->kind = (uint8_t)kind;
    D->delay = delay ? delay : 1;
    D->loop = loop;
    D->clear = clear;
    D->cleared = false;
    D->monospace = monospace;
    D->pos = 0;
    D->cur = (scur){0, 0, 4};
    if (kind == A_SCROLL)
        scroll_draw((const pstr *)src);
    else if (!show_step())
        D->kind = A_NONE;
    D->due = hal_ticks_ms() + D->delay;
    push();
    locked = false;
}

/* Block until the animation ends; Ctrl-C (or any exception) stops it. */
static void anim_wait(void) {
    pjmp j;
    if (TRY(j)) {
        while (D->kind != A_NONE) {
            int32_t left = (int32_t)(D->due - hal_ticks_ms());
            rt_sleep_ms(left > 0 ? left : 1);
        }
        TRY_END(j);
    } else {
        gc_root_restore(j.roots);
        anim_stop();
        rt_raise(j.exc);
    }
    anim_stop();
}

/* display.show of an iterator with wait=True: main code steps it. */
static void show_lazy(pv it, uint32_t delay, bool clear) {
    gc_root_push(&it);
    uint32_t due = hal_ticks_ms();
    pv item;
    while ((item = rt_next(it)) != PV_NULL) {
        if (!pv_is(item, &t_image) && !pv_is(item, &t_str)) rt_raise_msg(&t_TypeError, "not an image");
        locked = true;
        bool drawn = draw_item(item);
        if (drawn) push();
        locked = false;
        if (!drawn) break;
        due += delay;
        rt_sleep_ms((int32_t)(due - hal_ticks_ms()));
    }
    if (clear) {
        locked = true;
        blank();
        push();
        locked = false;
        rt_sleep_ms((int32_t)(due + delay - hal_ticks_ms()));
    }
    gc_root_pop(1);
}

void microbit_reset(void) {
    locked = true;
    if (D) D->kind = A_NONE;
    vm_extra_roots[VM_ROOT_DISPLAY] = PV_NULL;
    push();
    for (int b = 0; b < 2; b++) {
        buttons[b].presses = 0;
        buttons[b].was = false;
    }
    locked = false;
}

/* ---- display ---- */
static bool is_number(pv v) {
    return PV_IS_INT(v) || pv_is(v, &t_int) || pv_is(v, &t_bool) || pv_is(v, &t_float);
}

static uint32_t arg_delay(int n, const pv *args, int nkw, const pv *kw, uint32_t dflt) {
    pv d = rt_kwarg(&N(delay), nkw, kw, n > 2 ? args[2] : PV_NULL);
    if (!d) return dflt;
    int64_t ms = rt_to_int(d);
    return ms < 0 ? 0 : ms > 0x3FFFFFFF ? 0x3FFFFFFF : (uint32_t)ms;
}

static bool kw_flag(const pstr *name, int nkw, const pv *kw, bool dflt) {
    return rt_truthy(rt_kwarg(name, nkw, kw, PV_BOOL(dflt)));
}

/* A private list of the items of a sequence the program could change while
 * the tick reads it; each must be an Image or a str. */
static pv snapshot(pv x) {
    pv it = rt_iter(x), list, item;
    gc_root_push(&it);
    list = list_new(0);
    gc_root_push(&list);
    while ((item = rt_next(it)) != PV_NULL) {
        if (!pv_is(item, &t_image) && !pv_is(item, &t_str)) rt_raise_msg(&t_TypeError, "not an image");
        list_append(list, item);
    }
    gc_root_pop(2);
    return list;
}

/* show(x, delay=400, *, wait=True, loop=False, clear=False) */
static pv dsp_show_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv x = args[1];
    uint32_t delay = arg_delay(n, args, nkw, kw, 400);
    bool wait = kw_flag(&N(wait), nkw, kw, true), loop = kw_flag(&N(loop), nkw, kw, false),
         clear = kw_flag(&N(clear), nkw, kw, false);
    anim_stop();
    if (is_number(x)) x = rt_str(x);
    bool still = !loop && !clear;
    if (pv_is(x, &t_str)) {
        if (((pstr *)x)->len == 0) return PV_NONE;
        if (still && is_one_char(x)) {
            draw_item(x);
            push();
            return PV_NONE;
        }
    } else if (pv_is(x, &t_image)) {
        if (still) {
            draw_image((const pimage *)x);
            push();
            return PV_NONE;
        }
    } else if (wait && !loop && !pv_is(x, &t_list) && !pv_is(x, &t_tuple)) {
        show_lazy(rt_iter(x), delay ? delay : 1, clear);
        return PV_NONE;
    } else {
        x = snapshot(x);
    }
    anim_start(A_SHOW, x, delay, loop, clear, false);
    if (wait) anim_wait();
    return PV_NONE;
}

/* scroll(text, delay=150, *, wait=True, loop=False, monospace=False) */
static pv dsp_scroll_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv text = args[1];
    if (is_number(text)) text = rt_str(text);
    if (!pv_is(text, &t_str)) rt_raise_fmt(&t_TypeError, "can't convert '%s' object to str implicitly", rt_type_name(text));
    uint32_t delay = arg_delay(n, args, nkw, kw, 150);
    anim_stop();
    if (((pstr *)text)->len == 0) return PV_NONE;
    anim_start(A_SCROLL, text, delay, kw_flag(&N(loop), nkw, kw, false), false, kw_flag(&N(monospace), nkw, kw, false));
    if (kw_flag(&N(wait), nkw, kw, true)) anim_wait();
    return PV_NONE;
}

static int led_index(pv x, pv y) {
    int64_t i = rt_to_int(x), j = rt_to_int(y);
    if (i < 0 || i > 4 || j < 0 || j > 4) rt_raise_msg(&t_ValueError, "index out of bounds");
    return (int)(i + 5 * j);
}

static pv dsp_get_pixel_fn(int n, const pv *args, int nkw, const pv *kw) {
    int i = led_index(args[1], args[2]);
    return PV_FROM_INT(D ? D->screen[i] : 0);
}

static pv dsp_set_pixel_fn(int n, const pv *args, int nkw, const pv *kw) {
    int i = led_index(args[1], args[2]);
    int64_t b = rt_to_int(args[3]);
    if (b < 0 || b > 9) rt_raise_msg(&t_ValueError, "brightness out of bounds");
    display_state();
    locked = true;
    D->screen[i] = (uint8_t)b;
    push();
    locked = false;
    return PV_NONE;
}

static pv dsp_clear_fn(int n, const pv *args, int nkw, const pv *kw) {
    anim_stop();
    locked = true;
    blank();
    push();
    locked = false;
    return PV_NONE;
}

static void set_on(bool on) {
    display_state();
    locked = true;
    D->off = !on;
    push();
    locked = false;
}
static pv dsp_on_fn(int n, const pv *args, int nkw, const pv *kw) {
    set_on(true);
    return PV_NONE;
}
static pv dsp_off_fn(int n, const pv *args, int nkw, const pv *kw) {
    set_on(false);
    return PV_NONE;
}
static pv dsp_is_on_fn(int n, const pv *args, int nkw, const pv *kw) { return PV_BOOL(!D || !D->off); }

static BUILTIN(dsp_show, show, 2, 3, true);
static BUILTIN(dsp_scroll, scroll, 2, 3, true);
static BUILTIN(dsp_get_pixel, get_pixel, 3, 3, false);
static BUILTIN(dsp_set_pixel, set_pixel, 4, 4, false);
static BUILTIN(dsp_clear, clear, 1, 1, false);
static BUILTIN(dsp_on, on, 1, 1, false);
static BUILTIN(dsp_off, off, 1, 1, false);
static BUILTIN(dsp_is_on, is_on, 1, 1, false);
TABLE(display_locals, MEMBER(get_pixel, &dsp_get_pixel), MEMBER(set_pixel, &dsp_set_pixel),
      MEMBER(show, &dsp_show), MEMBER(scroll, &dsp_scroll), MEMBER(clear, &dsp_clear), MEMBER(on, &dsp_on),
      MEMBER(off, &dsp_off), MEMBER(is_on, &dsp_is_on));
static const ptype t_display = {TYPE_HEAD(MicroBitDisplay), .locals = &display_locals};
static const pobj display_obj = {&t_display};

/* ---- buttons: presses are counted by the tick, on each down edge ---- */
typedef struct {
    const ptype *type;
    int which;
} pbutton;

static pv btn_is_pressed_fn(int n, const pv *args, int nkw, const pv *kw) {
    return PV_BOOL(button_down(((const pbutton *)args[0])->which));
}

static pv btn_was_pressed_fn(int n, const pv *args, int nkw, const pv *kw) {
    int b = ((const pbutton *)args[0])->which;
    pith_board_tick(hal_ticks_ms());
    locked = true;
    bool was = buttons[b].was;
    buttons[b].was = false;
    locked = false;
    return PV_BOOL(was);
}

static pv btn_get_presses_fn(int n, const pv *args, int nkw, const pv *kw) {
    int b = ((const pbutton *)args[0])->which;
    pith_board_tick(hal_ticks_ms());
    locked = true;
    int presses = buttons[b].presses;
    buttons[b].presses = 0;
    locked = false;
    return PV_FROM_INT(presses);
}

static BUILTIN(btn_is_pressed, is_pressed, 1, 1, false);
static BUILTIN(btn_was_pressed, was_pressed, 1, 1, false);
static BUILTIN(btn_get_presses, get_presses, 1, 1, false);
TABLE(button_locals, MEMBER(is_pressed, &btn_is_pressed), MEMBER(was_pressed, &btn_was_pressed),
      MEMBER(get_presses, &btn_get_presses));
static const ptype t_button = {TYPE_HEAD(MicroBitButton), .locals = &button_locals};
static const pbutton button_a = {&t_button, 0}, button_b = {&t_button, 1};

/* ---- the module's functions ---- */
static pv mb_sleep_fn(int n, const pv *args, int nkw, const pv *kw) {
    rt_sleep_ms(pv_is(args[0], &t_float) ? float_trunc(rt_to_float(args[0])) : rt_to_int(args[0]));
    return PV_NONE;
}

static pv mb_running_time_fn(int n, const pv *args, int nkw, const pv *kw) { return rt_int(hal_ticks_ms()); }

/* The device's "something is badly wrong": a sad face and the code, over
 * and over (Ctrl-C ends it, so the playground's Stop still works). */
static pv mb_panic_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv code = rt_str(PV_FROM_INT(n ? rt_to_small(args[0]) : 0));
    gc_root_push(&code);
    for (;;) {
        anim_stop();
        locked = true;
        draw_image(&img_SAD);
        push();
        locked = false;
        rt_sleep_ms(1000);
        anim_start(A_SCROLL, code, 150, false, false, false);
        anim_wait();
    }
    return PV_NONE; /* not reached */
}

static pv mb_reset_fn(int n, const pv *args, int nkw, const pv *kw) {
    hal_reset();
    return PV_NONE;
}

/* The board's sensor in degrees Celsius; 20 where a board has none. */
static pv mb_temperature_fn(int n, const pv *args, int nkw, const pv *kw) {
    int celsius;
    return PV_FROM_INT(hal_temperature(&celsius) ? celsius : 20);
}

static BUILTIN(mb_sleep, sleep, 1, 1, false);
static BUILTIN(mb_running_time, running_time, 0, 0, false);
static BUILTIN(mb_panic, panic, 0, 1, false);
static BUILTIN(mb_reset, reset, 0, 0, false);
static BUILTIN(mb_temperature, temperature, 0, 0, false);
TABLE(microbit_table, MEMBER(__name__, &N(microbit)), MEMBER(Image, &t_image), MEMBER(display, &display_obj),
      MEMBER(button_a, &button_a), MEMBER(button_b, &button_b), MEMBER(sleep, &mb_sleep),
      MEMBER(running_time, &mb_running_time), MEMBER(panic, &mb_panic), MEMBER(reset, &mb_reset),
      MEMBER(temperature, &mb_temperature));
const pmodule mod_microbit = {&t_module, &N(microbit), &microbit_table, PV_NULL};

/* ---- after an uncaught exception: scroll "line N TypeError" ---- */
typedef struct {
    pout out;
    char *buf;
    size_t len, cap;
} pout_buf;

static void buf_write(pout *o, const char *s, size_t n) {
    pout_buf *b = (pout_buf *)o;
    while (n-- && b->len < b->cap) b->buf[b->len++] = *s++;
}

/* The text goes to the heap when there is room (the program has ended, so
 * there usually is), else only the type's name, which is in flash. */
void pith_scroll_exception(void) {
    pexc *e = (pexc *)vm_last_exc;
    if (!e) return;
    char text[40];
    pout_buf b = {{buf_write}, text, 0, sizeof text};
    if (e->tb_len) {
        out_str(&b.out, "line ");
        out_int(&b.out, e->tb[0].line);
        out_char(&b.out, ' ');
    }
    out_str(&b.out, e->type->name->data);
    volatile pv msg = (pv)e->type->name;
    pjmp j;
    if (TRY(j)) {
        msg = str_new(&t_str, text, b.len);
        TRY_END(j);
    } else {
        gc_root_restore(j.roots);
    }
    hal_set_interrupt_char(3);
    if (TRY(j)) {
        anim_start(A_SCROLL, msg, 150, false, false, false);
        anim_wait();
        TRY_END(j);
    } else {
        gc_root_restore(j.roots);
    }
    hal_set_interrupt_char(-1);
    (void)hal_interrupted();
}
