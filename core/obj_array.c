/* obj_array.c — bytearray, array.array and memoryview: the mutable buffers and
 * the view over any buffer.
 *
 * bytearray and array.array share one object (parray): a small header and a
 * separately allocated data block of `cap` items, `len` of them in use, so
 * when memory runs out the MemoryError names the data size the program asked
 * for (see array_new).
 *
 * A memoryview (pmview) never holds a raw pointer into its exporter. It holds
 * the exporter itself (`obj`, which keeps it alive for the collector) and the
 * byte offset of its first item (`start`); every access asks the exporter for
 * its current data and length and clips the view to what is really there. A
 * view of a view refers straight to the first exporter, so chains never form.
 *
 * Exports follow CPython: each view of a bytearray/array (including slices,
 * casts and toreadonly()) counts in `exports` until release() or the end of a
 * `with` block, and resizing while exports > 0 raises BufferError. Views are
 * collected without finalisers, so a view dropped without release() leaves
 * its exporter unresizable; that is the documented price of CPython's
 * behaviour without reference counts. The offset design above means that even
 * a wrong count can never turn into a read or write of freed or moved memory.
 *
 * Item layout is little-endian with fixed sizes on every board (b/B 1, h/H 2,
 * i/I/l/L 4, q/Q 8, f 4, d 8); all boards are little-endian, so memcpy of the
 * native type is the layout. Q holds 0 .. 2**63-1 (ints are at most 64-bit
 * signed).
 *
 * MicroPython's own typecodes: P is an unsigned machine word (4 bytes on
 * every board), O holds any object. An O array keeps its items alive
 * because the collector scans every word of a block; it never exchanges
 * raw bytes with other buffers (no buffer protocol, no raw copies), so no
 * program can forge an object pointer through it. */
#include <string.h>

#include "str.h"

/* ---- typecodes ---- */
size_t typecode_size(char tc) {
    switch (tc) {
    case 'b': case 'B': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f': case 'P': return 4;
    case 'q': case 'Q': case 'd': return 8;
    case 'O': return sizeof(pv);
    default: return 0;
    }
}

pv typecode_load(char tc, const uint8_t *p) {
    switch (tc) {
    case 'b': return PV_FROM_INT((int8_t)p[0]);
    case 'B': return PV_FROM_INT(p[0]);
    case 'h': { int16_t v; memcpy(&v, p, 2); return PV_FROM_INT(v); }
    case 'H': { uint16_t v; memcpy(&v, p, 2); return PV_FROM_INT(v); }
    case 'i': case 'l': { int32_t v; memcpy(&v, p, 4); return rt_int(v); }
    case 'I': case 'L': case 'P': { uint32_t v; memcpy(&v, p, 4); return rt_int(v); }
    case 'q': case 'Q': { int64_t v; memcpy(&v, p, 8); return rt_int(v); }
    case 'f': { float v; memcpy(&v, p, 4); return rt_float(v); }
    case 'd': return rt_float(float_from_f64(p));
    case 'O': { pv v; memcpy(&v, p, sizeof v); return v ? v : PV_NONE; }
    default: return PV_NONE;
    }
}

void typecode_store(char tc, uint8_t *p, pv v) {
    if (tc == 'O') {
        memcpy(p, &v, sizeof v);
        return;
    }
    if (tc == 'f' || tc == 'd') {
        float f = rt_to_float(v);
        if (tc == 'f') {
            memcpy(p, &f, 4);
        } else {
            float_to_f64(f, p);
        }
        return;
    }
    int64_t i = rt_to_int(v);
    int64_t lo = 0, hi = INT64_MAX;
    switch (tc) {
    case 'b': lo = INT8_MIN; hi = INT8_MAX; break;
    case 'B': hi = UINT8_MAX; break;
    case 'h': lo = INT16_MIN; hi = INT16_MAX; break;
    case 'H': hi = UINT16_MAX; break;
    case 'i': case 'l': lo = INT32_MIN; hi = INT32_MAX; break;
    case 'I': case 'L': case 'P': hi = UINT32_MAX; break;
    case 'q': lo = INT64_MIN; break;
    default: break;
    }
    if (i < lo || i > hi) rt_raise_msg(&t_OverflowError, "integer out of range");
    switch (typecode_size(tc)) {
    case 1: p[0] = (uint8_t)i; break;
    case 2: { uint16_t x = (uint16_t)i; memcpy(p, &x, 2); break; }
    case 4: { uint32_t x = (uint32_t)i; memcpy(p, &x, 4); break; }
    default: memcpy(p, &i, 8); break;
    }
}

/* ---- item sequences: any buffer as (first item, count, stride, format) ---- */
typedef struct {
    uint8_t *p;
    size_t n;          /* items */
    intptr_t stride;   /* bytes */
    char tc;
    bool writable;
} pitems;

static bool is_array(pv v) { return pv_is(v, &t_bytearray) || pv_is(v, &t_array); }
static bool is_intlike(pv v) { return PV_IS_INT(v) || pv_is(v, &t_int) || pv_is(v, &t_bool); }
#define AR(v) ((parray *)PV_OBJ(v))
#define MV(v) ((pmview *)PV_OBJ(v))

