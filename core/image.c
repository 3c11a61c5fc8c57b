/* image.c — the micro:bit Image type (MicroPython's MicroBitImage): images
 * of any size with brightness 0..9 per pixel, their operations, and the
 * built-in images, which are const objects kept in flash. */
#include <string.h>

#include "microbit.h"

#define PX(im, x, y) ((im)->pix[(x) + (y) * (im)->w])

/* ---- the built-in images (MicroPython's pixel data), in flash ---- */
#define IMAGE(name, ...) \
    static const uint8_t name##_px[25] = {__VA_ARGS__}; \
    const pimage img_##name = {&t_image, 5, 5, true, (uint8_t *)name##_px}

IMAGE(HEART,          0,9,0,9,0,  9,9,9,9,9,  9,9,9,9,9,  0,9,9,9,0,  0,0,9,0,0);
IMAGE(HEART_SMALL,    0,0,0,0,0,  0,9,0,9,0,  0,9,9,9,0,  0,0,9,0,0,  0,0,0,0,0);
IMAGE(HAPPY,          0,0,0,0,0,  0,9,0,9,0,  0,0,0,0,0,  9,0,0,0,9,  0,9,9,9,0);
IMAGE(SMILE,          0,0,0,0,0,  0,0,0,0,0,  0,0,0,0,0,  9,0,0,0,9,  0,9,9,9,0);
IMAGE(SAD,            0,0,0,0,0,  0,9,0,9,0,  0,0,0,0,0,  0,9,9,9,0,  9,0,0,0,9);
IMAGE(CONFUSED,       0,0,0,0,0,  0,9,0,9,0,  0,0,0,0,0,  0,9,0,9,0,  9,0,9,0,9);
IMAGE(ANGRY,          9,0,0,0,9,  0,9,0,9,0,  0,0,0,0,0,  9,9,9,9,9,  9,0,9,0,9);
IMAGE(ASLEEP,         0,0,0,0,0,  9,9,0,9,9,  0,0,0,0,0,  0,9,9,9,0,  0,0,0,0,0);
IMAGE(SURPRISED,      0,9,0,9,0,  0,0,0,0,0,  0,0,9,0,0,  0,9,0,9,0,  0,0,9,0,0);
IMAGE(SILLY,          9,0,0,0,9,  0,0,0,0,0,  9,9,9,9,9,  0,0,9,0,9,  0,0,9,9,9);
IMAGE(FABULOUS,       9,9,9,9,9,  9,9,0,9,9,  0,0,0,0,0,  0,9,0,9,0,  0,9,9,9,0);
IMAGE(MEH,            0,9,0,9,0,  0,0,0,0,0,  0,0,0,9,0,  0,0,9,0,0,  0,9,0,0,0);
IMAGE(YES,            0,0,0,0,0,  0,0,0,0,9,  0,0,0,9,0,  9,0,9,0,0,  0,9,0,0,0);
IMAGE(NO,             9,0,0,0,9,  0,9,0,9,0,  0,0,9,0,0,  0,9,0,9,0,  9,0,0,0,9);
IMAGE(CLOCK12,        0,0,9,0,0,  0,0,9,0,0,  0,0,9,0,0,  0,0,0,0,0,  0,0,0,0,0);
IMAGE(CLOCK1,         0,0,0,9,0,  0,0,0,9,0,  0,0,9,0,0,  0,0,0,0,0,  0,0,0,0,0);
IMAGE(CLOCK2,         0,0,0,0,0,  0,0,0,9,9,  0,0,9,0,0,  0,0,0,0,0,  0,0,0,0,0);
IMAGE(CLOCK3,         0,0,0,0,0,  0,0,0,0,0,  0,0,9,9,9,  0,0,0,0,0,  0,0,0,0,0);
IMAGE(CLOCK4,         0,0,0,0,0,  0,0,0,0,0,  0,0,9,0,0,  0,0,0,9,9,  0,0,0,0,0);
IMAGE(CLOCK5,         0,0,0,0,0,  0,0,0,0,0,  0,0,9,0,0,  0,0,0,9,0,  0,0,0,9,0);
IMAGE(CLOCK6,         0,0,0,0,0,  0,0,0,0,0,  0,0,9,0,0,  0,0,9,0,0,  0,0,9,0,0);
IMAGE(CLOCK7,         0,0,0,0,0,  0,0,0,0,0,  0,0,9,0,0,  0,9,0,0,0,  0,9,0,0,0);
IMAGE(CLOCK8,         0,0,0,0,0,  0,0,0,0,0,  0,0,9,0,0,  9,9,0,0,0,  0,0,0,0,0);
IMAGE(CLOCK9,         0,0,0,0,0,  0,0,0,0,0,  9,9,9,0,0,  0,0,0,0,0,  0,0,0,0,0);
IMAGE(CLOCK10,        0,0,0,0,0,  9,9,0,0,0,  0,0,9,0,0,  0,0,0,0,0,  0,0,0,0,0);
IMAGE(CLOCK11,        0,9,0,0,0,  0,9,0,0,0,  0,0,9,0,0,  0,0,0,0,0,  0,0,0,0,0);
IMAGE(ARROW_N,        0,0,9,0,0,  0,9,9,9,0,  9,0,9,0,9,  0,0,9,0,0,  0,0,9,0,0);
IMAGE(ARROW_NE,       0,0,9,9,9,  0,0,0,9,9,  0,0,9,0,9,  0,9,0,0,0,  9,0,0,0,0);
IMAGE(ARROW_E,        0,0,9,0,0,  0,0,0,9,0,  9,9,9,9,9,  0,0,0,9,0,  0,0,9,0,0);
IMAGE(ARROW_SE,       9,0,0,0,0,  0,9,0,0,0,  0,0,9,0,9,  0,0,0,9,9,  0,0,9,9,9);
IMAGE(ARROW_S,        0,0,9,0,0,  0,0,9,0,0,  9,0,9,0,9,  0,9,9,9,0,  0,0,9,0,0);
IMAGE(ARROW_SW,       0,0,0,0,9,  0,0,0,9,0,  9,0,9,0,0,  9,9,0,0,0,  9,9,9,0,0);
IMAGE(ARROW_W,        0,0,9,0,0,  0,9,0,0,0,  9,9,9,9,9,  0,9,0,0,0,  0,0,9,0,0);
IMAGE(ARROW_NW,       9,9,9,0,0,  9,9,0,0,0,  9,0,9,0,0,  0,0,0,9,0,  0,0,0,0,9);
IMAGE(TRIANGLE,       0,0,0,0,0,  0,0,9,0,0,  0,9,0,9,0,  9,9,9,9,9,  0,0,0,0,0);
IMAGE(TRIANGLE_LEFT,  9,0,0,0,0,  9,9,0,0,0,  9,0,9,0,0,  9,0,0,9,0,  9,9,9,9,9);
IMAGE(CHESSBOARD,     0,9,0,9,0,  9,0,9,0,9,  0,9,0,9,0,  9,0,9,0,9,  0,9,0,9,0);
IMAGE(DIAMOND,        0,0,9,0,0,  0,9,0,9,0,  9,0,0,0,9,  0,9,0,9,0,  0,0,9,0,0);
IMAGE(DIAMOND_SMALL,  0,0,0,0,0,  0,0,9,0,0,  0,9,0,9,0,  0,0,9,0,0,  0,0,0,0,0);
IMAGE(SQUARE,         9,9,9,9,9,  9,0,0,0,9,  9,0,0,0,9,  9,0,0,0,9,  9,9,9,9,9);
IMAGE(SQUARE_SMALL,   0,0,0,0,0,  0,9,9,9,0,  0,9,0,9,0,  0,9,9,9,0,  0,0,0,0,0);
IMAGE(RABBIT,         9,0,9,0,0,  9,0,9,0,0,  9,9,9,9,0,  9,9,0,9,0,  9,9,9,9,0);
IMAGE(COW,            9,0,0,0,9,  9,0,0,0,9,  9,9,9,9,9,  0,9,9,9,0,  0,0,9,0,0);
IMAGE(MUSIC_CROTCHET, 0,0,9,0,0,  0,0,9,0,0,  0,0,9,0,0,  9,9,9,0,0,  9,9,9,0,0);
IMAGE(MUSIC_QUAVER,   0,0,9,0,0,  0,0,9,9,0,  0,0,9,0,9,  9,9,9,0,0,  9,9,9,0,0);
IMAGE(MUSIC_QUAVERS,  0,9,9,9,9,  0,9,0,0,9,  0,9,0,0,9,  9,9,0,9,9,  9,9,0,9,9);
IMAGE(PITCHFORK,      9,0,9,0,9,  9,0,9,0,9,  9,9,9,9,9,  0,0,9,0,0,  0,0,9,0,0);
IMAGE(XMAS,           0,0,9,0,0,  0,9,9,9,0,  0,0,9,0,0,  0,9,9,9,0,  9,9,9,9,9);
IMAGE(PACMAN,         0,9,9,9,9,  9,9,0,9,0,  9,9,9,0,0,  9,9,9,9,0,  0,9,9,9,9);
IMAGE(TARGET,         0,0,9,0,0,  0,9,9,9,0,  9,9,0,9,9,  0,9,9,9,0,  0,0,9,0,0);
IMAGE(TSHIRT,         9,9,0,9,9,  9,9,9,9,9,  0,9,9,9,0,  0,9,9,9,0,  0,9,9,9,0);
IMAGE(ROLLERSKATE,    0,0,0,9,9,  0,0,0,9,9,  9,9,9,9,9,  9,9,9,9,9,  0,9,0,9,0);
IMAGE(DUCK,           0,9,9,0,0,  9,9,9,0,0,  0,9,9,9,9,  0,9,9,9,0,  0,0,0,0,0);
IMAGE(HOUSE,          0,0,9,0,0,  0,9,9,9,0,  9,9,9,9,9,  0,9,9,9,0,  0,9,0,9,0);
IMAGE(TORTOISE,       0,0,0,0,0,  0,9,9,9,0,  9,9,9,9,9,  0,9,0,9,0,  0,0,0,0,0);
IMAGE(BUTTERFLY,      9,9,0,9,9,  9,9,9,9,9,  0,0,9,0,0,  9,9,9,9,9,  9,9,0,9,9);
IMAGE(STICKFIGURE,    0,0,9,0,0,  9,9,9,9,9,  0,0,9,0,0,  0,9,0,9,0,  9,0,0,0,9);
IMAGE(GHOST,          9,9,9,9,9,  9,0,9,0,9,  9,9,9,9,9,  9,9,9,9,9,  9,0,9,0,9);
IMAGE(SWORD,          0,0,9,0,0,  0,0,9,0,0,  0,0,9,0,0,  0,9,9,9,0,  0,0,9,0,0);
IMAGE(GIRAFFE,        9,9,0,0,0,  0,9,0,0,0,  0,9,0,0,0,  0,9,9,9,0,  0,9,0,9,0);
IMAGE(SKULL,          0,9,9,9,0,  9,0,9,0,9,  9,9,9,9,9,  0,9,9,9,0,  0,9,9,9,0);
IMAGE(UMBRELLA,       0,9,9,9,0,  9,9,9,9,9,  0,0,9,0,0,  9,0,9,0,0,  0,9,9,0,0);
IMAGE(SNAKE,          9,9,0,0,0,  9,9,0,9,9,  0,9,0,9,0,  0,9,9,9,0,  0,0,0,0,0);

