/* mod_struct.c — the struct module (ustruct): pack, unpack, calcsize,
 * pack_into, unpack_from, as MicroPython has them.
 *
 * A format starts with an optional byte order: '<' little, '>' or '!' big,
 * '=' little, '@' (the default) little with each item aligned to its size,
 * as on the micro:bit. Sizes are the micro:bit's on every board: b B x s 1,
 * h H e 2, i I l L f P 4, q Q d 8. As in MicroPython, ints are truncated to
 * their size and a buffer may be longer than the format needs; the number
 * of values must match (MicroPython v1 ignored extra ones and packed zeros
 * for missing ones; today's MicroPython and CPython raise). 'O' (a raw object pointer) is
 * not provided: unpacking an arbitrary number as an object would crash. */
#include <string.h>

#include "str.h"

typedef struct {
    const char *p, *end;
    bool big, aligned;
} sfmt;

static void fmt_begin(sfmt *f, pv fmt) {
    if (!pv_is(fmt, &t_str) && !pv_is(fmt, &t_bytes)) str_bad_conversion(fmt, &t_str);
    f->p = ((const pstr *)fmt)->data;
    f->end = f->p + ((const pstr *)fmt)->len;
    char c = f->p < f->end ? *f->p : 0;
    f->big = c == '>' || c == '!';
    f->aligned = !c || !strchr("<>!=", c);
    if (c && strchr("@<>!=", c)) f->p++;
}

static size_t item_size(char c) {
    switch (c) {
    case 'b': case 'B': case 'x': case 's': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f': case 'P': return 4;
    case 'q': case 'Q': case 'd': return 8;
    default: return 0;
    }
}

/* The next directive: a repeat count and a code; false at the end. */
static bool fmt_next(sfmt *f, size_t *count, char *code, size_t *size) {
    while (f->p < f->end && (*f->p == ' ' || *f->p == '\t' || *f->p == '\n')) f->p++;
    if (f->p == f->end) return false;
    *count = 1;
    if (*f->p >= '0' && *f->p <= '9')
        for (*count = 0; f->p < f->end && *f->p >= '0' && *f->p <= '9'; f->p++) {
            *count = *count * 10 + (size_t)(*f->p - '0');
            if (*count > 0x80000000u) *count = 0x80000000u; /* saturates: fmt_size reports it */
        }
    *code = f->p < f->end ? *f->p++ : 0;
    if (!(*size = item_size(*code))) rt_raise_msg(&t_ValueError, "bad typecode");
    return true;
}

/* Offset of the next item of `size` bytes at offset off. */
static size_t align(const sfmt *f, size_t off, size_t size) {
    return f->aligned ? (off + size - 1) / size * size : off;
}

/* The size of the packed data; *items counts the values it holds. A size
 * no board could hold is a MemoryError naming it. */
static size_t fmt_size(pv fmt, size_t *items) {
    sfmt f;
    fmt_begin(&f, fmt);
    uint64_t off = 0;
    size_t count, size;
    char c;
    *items = 0;
    while (fmt_next(&f, &count, &c, &size)) {
        if (c == 's' || c == 'x') {
            off += count;
            *items += c == 's';
            continue;
        }
        *items += count;
        if (count) off = align(&f, (size_t)off, size) + (uint64_t)count * size; /* aligned once, aligned throughout */
        if (off > 0x7FFFFFFF) rt_memory_error(off > SIZE_MAX ? SIZE_MAX : (size_t)off);
    }
    return (size_t)off;
}

/* IEEE half precision from a float, rounded to nearest even; too large is inf. */
static uint16_t half_from_float(float x) {
    uint32_t b;
    memcpy(&b, &x, 4);
    uint16_t sign = (uint16_t)((b >> 16) & 0x8000);
    int e = (int)((b >> 23) & 0xFF) - 127 + 15;
    uint32_t m = b & 0x7FFFFF;
    if (((b >> 23) & 0xFF) == 0xFF) return (uint16_t)(sign | 0x7C00 | (m ? 0x200 : 0));
    if (e >= 31) return sign | 0x7C00;
    int shift = 13;
    if (e <= 0) {
        if (e < -10) return sign;
        m |= 0x800000;
        shift += 1 - e;
        e = 0;
    }
    uint32_t h = ((uint32_t)e << 10) + (m >> shift), rest = m & ((1u << shift) - 1), half = 1u << (shift - 1);
    if (rest > half || (rest == half && (h & 1))) h++; /* a carry into the exponent is right, up to inf */
    return (uint16_t)(sign | h);
}

static float half_to_float(uint16_t h) {
    uint32_t sign = (uint32_t)(h & 0x8000) << 16, e = (h >> 10) & 0x1F, m = h & 0x3FF, b;
    if (e == 0x1F) {
        b = sign | 0x7F800000 | (m << 13);
    } else if (e) {
        b = sign | ((e - 15 + 127) << 23) | (m << 13);
    } else {
        float v = (float)m / 16777216.0f; /* m * 2**-24: exact */
        return sign ? -v : v;
    }
    float v;
    memcpy(&v, &b, 4);
    return v;
}

static void store(const sfmt *f, char c, size_t size, uint8_t *p, pv v) {
    uint8_t le[8];
    if (c == 'f' || c == 'd' || c == 'e') {
        float x = rt_to_float(v);
        if (c == 'f') memcpy(le, &x, 4);
        else if (c == 'd') float_to_f64(x, le);
        else {
            uint16_t h = half_from_float(x);
            le[0] = (uint8_t)h;
            le[1] = (uint8_t)(h >> 8);
        }
    } else {
        uint64_t i = rt_to_u64_wrap(v); /* ints of any size, truncated to the item */
        for (size_t k = 0; k < size; k++) le[k] = (uint8_t)(i >> (8 * k));
    }
    for (size_t k = 0; k < size; k++) p[f->big ? size - 1 - k : k] = le[k];
}