static _Noreturn void released_error(void) {
    rt_raise_msg(&t_ValueError, "operation forbidden on released memoryview object");
}

static _Noreturn void compat_error(void) {
    rt_raise_msg(&t_ValueError, "lhs and rhs should be compatible");
}

/* Raw items may be copied between a and b: same item size, and objects
 * only between object arrays. */
static void check_compatible(char a, char b) {
    if (typecode_size(a) != typecode_size(b) || (a == 'O') != (b == 'O')) compat_error();
}

/* The items a view can reach now: its exporter may have changed size since
 * the view was made, so the view is clipped to the exporter's current data. */
static void mv_items(const pmview *m, pitems *it) {
    if (m->released) released_error();
    size_t isz = typecode_size(m->typecode);
    uint8_t *base = NULL;
    size_t avail = 0;
    if (is_array(m->obj)) {
        parray *a = AR(m->obj);
        base = a->data;
        avail = a->len * typecode_size(a->typecode);
    } else {
        pbuf b;
        if (rt_get_buffer(m->obj, &b, false)) {
            base = b.data;
            avail = b.len;
        }
    }
    it->tc = m->typecode;
    it->stride = m->stride;
    it->writable = !m->readonly;
    it->p = base;
    it->n = 0;
    if (m->len == 0 || !base || m->start + isz > avail) return;
    size_t n = m->len;
    if (m->stride > 0) {
        size_t fit = (avail - m->start - isz) / (size_t)m->stride + 1;
        if (fit < n) n = fit;
    }
    /* a negative stride walks down from start, so all items fit when the first does */
    it->p = base + m->start;
    it->n = n;
}

static bool get_items(pv x, pitems *it) {
    if (pv_is(x, &t_memoryview)) {
        mv_items(MV(x), it);
        return true;
    }
    if (is_array(x)) { /* an O array too, which exports no buffer */
        parray *a = AR(x);
        it->tc = a->typecode;
        it->p = a->data;
        it->n = a->len;
        it->stride = (intptr_t)typecode_size(a->typecode);
        it->writable = true;
        return true;
    }
    pbuf b;
    if (!rt_get_buffer(x, &b, false)) return false;
    char tc = typecode_size(b.typecode) ? b.typecode : 'B';
    size_t isz = typecode_size(tc);
    it->p = b.data;
    it->n = b.len / isz;
    it->stride = (intptr_t)isz;
    it->tc = tc;
    it->writable = b.writable;
    return true;
}

static uint8_t *item_at(const pitems *s, size_t k) { return s->p + (intptr_t)k * s->stride; }

static bool items_contiguous(const pitems *s) {
    return s->n <= 1 || s->stride == (intptr_t)typecode_size(s->tc);
}

static void items_gather(const pitems *s, uint8_t *dst) {
    size_t isz = typecode_size(s->tc);
    if (s->n == 0) return;
    if (s->stride == (intptr_t)isz) {
        memmove(dst, s->p, s->n * isz);
        return;
    }
    for (size_t k = 0; k < s->n; k++) memcpy(dst + k * isz, item_at(s, k), isz);
}

/* The items of s as one contiguous run of bytes: s's own memory when it is
 * contiguous and does not overlap [lo, hi) (memory about to be written or
 * moved), otherwise a fresh copy. */
static const uint8_t *items_flat(const pitems *s, const uint8_t *lo, const uint8_t *hi) {
    size_t isz = typecode_size(s->tc), nb = s->n * isz;
    if (nb == 0) return s->p;
    const uint8_t *a = s->stride >= 0 ? s->p : item_at(s, s->n - 1);
    const uint8_t *b = (s->stride >= 0 ? item_at(s, s->n - 1) : s->p) + isz;
    if (s->stride == (intptr_t)isz && (b <= lo || a >= hi)) return s->p;
    uint8_t *t = gc_alloc(nb);
    items_gather(s, t);
    return t;
}

/* Equal items; compared by value, the items are looked up afresh each
 * time: comparing objects of an O array may run Python code that resizes
 * either side. */
static bool items_equal(pv lhs, pv rhs, pitems *a, pitems *b) {
    if (a->n != b->n) return false;
    size_t isz = typecode_size(a->tc);
    if (a->tc == b->tc && a->tc != 'f' && a->tc != 'd' && a->tc != 'O') {
        if (items_contiguous(a) && items_contiguous(b)) return a->n == 0 || memcmp(a->p, b->p, a->n * isz) == 0;
        for (size_t k = 0; k < a->n; k++)
            if (memcmp(item_at(a, k), item_at(b, k), isz) != 0) return false;
        return true;
    }
    pv x = PV_NULL;
    gc_root_push(&x);
    bool eq = true;
    for (size_t k = 0; eq && get_items(lhs, a) && get_items(rhs, b) && k < a->n && k < b->n; k++) {
        x = typecode_load(a->tc, item_at(a, k));
        eq = rt_equal(x, typecode_load(b->tc, item_at(b, k)));
    }
    gc_root_pop(1);
    return eq && a->n == b->n;
}

/* ==, != with any buffer (same format: bytes; otherwise item values);
 * ordering only between unsigned byte buffers, as MicroPython. */