static const ptuple all_clocks = {&t_tuple, 12, {
    (pv)&img_CLOCK12, (pv)&img_CLOCK1, (pv)&img_CLOCK2, (pv)&img_CLOCK3, (pv)&img_CLOCK4, (pv)&img_CLOCK5,
    (pv)&img_CLOCK6, (pv)&img_CLOCK7, (pv)&img_CLOCK8, (pv)&img_CLOCK9, (pv)&img_CLOCK10, (pv)&img_CLOCK11}};
static const ptuple all_arrows = {&t_tuple, 8, {
    (pv)&img_ARROW_N, (pv)&img_ARROW_NE, (pv)&img_ARROW_E, (pv)&img_ARROW_SE,
    (pv)&img_ARROW_S, (pv)&img_ARROW_SW, (pv)&img_ARROW_W, (pv)&img_ARROW_NW}};

/* ---- pixels ---- */
#define IM(v) ((pimage *)PV_OBJ(v))

uint8_t image_pixel(const pimage *im, int x, int y) {
    if (x < 0 || y < 0 || x >= im->w || y >= im->h) return 0;
    uint8_t v = PX(im, x, y);
    return v > 9 ? 9 : v;
}

pv image_new(int w, int h) {
    if (w < 0 || h < 0) rt_raise_msg(&t_ValueError, "image size cannot be negative");
    if (w > 0xFFFF || h > 0xFFFF) rt_raise_msg(&t_ValueError, "image too large");
    pimage *im = gc_alloc(sizeof(pimage) + (size_t)w * (size_t)h);
    im->type = &t_image;
    im->w = (uint16_t)w;
    im->h = (uint16_t)h;
    im->pix = (uint8_t *)(im + 1);
    return (pv)im;
}