static pv load(const sfmt *f, char c, size_t size, const uint8_t *p) {
    uint8_t le[8];
    for (size_t k = 0; k < size; k++) le[k] = p[f->big ? size - 1 - k : k];
    if (c == 'f') {
        float x;
        memcpy(&x, le, 4);
        return rt_float(x);
    }
    if (c == 'd') return rt_float(float_from_f64(le));
    if (c == 'e') return rt_float(half_to_float((uint16_t)(le[0] | le[1] << 8)));
    uint64_t u = 0;
    for (size_t k = 0; k < size; k++) u |= (uint64_t)le[k] << (8 * k);
    if (c >= 'a' && size < 8 && (u >> (8 * size - 1))) u |= ~(uint64_t)0 << (8 * size); /* signed codes are lower case */
    return c == 'Q' ? rt_uint64(u) : rt_int((int64_t)u);
}

/* Packs the n vals into dst (zeroed, fmt_size bytes). */
static void pack_values(pv fmt, uint8_t *dst, const pv *vals, size_t n) {
    size_t items;
    fmt_size(fmt, &items);
    if (items != n) rt_raise_fmt(&t_ValueError, "pack expected %d items for packing (got %d)", (int)items, (int)n);
    sfmt f;
    fmt_begin(&f, fmt);
    size_t off = 0, i = 0, count, size;
    char c;
    while (fmt_next(&f, &count, &c, &size)) {
        if (c == 's' || c == 'x') {
            if (c == 's') {
                pbuf b;
                rt_need_buffer(vals[i++], &b, false);
                memcpy(dst + off, b.data, b.len < count ? b.len : count);
            }
            off += count;
            continue;
        }
        for (; count; count--) {
            off = align(&f, off, size);
            store(&f, c, size, dst + off, vals[i++]);
            off += size;
        }
    }
}

static pv unpack_values(pv fmt, pv buffer, int64_t offset) {
    pbuf b;
    rt_need_buffer(buffer, &b, false);
    size_t items, need = fmt_size(fmt, &items);
    if (offset < 0) offset += (int64_t)b.len;
    if (offset < 0 || (uint64_t)offset + need > b.len) rt_raise_msg(&t_ValueError, "buffer too small");
    pv t = tuple_new(items);
    gc_root_push(&t);
    pv *out = ((ptuple *)t)->items;
    for (size_t k = 0; k < items; k++) out[k] = PV_NONE;
    sfmt f;
    fmt_begin(&f, fmt);
    const uint8_t *src = b.data + offset;
    size_t off = 0, count, size;
    char c;
    while (fmt_next(&f, &count, &c, &size)) {
        if (c == 's' || c == 'x') {
            if (c == 's') *out++ = str_new(&t_bytes, (const char *)src + off, count);
            off += count;
            continue;
        }
        for (; count; count--) {
            off = align(&f, off, size);
            *out++ = load(&f, c, size, src + off);
            off += size;
        }
    }
    gc_root_pop(1);
    return t;
}

static pv struct_calcsize_fn(int n, const pv *args, int nkw, const pv *kw) {
    size_t items;
    return PV_FROM_INT(fmt_size(args[0], &items));
}

static pv struct_pack_fn(int n, const pv *args, int nkw, const pv *kw) {
    size_t items, size = fmt_size(args[0], &items);
    pv r = str_new(&t_bytes, NULL, size);
    gc_root_push(&r);
    memset((char *)((pstr *)r)->data, 0, size);
    pack_values(args[0], (uint8_t *)((pstr *)r)->data, args + 1, (size_t)n - 1);
    gc_root_pop(1);
    return r;
}

static pv struct_pack_into_fn(int n, const pv *args, int nkw, const pv *kw) {
    pbuf b;
    rt_need_buffer(args[1], &b, true);
    size_t items, size = fmt_size(args[0], &items);
    int64_t off = rt_to_int(args[2]);
    if (off < 0) off += (int64_t)b.len;
    if (off < 0 || (uint64_t)off + size > b.len) rt_raise_msg(&t_ValueError, "buffer too small");
    pack_values(args[0], b.data + off, args + 3, (size_t)n - 3);
    return PV_NONE;
}

static pv struct_unpack_fn(int n, const pv *args, int nkw, const pv *kw) { return unpack_values(args[0], args[1], 0); }

static pv struct_unpack_from_fn(int n, const pv *args, int nkw, const pv *kw) {
    return unpack_values(args[0], args[1], n > 2 ? rt_to_int(args[2]) : 0);
}

static BUILTIN(struct_calcsize, calcsize, 1, 1, false);
static BUILTIN(struct_pack, pack, 1, -1, false);
static BUILTIN(struct_pack_into, pack_into, 3, -1, false);
static BUILTIN(struct_unpack, unpack, 2, 2, false);
static BUILTIN(struct_unpack_from, unpack_from, 2, 3, false);
TABLE(struct_table, MEMBER(__name__, &N(ustruct)), MEMBER(calcsize, &struct_calcsize), MEMBER(pack, &struct_pack),
      MEMBER(pack_into, &struct_pack_into), MEMBER(unpack, &struct_unpack), MEMBER(unpack_from, &struct_unpack_from));
MODULE(mod_struct, ustruct, struct_table);