static pv items_compare(int op, pv lhs, pv rhs) {
    pitems a, b;
    if (!get_items(lhs, &a) || !get_items(rhs, &b)) {
        if (op == OP_EQ || op == OP_NE) return PV_BOOL(op == OP_NE);
        return PV_NULL;
    }
    if (op == OP_EQ || op == OP_NE) return PV_BOOL(items_equal(lhs, rhs, &a, &b) == (op == OP_EQ));
    if (a.tc != 'B' || b.tc != 'B') return PV_NULL;
    size_t m = a.n < b.n ? a.n : b.n;
    int c = 0;
    for (size_t k = 0; k < m && c == 0; k++) c = (int)*item_at(&a, k) - (int)*item_at(&b, k);
    if (c == 0) c = a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
    switch (op) {
    case OP_LT: return PV_BOOL(c < 0);
    case OP_LE: return PV_BOOL(c <= 0);
    case OP_GT: return PV_BOOL(c > 0);
    default: return PV_BOOL(c >= 0);
    }
}

/* `item in container` for a sequence of numbers; bytearray also finds byte strings. */
static pv items_contains(pv container, pv item) {
    pitems s, sub;
    get_items(container, &s);
    if (is_intlike(item) || pv_is(item, &t_float) || s.tc == 'O') {
        for (size_t k = 0; get_items(container, &s) && k < s.n; k++)
            if (rt_equal(typecode_load(s.tc, item_at(&s, k)), item)) return PV_TRUE;
        return PV_FALSE;
    }
    if (!pv_is(container, &t_bytearray) || !get_items(item, &sub)) return PV_FALSE;
    size_t isz = typecode_size(sub.tc);
    const uint8_t *needle = items_flat(&sub, NULL, NULL);
    size_t nn = sub.n * isz;
    if (nn == 0) return PV_TRUE;
    for (size_t i = 0; i + nn <= s.n; i++)
        if (memcmp(s.p + i, needle, nn) == 0) return PV_TRUE;
    return PV_FALSE;
}

/* ---- memoryview.hex(): the bytes it reaches, as bytes.hex (str_methods.c) ---- */
static pv hex_of(const pitems *s, int n, const pv *args) {
    pv tmp = (pv)items_flat(s, NULL, NULL);
    gc_root_push(&tmp);
    pv r = hex_encode((const uint8_t *)tmp, s->n * typecode_size(s->tc), n - 1, args + 1, &t_str);
    gc_root_pop(1);
    return r;
}

/* ======================= bytearray and array.array ======================= */

/* The data block is allocated before the header: a failure then names the
 * size the program asked for, and the header does not take a bite out of
 * the free run the data needs. */
pv array_new(const ptype *t, char typecode, size_t n) {
    size_t isz = typecode_size(typecode);
    if (n > SIZE_MAX / isz) rt_memory_error(SIZE_MAX);
    uint8_t *data = n ? gc_alloc(n * isz) : NULL;
    pv keep = (pv)data;
    gc_root_push(&keep);
    parray *a = gc_alloc_try(sizeof(parray));
    gc_root_pop(1);
    if (!a) {
        /* the program asked for the data: name its size, not the header's */
        gc_free((void *)data);
        rt_memory_error(n * isz);
    }
    a->type = t;
    a->typecode = typecode;
    a->data = (uint8_t *)data;
    a->len = a->cap = n;
    return PV_FROM_PTR(a);
}

static void count_view(void *obj, void *ctx) {
    pmview *m = obj;
    parray **a = ctx;
    if (m->obj == (pv)a[0] && !m->released) a[1] = (parray *)((uintptr_t)a[1] + 1);
}

/* Views die without telling their exporter (there are no finalisers), so
 * before refusing a resize, collect and count the views still alive. */
static void check_resizable(parray *a) {
    if (!a->exports) return;
    gc_collect();
    parray *ctx[2] = {a, NULL};
    gc_each(&t_memoryview, count_view, ctx);
    a->exports = (uint16_t)(uintptr_t)ctx[1];
    if (a->exports) rt_raise_msg(&t_BufferError, "Existing exports of data: object cannot be re-sized");
}

void array_resize(parray *a, size_t items) {
    if (items == a->len) return;
    check_resizable(a);
    size_t isz = typecode_size(a->typecode);
    if (items > SIZE_MAX / isz / 2) rt_memory_error(SIZE_MAX);
    if (items > a->cap) {
        /* grow with some room for appends; if the room does not fit, grow
         * exactly, so a MemoryError names the size actually needed */
        size_t cap = items + (items >> 3) + (isz == 1 ? 8 : 2);
        uint8_t *d = gc_alloc_try(cap * isz);
        if (d) {
            if (a->len) memcpy(d, a->data, a->len * isz);
            gc_free(a->data);
        } else {
            cap = items;
            d = a->data ? gc_realloc(a->data, cap * isz) : gc_alloc(cap * isz);
        }
        a->data = d;
        a->cap = cap;
    } else if (items == 0 && a->cap > 16) {
        gc_free(a->data);
        a->data = NULL;
        a->cap = 0;
    } else if (items < a->cap / 2 && a->cap > 16) {
        a->data = gc_realloc(a->data, items * isz); /* shrinks in place */
        a->cap = items;
    }
    if (items > a->len) memset(a->data + a->len * isz, 0, (items - a->len) * isz);
    a->len = items;
}