/* A coordinate or size argument: any int, clipped far outside every image. */
static int arg_int(pv v) {
    int64_t i = rt_to_int(v);
    return i < -0x20000 ? -0x20000 : i > 0x20000 ? 0x20000 : (int)i;
}

static int arg_coord(pv v, int limit) {
    int i = arg_int(v);
    if (i < 0) rt_raise_msg(&t_ValueError, "index cannot be negative");
    if (i >= limit) rt_raise_msg(&t_ValueError, "index too large");
    return i;
}

static uint8_t arg_brightness(pv v) {
    int64_t b = rt_to_int(v);
    if (b < 0 || b > 9) rt_raise_msg(&t_ValueError, "brightness out of bounds");
    return (uint8_t)b;
}

static pimage *writable(pv self) {
    if (IM(self)->readonly) rt_raise_msg(&t_TypeError, "image cannot be modified (try copying first)");
    return IM(self);
}

static pv image_clone(const pimage *src) {
    pv v = image_new(src->w, src->h);
    memcpy(IM(v)->pix, src->pix, (size_t)src->w * src->h);
    return v;
}

/* Copy src's w x h region at (sx, sy) to dst at (dx, dy): source pixels
 * outside src read as 0, destination pixels outside dst are skipped. */
static void blit(pimage *dst, const pimage *src, int sx, int sy, int w, int h, int dx, int dy) {
    if (src == dst) src = IM(image_clone(src));
    for (int j = 0; j < h; j++) {
        int ty = dy + j;
        if (ty < 0 || ty >= dst->h) continue;
        for (int i = 0; i < w; i++) {
            int tx = dx + i;
            if (tx >= 0 && tx < dst->w) PX(dst, tx, ty) = image_pixel(src, sx + i, sy + j);
        }
    }
}

/* ---- construction and printing ---- */
static bool is_row_end(char c) { return c == ':' || c == '\n'; }

/* '09090:99999:...': rows of digits (a space is 0) separated by ':' or a
 * newline; short rows are padded with zeros. */
static pv image_from_str(const pstr *s) {
    int w = 0, h = 0, run = 0;
    for (uint32_t i = 0; i < s->len; i++) {
        char c = s->data[i];
        if (is_row_end(c)) {
            if (run > w) w = run;
            h++;
            run = 0;
        } else if (c == ' ' || (c >= '0' && c <= '9')) {
            run++;
        } else {
            rt_raise_msg(&t_ValueError, "unexpected character in Image definition");
        }
    }
    if (run) {
        if (run > w) w = run;
        h++;
    }
    pv v = image_new(w, h);
    int x = 0, y = 0;
    for (uint32_t i = 0; i < s->len; i++) {
        char c = s->data[i];
        if (is_row_end(c)) {
            x = 0;
            y++;
        } else {
            PX(IM(v), x, y) = c == ' ' ? 0 : (uint8_t)(c - '0');
            x++;
        }
    }
    return v;
}

/* Image(), Image(string), Image(width, height), Image(width, height, buffer) */
static pv image_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    if (nkw) rt_raise_msg(&t_TypeError, "function doesn't take keyword arguments");
    rt_check_args(n, 0, 3);
    if (n == 0) return image_new(5, 5);
    if (n == 1) {
        if (!pv_is(args[0], &t_str)) rt_raise_msg(&t_TypeError, "Image(s) takes a string");
        return image_from_str((const pstr *)args[0]);
    }
    int w = arg_int(args[0]), h = arg_int(args[1]);
    pbuf b = {0};
    if (n == 3) {
        rt_need_buffer(args[2], &b, false);
        if (w < 0 || h < 0 || b.len != (size_t)w * (size_t)h)
            rt_raise_msg(&t_ValueError, "image data is incorrect size");
    }
    pv v = image_new(w, h);
    for (size_t i = 0; i < b.len; i++) IM(v)->pix[i] = b.data[i] > 9 ? 9 : b.data[i];
    return v;
}