/* Replace items [start, start+count) of a by n items from src (which must
 * not overlap a's data: see items_flat). */
static void array_splice(parray *a, size_t start, size_t count, const uint8_t *src, size_t n) {
    size_t isz = typecode_size(a->typecode), old = a->len;
    if (n != count) check_resizable(a);
    if (n > count) array_resize(a, old + n - count);
    uint8_t *d = a->data;
    if (n != count && old > start + count) memmove(d + (start + n) * isz, d + (start + count) * isz, (old - start - count) * isz);
    if (n < count) array_resize(a, old + n - count);
    if (n) memcpy(a->data + start * isz, src, n * isz);
}

static void array_append_value(parray *a, pv v) {
    uint8_t tmp[8];
    size_t isz = typecode_size(a->typecode);
    typecode_store(a->typecode, tmp, v);
    array_resize(a, a->len + 1);
    memcpy(a->data + (a->len - 1) * isz, tmp, isz);
}

/* Append the raw items of a buffer (same item size) or the values of an iterable. */
static void array_extend(pv self, pv src) {
    parray *a = AR(self);
    pitems s;
    size_t isz = typecode_size(a->typecode);
    if (get_items(src, &s)) {
        check_compatible(a->typecode, s.tc);
        pv p = (pv)items_flat(&s, a->data, a->data ? a->data + a->cap * isz : NULL);
        gc_root_push(&p); /* a copy (or src's data) while a grows */
        array_splice(a, a->len, 0, (const uint8_t *)p, s.n);
        gc_root_pop(1);
        return;
    }
    if (pv_is(src, &t_list) || pv_is(src, &t_tuple)) {
        size_t n;
        pv *items = rt_unpack(src, &n);
        for (size_t i = 0; i < n; i++) array_append_value(a, items[i]);
        return;
    }
    pv it = rt_iter(src);
    gc_root_push(&it);
    pv x;
    while ((x = rt_next(it)) != PV_NULL) array_append_value(a, x);
    gc_root_pop(1);
}

/* bytearray(...) and array(tc, ...) from an initializer. bytearray copies
 * the raw bytes of any buffer; array copies raw bytes only from bytes and
 * bytearray (as MicroPython) and takes values from anything else. */
static pv array_from(const ptype *t, char tc, pv init) {
    pitems s;
    bool raw = t == &t_bytearray ? !is_intlike(init) && get_items(init, &s)
                                 : tc != 'O' && (pv_is(init, &t_bytes) || pv_is(init, &t_bytearray)) && get_items(init, &s);
    if (raw && s.tc != 'O') {
        size_t isz = typecode_size(tc), nb = s.n * typecode_size(s.tc);
        pv r = array_new(t, tc, nb / isz);
        if (isz == 1)
            items_gather(&s, AR(r)->data);
        else if (nb >= isz)
            memcpy(AR(r)->data, s.p, nb / isz * isz);
        return r;
    }
    if (t == &t_bytearray && is_intlike(init)) {
        int64_t n = rt_to_int(init);
        if (n < 0) rt_raise_msg(&t_ValueError, "negative count");
        return array_new(t, tc, (size_t)n);
    }
    pv r = array_new(t, tc, 0);
    gc_root_push(&r);
    array_extend(r, init);
    gc_root_pop(1);
    return r;
}

static pv bytearray_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 0, 3);
    if (n == 0) return array_new(&t_bytearray, 'B', 0);
    return array_from(&t_bytearray, 'B', args[0]);
}

static pv array_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 1, 2);
    pstr *code = (pstr *)args[0];
    if (!pv_is(args[0], &t_str) || code->len != 1 || !typecode_size(code->data[0]))
        rt_raise_msg(&t_ValueError, "bad typecode");
    if (n == 1) return array_new(&t_array, code->data[0], 0);
    return array_from(&t_array, code->data[0], args[1]);
}

static void array_print(pout *o, pv self, bool repr) {
    parray *a = AR(self);
    if (a->type == &t_bytearray) {
        out_str(o, "bytearray(");
        print_bytes(o, a->len ? a->data : (const uint8_t *)"", a->len, 'b');
        out_char(o, ')');
        return;
    }
    out_str(o, "array('");
    out_char(o, a->typecode);
    out_char(o, '\'');
    if (a->len) {
        size_t isz = typecode_size(a->typecode);
        out_str(o, ", [");
        for (size_t i = 0; i < a->len; i++) {
            if (i) out_str(o, ", ");
            rt_print(o, typecode_load(a->typecode, a->data + i * isz), true);
        }
        out_char(o, ']');
    }
    out_char(o, ')');
}

static pv array_unary(int op, pv self) {
    parray *a = AR(self);
    switch (op) {
    case OP_LEN: return PV_FROM_INT(a->len);
    case OP_BOOL: return PV_BOOL(a->len != 0);
    default: return PV_NULL;
    }
}

static pv array_repeat(pv self, pv count, bool inplace) {
    parray *a = AR(self);
    int64_t k = rt_to_int(count);
    size_t isz = typecode_size(a->typecode), nb = a->len * isz;
    if (k < 0) k = 0;
    if (nb && (uint64_t)k > SIZE_MAX / 2 / nb) rt_memory_error(SIZE_MAX);
    size_t n = a->len * (size_t)k;
    pv r = self;
    if (inplace)
        array_resize(a, n);
    else
        r = array_new(a->type, a->typecode, n);
    uint8_t *d = AR(r)->data, *src = a->data;
    for (int64_t i = inplace ? 1 : 0; nb && i < k; i++) memcpy(d + (size_t)i * nb, src, nb);
    return r;
}

static pv array_binary(int op, pv lhs, pv rhs) {
    int base = op & ~OP_INPLACE;
    bool inplace = op != base;
    if (base == OP_IN) return items_contains(lhs, rhs);
    if (base >= OP_LT && base <= OP_NE) return items_compare(base, lhs, rhs);
    if (base == OP_MUL) {
        if (is_array(lhs) && is_intlike(rhs)) return array_repeat(lhs, rhs, inplace);
        if (is_array(rhs) && is_intlike(lhs)) return array_repeat(rhs, lhs, false);
        return PV_NULL;
    }
    if (base != OP_ADD || !is_array(lhs)) return PV_NULL;
    parray *a = AR(lhs);
    pitems s;
    if (!get_items(rhs, &s)) return PV_NULL;
    size_t isz = typecode_size(a->typecode);
    check_compatible(a->typecode, s.tc);
    if (inplace) {
        array_extend(lhs, rhs);
        return lhs;
    }
    pv r = array_new(a->type, a->typecode, a->len + s.n);
    if (a->len) memcpy(AR(r)->data, a->data, a->len * isz);
    if (s.n) items_gather(&s, AR(r)->data + a->len * isz);
    return r;
}

static pv array_subscr(pv self, pv index, pv value) {
    parray *a = AR(self);
    const char *what = a->type == &t_bytearray ? "bytearray" : "array";
    size_t isz = typecode_size(a->typecode);
    intptr_t start, stop, step;
    size_t count;
    if (rt_slice_indices(index, a->len, &start, &stop, &step, &count)) {
        if (value == SUB_LOAD) {
            pv r = array_new(a->type, a->typecode, count);
            if (step == 1 && count) {
                memcpy(AR(r)->data, a->data + start * (intptr_t)isz, count * isz);
                return r;
            }
            for (size_t i = 0; i < count; i++)
                memcpy(AR(r)->data + i * isz, a->data + (start + (intptr_t)i * step) * (intptr_t)isz, isz);
            return r;
        }
        if (value == SUB_DELETE) {
            if (step < 0 && count) { /* the same items, walked upwards */
                start += (intptr_t)(count - 1) * step;
                step = -step;
            }
            if (count == 0) return PV_NONE;
            if (step == 1) {
                array_splice(a, (size_t)start, count, NULL, 0);
                return PV_NONE;
            }
            check_resizable(a);
            size_t w = (size_t)start;
            for (size_t r = (size_t)start, k; r < a->len; r++) {
                k = r - (size_t)start;
                if (k % (size_t)step != 0 || k / (size_t)step >= count) memmove(a->data + w++ * isz, a->data + r * isz, isz);
            }
            array_resize(a, w);
            return PV_NONE;
        }
        pitems s;
        if (!get_items(value, &s)) rt_raise_msg(&t_NotImplementedError, "array/bytes required on right side");
        check_compatible(a->typecode, s.tc);
        if (step != 1 && s.n != count) compat_error();
        pv p = (pv)items_flat(&s, a->data, a->data ? a->data + a->cap * isz : NULL);
        gc_root_push(&p); /* a copy (or value's data) while a is resized */
        if (step == 1) {
            array_splice(a, (size_t)start, count, (const uint8_t *)p, s.n);
        } else {
            for (size_t i = 0; i < count; i++)
                memcpy(a->data + (start + (intptr_t)i * step) * (intptr_t)isz, (const uint8_t *)p + i * isz, isz);
        }
        gc_root_pop(1);
        return PV_NONE;
    }
    size_t i = rt_index(index, a->len, what);
    if (value == SUB_LOAD) return typecode_load(a->typecode, a->data + i * isz);
    if (value == SUB_DELETE) {
        array_splice(a, i, 1, NULL, 0);
        return PV_NONE;
    }
    typecode_store(a->typecode, a->data + i * isz, value);
    return PV_NONE;
}

static bool array_buffer(pv self, pbuf *b, bool for_write) {
    parray *a = AR(self);
    if (a->typecode == 'O') return false;
    b->data = a->data;
    b->len = a->len * typecode_size(a->typecode);
    b->typecode = a->typecode;
    b->writable = true;
    return true;
}

static pv array_attr(pv self, const pstr *name) {
    parray *a = AR(self);
    if (a->type != &t_array) return PV_NULL;
    if (name == &N(typecode)) return str_new(&t_str, &a->typecode, 1);
    if (name == &N(itemsize)) return PV_FROM_INT(typecode_size(a->typecode));
    return PV_NULL;
}