/* repr: Image('09090:99999:...:'); str: the same, one row per line. */
static void image_print(pout *o, pv self, bool repr) {
    pimage *im = IM(self);
    out_str(o, repr ? "Image('" : "Image(\n");
    for (int y = 0; y < im->h; y++) {
        if (!repr) out_str(o, "    '");
        for (int x = 0; x < im->w; x++) out_char(o, (char)('0' + image_pixel(im, x, y)));
        out_str(o, repr ? ":" : ":'\n");
    }
    out_str(o, repr ? "')" : ")");
}

/* ---- arithmetic: image + image, image - image, image * number, image / number ---- */
static bool is_number(pv v) {
    return PV_IS_INT(v) || pv_is(v, &t_int) || pv_is(v, &t_bool) || pv_is(v, &t_float);
}

static pv image_binary(int op, pv a, pv b) {
    if (!pv_is(a, &t_image)) return PV_NULL;
    pimage *x = IM(a);
    size_t n = (size_t)x->w * x->h;
    if (op == OP_ADD || op == OP_SUB) {
        if (!pv_is(b, &t_image)) return PV_NULL;
        pimage *y = IM(b);
        if (x->w != y->w || x->h != y->h) rt_raise_msg(&t_ValueError, "images must be the same size");
        pv r = image_new(x->w, x->h);
        for (size_t i = 0; i < n; i++) {
            int p = x->pix[i] > 9 ? 9 : x->pix[i], q = y->pix[i] > 9 ? 9 : y->pix[i];
            int v = op == OP_ADD ? p + q : p - q;
            IM(r)->pix[i] = (uint8_t)(v < 0 ? 0 : v > 9 ? 9 : v);
        }
        return r;
    }
    if ((op != OP_MUL && op != OP_TRUEDIV) || !is_number(b)) return PV_NULL;
    float f = rt_to_float(b);
    if (op == OP_TRUEDIV) {
        if (f == 0) rt_raise_msg(&t_ZeroDivisionError, "divide by zero");
        f = 1 / f;
    }
    if (f < 0) rt_raise_msg(&t_ValueError, "brightness multiplier must not be negative");
    pv r = image_new(x->w, x->h);
    for (size_t i = 0; i < n; i++) {
        float v = (x->pix[i] > 9 ? 9 : x->pix[i]) * f + 0.5f;
        IM(r)->pix[i] = (uint8_t)(v >= 9 ? 9 : v);
    }
    return r;
}