/* ---- iteration over arrays and views ---- */
typedef struct {
    const ptype *type;
    pv seq;
    size_t i;
} pbufiter;

static pv bufiter_self(pv self) { return self; }

static pv bufiter_next(pv self) {
    pbufiter *it = (pbufiter *)self;
    pitems s;
    if (is_array(it->seq)) {
        parray *a = AR(it->seq);
        if (it->i >= a->len) return PV_NULL;
        return typecode_load(a->typecode, a->data + it->i++ * typecode_size(a->typecode));
    }
    mv_items(MV(it->seq), &s);
    if (it->i >= s.n) return PV_NULL;
    return typecode_load(s.tc, item_at(&s, it->i++));
}

static const ptype t_bufiter = {
    .type = &t_type,
    .name = &N(iterator),
    .iter = bufiter_self,
    .next = bufiter_next,
};

static pv buf_iter(pv self) {
    if (pv_is(self, &t_memoryview) && MV(self)->released) released_error();
    pbufiter *it = gc_alloc(sizeof(pbufiter));
    it->type = &t_bufiter;
    it->seq = self;
    return PV_FROM_PTR(it);
}

/* ---- methods of bytearray and array ---- */
static parray *arr_self(pv v) {
    if (!is_array(v)) builtin_self(v, &t_bytearray);
    return AR(v);
}

static pv arr_append_fn(int n, const pv *args, int nkw, const pv *kw) {
    array_append_value(arr_self(args[0]), args[1]);
    return PV_NONE;
}

static pv arr_extend_fn(int n, const pv *args, int nkw, const pv *kw) {
    arr_self(args[0]);
    array_extend(args[0], args[1]);
    return PV_NONE;
}

static pv arr_pop_fn(int n, const pv *args, int nkw, const pv *kw) {
    parray *a = arr_self(args[0]);
    if (a->len == 0) rt_raise_fmt(&t_IndexError, "pop from empty %s", a->type->name->data);
    size_t i = a->len - 1;
    if (n > 1) {
        int64_t k = rt_to_int(args[1]);
        if (k < 0) k += (int64_t)a->len;
        if (k < 0 || (uint64_t)k >= a->len) rt_raise_msg(&t_IndexError, "pop index out of range");
        i = (size_t)k;
    }
    pv v = typecode_load(a->typecode, a->data + i * typecode_size(a->typecode));
    gc_root_push(&v); /* the resize may collect */
    array_splice(a, i, 1, NULL, 0);
    gc_root_pop(1);
    return v;
}

static pv arr_tobytes_fn(int n, const pv *args, int nkw, const pv *kw) {
    parray *a = arr_self(args[0]);
    return str_new(&t_bytes, (const char *)a->data, a->len * typecode_size(a->typecode));
}

static pv items_tolist(const pitems *s) {
    pv l = list_new(0);
    gc_root_push(&l);
    for (size_t k = 0; k < s->n; k++) list_append(l, typecode_load(s->tc, item_at(s, k)));
    gc_root_pop(1);
    return l;
}

static pv arr_tolist_fn(int n, const pv *args, int nkw, const pv *kw) {
    pitems s;
    get_items((pv)arr_self(args[0]), &s);
    return items_tolist(&s);
}

static BUILTIN(arr_append, append, 2, 2, false);
static BUILTIN(arr_extend, extend, 2, 2, false);
static BUILTIN(arr_pop, pop, 1, 2, false);
static BUILTIN(arr_tobytes, tobytes, 1, 1, false);
static BUILTIN(arr_tolist, tolist, 1, 1, false);

TABLE(bytearray_locals,
      MEMBER(append, &arr_append), MEMBER(extend, &arr_extend), MEMBER(pop, &arr_pop),
      BYTEARRAY_TEXT_METHODS); /* str_methods.c */
TABLE(array_locals,
      MEMBER(append, &arr_append), MEMBER(extend, &arr_extend), MEMBER(pop, &arr_pop),
      MEMBER(tobytes, &arr_tobytes), MEMBER(tolist, &arr_tolist));

const ptype t_bytearray = {
    .type = &t_type,
    .name = &N(bytearray),
    .make = bytearray_make,
    .print = array_print,
    .unary = array_unary,
    .binary = array_binary,
    .subscr = array_subscr,
    .iter = buf_iter,
    .buffer = array_buffer,
    .attr = array_attr,
    .locals = &bytearray_locals,
};

const ptype t_array = {
    .type = &t_type,
    .name = &N(array),
    .make = array_make,
    .print = array_print,
    .unary = array_unary,
    .binary = array_binary,
    .subscr = array_subscr,
    .iter = buf_iter,
    .buffer = array_buffer,
    .attr = array_attr,
    .locals = &array_locals,
};

TABLE(mod_array_globals, MEMBER(__name__, &N(array)), MEMBER(array, &t_array));
const pmodule mod_array = {&t_module, &N(array), &mod_array_globals, PV_NULL};

/* =============================== memoryview =============================== */

/* A new view object sharing m's exporter; counts as an export of an array. */
static pmview *mv_clone(const pmview *m) {
    pmview *v = gc_alloc(sizeof(pmview));
    *v = *m;
    if (is_array(v->obj) && AR(v->obj)->exports < UINT16_MAX) AR(v->obj)->exports++;
    return v;
}

pv mview_new(pv obj) {
    pmview m = {&t_memoryview, obj, 0, 0, 0, 'B', false, false};
    if (pv_is(obj, &t_memoryview)) {
        if (MV(obj)->released) released_error();
        return PV_FROM_PTR(mv_clone(MV(obj)));
    }
    pbuf b;
    if (!rt_get_buffer(obj, &b, false)) rt_raise_msg(&t_TypeError, "object with buffer protocol required");
    if (typecode_size(b.typecode)) m.typecode = b.typecode;
    size_t isz = typecode_size(m.typecode);
    m.len = (uint32_t)(b.len / isz);
    m.stride = (int32_t)isz;
    m.readonly = !b.writable;
    return PV_FROM_PTR(mv_clone(&m));
}

static pv mv_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 1, 1);
    return mview_new(args[0]);
}

static void mv_print(pout *o, pv self, bool repr) { out_str(o, "<memoryview>"); }

static pv mv_unary(int op, pv self) {
    pitems s;
    switch (op) {
    case OP_LEN:
    case OP_BOOL:
        mv_items(MV(self), &s);
        return op == OP_LEN ? PV_FROM_INT(s.n) : PV_BOOL(s.n != 0);
    case OP_HASH: {
        mv_items(MV(self), &s);
        if (s.writable || typecode_size(s.tc) != 1)
            rt_raise_msg(&t_TypeError, "unsupported type for __hash__: 'memoryview'");
        const uint8_t *p = items_flat(&s, NULL, NULL);
        return PV_FROM_INT(str_hash_bytes((const char *)p, s.n) >> 2);
    }
    default: return PV_NULL;
    }
}

static pv mv_binary(int op, pv lhs, pv rhs) {
    if (op == OP_IN) return items_contains(lhs, rhs);
    if (op >= OP_LT && op <= OP_NE) return items_compare(op, lhs, rhs);
    return PV_NULL;
}

static _Noreturn void readonly_error(void) {
    rt_raise_msg(&t_TypeError, "'memoryview' object doesn't support item assignment");
}

static pv mv_subscr(pv self, pv index, pv value) {
    pmview *m = MV(self);
    pitems s;
    mv_items(m, &s);
    if (value == SUB_DELETE) rt_raise_msg(&t_TypeError, "'memoryview' object doesn't support item deletion");
    if (value != SUB_LOAD && m->readonly) readonly_error();
    size_t isz = typecode_size(s.tc);
    intptr_t start, stop, step;
    size_t count;
    if (rt_slice_indices(index, s.n, &start, &stop, &step, &count)) {
        if (value == SUB_LOAD) {
            pmview *v = mv_clone(m);
            int64_t stride = (int64_t)m->stride * step;
            if (count) v->start = (uint32_t)((int64_t)m->start + (int64_t)start * m->stride);
            v->len = (uint32_t)count;
            /* a step that large selects at most one item: its stride is moot */
            v->stride = stride >= INT32_MIN && stride <= INT32_MAX ? (int32_t)stride : (int32_t)isz;
            return PV_FROM_PTR(v);
        }
        pitems src;
        if (!get_items(value, &src)) rt_raise_msg(&t_NotImplementedError, "array/bytes required on right side");
        if (typecode_size(src.tc) != isz || src.n != count) compat_error();
        if (count == 0) return PV_NONE;
        pitems dst = {item_at(&s, (size_t)start), count, s.stride * step, s.tc, true};
        const uint8_t *lo = dst.stride > 0 ? dst.p : item_at(&dst, count - 1);
        const uint8_t *hi = (dst.stride > 0 ? item_at(&dst, count - 1) : dst.p) + isz;
        const uint8_t *p = items_flat(&src, lo, hi);
        for (size_t k = 0; k < count; k++) memcpy(item_at(&dst, k), p + k * isz, isz);
        return PV_NONE;
    }
    size_t i = rt_index(index, s.n, "memoryview");
    if (value == SUB_LOAD) return typecode_load(s.tc, item_at(&s, i));
    typecode_store(s.tc, item_at(&s, i), value);
    return PV_NONE;
}

static bool mv_buffer(pv self, pbuf *b, bool for_write) {
    pitems s;
    mv_items(MV(self), &s);
    if ((for_write && !s.writable) || !items_contiguous(&s)) return false;
    b->data = s.p;
    b->len = s.n * typecode_size(s.tc);
    b->typecode = s.tc;
    b->writable = s.writable;
    return true;
}

static pv tuple1(pv x) {
    gc_root_push(&x);
    pv t = tuple_new(1);
    gc_root_pop(1);
    ((ptuple *)t)->items[0] = x;
    return t;
}