/* The pixels as bytes, so memoryview(image) reads (and, unless the image is
 * a built-in, writes) them in place. */
static bool image_buffer(pv self, pbuf *b, bool for_write) {
    pimage *im = IM(self);
    if (for_write && im->readonly) return false;
    b->data = im->pix;
    b->len = (size_t)im->w * im->h;
    b->typecode = 'B';
    b->writable = !im->readonly;
    return true;
}

/* ---- methods ---- */
static pv img_width_fn(int n, const pv *args, int nkw, const pv *kw) { return PV_FROM_INT(IM(args[0])->w); }
static pv img_height_fn(int n, const pv *args, int nkw, const pv *kw) { return PV_FROM_INT(IM(args[0])->h); }

static pv img_get_pixel_fn(int n, const pv *args, int nkw, const pv *kw) {
    pimage *im = IM(args[0]);
    int x = arg_coord(args[1], im->w), y = arg_coord(args[2], im->h);
    return PV_FROM_INT(image_pixel(im, x, y));
}

static pv img_set_pixel_fn(int n, const pv *args, int nkw, const pv *kw) {
    pimage *im = writable(args[0]);
    int x = arg_coord(args[1], im->w), y = arg_coord(args[2], im->h);
    PX(im, x, y) = arg_brightness(args[3]);
    return PV_NONE;
}

/* A new image of the same size showing this one moved by (dx, dy). */
static pv shifted(pv self, int dx, int dy) {
    pimage *im = IM(self);
    pv r = image_new(im->w, im->h);
    blit(IM(r), im, dx, dy, im->w, im->h, 0, 0);
    return r;
}
static pv img_shift_left_fn(int n, const pv *args, int nkw, const pv *kw) { return shifted(args[0], arg_int(args[1]), 0); }
static pv img_shift_right_fn(int n, const pv *args, int nkw, const pv *kw) { return shifted(args[0], -arg_int(args[1]), 0); }
static pv img_shift_up_fn(int n, const pv *args, int nkw, const pv *kw) { return shifted(args[0], 0, arg_int(args[1])); }
static pv img_shift_down_fn(int n, const pv *args, int nkw, const pv *kw) { return shifted(args[0], 0, -arg_int(args[1])); }

static pv img_crop_fn(int n, const pv *args, int nkw, const pv *kw) {
    int x = arg_int(args[1]), y = arg_int(args[2]), w = arg_int(args[3]), h = arg_int(args[4]);
    pv r = image_new(w < 0 ? 0 : w, h < 0 ? 0 : h);
    blit(IM(r), IM(args[0]), x, y, w, h, 0, 0);
    return r;
}

static pv img_copy_fn(int n, const pv *args, int nkw, const pv *kw) { return image_clone(IM(args[0])); }

static pv img_invert_fn(int n, const pv *args, int nkw, const pv *kw) {
    pimage *im = IM(args[0]);
    pv r = image_new(im->w, im->h);
    for (size_t i = 0; i < (size_t)im->w * im->h; i++) IM(r)->pix[i] = (uint8_t)(9 - (im->pix[i] > 9 ? 9 : im->pix[i]));
    return r;
}

static pv img_fill_fn(int n, const pv *args, int nkw, const pv *kw) {
    pimage *im = writable(args[0]);
    memset(im->pix, arg_brightness(args[1]), (size_t)im->w * im->h);
    return PV_NONE;
}