static pv mv_attr(pv self, const pstr *name) {
    pmview *m = MV(self);
    if (name != &N(itemsize) && name != &N(nbytes) && name != &N(readonly) && name != &N(format) &&
        name != &N(obj) && name != &N(ndim) && name != &N(shape) && name != &N(strides) && name != &N(contiguous))
        return PV_NULL;
    pitems s;
    mv_items(m, &s);
    size_t isz = typecode_size(s.tc);
    if (name == &N(itemsize)) return PV_FROM_INT(isz);
    if (name == &N(nbytes)) return PV_FROM_INT(s.n * isz);
    if (name == &N(readonly)) return PV_BOOL(m->readonly);
    if (name == &N(format)) return str_new(&t_str, &s.tc, 1);
    if (name == &N(obj)) return m->obj;
    if (name == &N(ndim)) return PV_FROM_INT(1);
    if (name == &N(shape)) return tuple1(PV_FROM_INT(s.n));
    if (name == &N(strides)) return tuple1(rt_int(m->stride));
    return PV_BOOL(items_contiguous(&s));
}

/* ---- memoryview methods ---- */
static pmview *mv_self(pv v) { return builtin_self(v, &t_memoryview); }

static pv mv_tobytes_fn(int n, const pv *args, int nkw, const pv *kw) {
    pitems s;
    mv_items(mv_self(args[0]), &s);
    pv r = str_new(&t_bytes, NULL, s.n * typecode_size(s.tc)); /* objects never move */
    items_gather(&s, (uint8_t *)((pstr *)r)->data);
    return r;
}

static pv mv_tolist_fn(int n, const pv *args, int nkw, const pv *kw) {
    pitems s;
    mv_items(mv_self(args[0]), &s);
    return items_tolist(&s);
}

static pv mv_hex_fn(int n, const pv *args, int nkw, const pv *kw) {
    pitems s;
    mv_items(mv_self(args[0]), &s);
    return hex_of(&s, n, args);
}

static pv mv_toreadonly_fn(int n, const pv *args, int nkw, const pv *kw) {
    pitems s;
    mv_items(mv_self(args[0]), &s);
    pmview *v = mv_clone(mv_self(args[0]));
    v->readonly = true;
    return PV_FROM_PTR(v);
}

static pv mv_cast_fn(int n, const pv *args, int nkw, const pv *kw) {
    pmview *m = mv_self(args[0]);
    pitems s;
    mv_items(m, &s);
    pstr *f = (pstr *)args[1];
    if (!pv_is(args[1], &t_str)) rt_raise_msg(&t_TypeError, "memoryview: format argument must be a string");
    if (f->len != 1 || !typecode_size(f->data[0]))
        rt_raise_msg(&t_ValueError,
                     "memoryview: destination format must be a native single character format prefixed with an optional '@'");
    char tc = f->data[0];
    size_t from = typecode_size(s.tc), to = typecode_size(tc), nb = s.n * from;
    if (!items_contiguous(&s)) rt_raise_msg(&t_TypeError, "memoryview: casts are restricted to C-contiguous views");
    if (from != 1 && to != 1)
        rt_raise_msg(&t_TypeError, "memoryview: cannot cast between two non-byte formats");
    if (nb % to) rt_raise_msg(&t_TypeError, "memoryview: length is not a multiple of itemsize");
    pmview *v = mv_clone(m);
    v->typecode = tc;
    v->len = (uint32_t)(nb / to);
    v->stride = (int32_t)to;
    return PV_FROM_PTR(v);
}

static pv mv_release_fn(int n, const pv *args, int nkw, const pv *kw) {
    pmview *m = mv_self(args[0]);
    if (!m->released) {
        m->released = true;
        if (is_array(m->obj) && AR(m->obj)->exports > 0 && AR(m->obj)->exports < UINT16_MAX)
            AR(m->obj)->exports--;
    }
    return PV_NONE;
}

static pv mv_enter_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (mv_self(args[0])->released) released_error();
    return args[0];
}

static pv mv_exit_fn(int n, const pv *args, int nkw, const pv *kw) {
    mv_release_fn(1, args, 0, NULL);
    return PV_NONE;
}

static BUILTIN(mv_tobytes, tobytes, 1, 1, false);
static BUILTIN(mv_tolist, tolist, 1, 1, false);
static BUILTIN(mv_hex, hex, 1, 3, false);
static BUILTIN(mv_toreadonly, toreadonly, 1, 1, false);
static BUILTIN(mv_cast, cast, 2, 3, false);
static BUILTIN(mv_release, release, 1, 1, false);
static BUILTIN(mv_enter, __enter__, 1, 1, false);
static BUILTIN(mv_exit, __exit__, 1, 4, false);

TABLE(mview_locals,
      MEMBER(__enter__, &mv_enter), MEMBER(__exit__, &mv_exit), MEMBER(cast, &mv_cast),
      MEMBER(hex, &mv_hex), MEMBER(release, &mv_release), MEMBER(tobytes, &mv_tobytes),
      MEMBER(tolist, &mv_tolist), MEMBER(toreadonly, &mv_toreadonly));

const ptype t_memoryview = {
    .type = &t_type,
    .name = &N(memoryview),
    .make = mv_make,
    .print = mv_print,
    .unary = mv_unary,
    .binary = mv_binary,
    .subscr = mv_subscr,
    .iter = buf_iter,
    .buffer = mv_buffer,
    .attr = mv_attr,
    .locals = &mview_locals,
};