/* blit(src, x, y, w, h, xdest=0, ydest=0) */
static pv img_blit_fn(int n, const pv *args, int nkw, const pv *kw) {
    pimage *im = writable(args[0]);
    if (!pv_is(args[1], &t_image)) rt_raise_msg(&t_TypeError, "expecting an image");
    blit(im, IM(args[1]), arg_int(args[2]), arg_int(args[3]), arg_int(args[4]), arg_int(args[5]),
         n > 6 ? arg_int(args[6]) : 0, n > 7 ? arg_int(args[7]) : 0);
    return PV_NONE;
}

static BUILTIN(img_width, width, 1, 1, false);
static BUILTIN(img_height, height, 1, 1, false);
static BUILTIN(img_get_pixel, get_pixel, 3, 3, false);
static BUILTIN(img_set_pixel, set_pixel, 4, 4, false);
static BUILTIN(img_shift_left, shift_left, 2, 2, false);
static BUILTIN(img_shift_right, shift_right, 2, 2, false);
static BUILTIN(img_shift_up, shift_up, 2, 2, false);
static BUILTIN(img_shift_down, shift_down, 2, 2, false);
static BUILTIN(img_crop, crop, 5, 5, false);
static BUILTIN(img_copy, copy, 1, 1, false);
static BUILTIN(img_invert, invert, 1, 1, false);
static BUILTIN(img_fill, fill, 2, 2, false);
static BUILTIN(img_blit, blit, 6, 8, false);

#define I(name) MEMBER(name, &img_##name)
TABLE(image_locals,
    MEMBER(width, &img_width), MEMBER(height, &img_height), MEMBER(get_pixel, &img_get_pixel),
    MEMBER(set_pixel, &img_set_pixel), MEMBER(shift_left, &img_shift_left), MEMBER(shift_right, &img_shift_right),
    MEMBER(shift_up, &img_shift_up), MEMBER(shift_down, &img_shift_down), MEMBER(copy, &img_copy),
    MEMBER(crop, &img_crop), MEMBER(invert, &img_invert), MEMBER(fill, &img_fill), MEMBER(blit, &img_blit),
    I(HEART), I(HEART_SMALL), I(HAPPY), I(SMILE), I(SAD), I(CONFUSED), I(ANGRY), I(ASLEEP), I(SURPRISED),
    I(SILLY), I(FABULOUS), I(MEH), I(YES), I(NO), I(CLOCK12), I(CLOCK1), I(CLOCK2), I(CLOCK3), I(CLOCK4),
    I(CLOCK5), I(CLOCK6), I(CLOCK7), I(CLOCK8), I(CLOCK9), I(CLOCK10), I(CLOCK11), I(ARROW_N), I(ARROW_NE),
    I(ARROW_E), I(ARROW_SE), I(ARROW_S), I(ARROW_SW), I(ARROW_W), I(ARROW_NW), I(TRIANGLE), I(TRIANGLE_LEFT),
    I(CHESSBOARD), I(DIAMOND), I(DIAMOND_SMALL), I(SQUARE), I(SQUARE_SMALL), I(RABBIT), I(COW),
    I(MUSIC_CROTCHET), I(MUSIC_QUAVER), I(MUSIC_QUAVERS), I(PITCHFORK), I(XMAS), I(PACMAN), I(TARGET),
    MEMBER(ALL_CLOCKS, &all_clocks), MEMBER(ALL_ARROWS, &all_arrows), I(TSHIRT), I(ROLLERSKATE), I(DUCK),
    I(HOUSE), I(TORTOISE), I(BUTTERFLY), I(STICKFIGURE), I(GHOST), I(SWORD), I(GIRAFFE), I(SKULL),
    I(UMBRELLA), I(SNAKE));
#undef I

const ptype t_image = {TYPE_HEAD(MicroBitImage), .make = image_make, .print = image_print,
                       .binary = image_binary, .buffer = image_buffer, .locals = &image_locals};
