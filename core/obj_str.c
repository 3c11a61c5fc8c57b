/* obj_str.c — str and bytes (one representation, two types): construction,
 * interning, UTF-8, printing, operators, indexing; and the output streams.
 * Their methods are in str_methods.c, formatting in str_format.c.
 *
 * A str holds UTF-8 and indexes by code point; bytes index by byte. */
#include <string.h>

#include "hal.h"
#include "str.h"
#include "vm.h"

/* ---- output streams ---- */
static void stdout_write(pout *o, const char *s, size_t n) { hal_stdout(s, n); }
pout rt_stdout = {stdout_write};

void out_n(pout *o, const char *s, size_t n) { o->write(o, s, n); }
void out_str(pout *o, const char *s) { o->write(o, s, strlen(s)); }
void out_char(pout *o, char c) { o->write(o, &c, 1); }

void out_int(pout *o, int64_t v) {
    char buf[24];
    int k = sizeof buf;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do buf[--k] = (char)('0' + u % 10); while ((u /= 10) != 0);
    if (v < 0) buf[--k] = '-';
    out_n(o, buf + k, sizeof buf - (size_t)k);
}

void out_hex(pout *o, uint64_t v, int upper) {
    char buf[16];
    int k = sizeof buf;
    const char *digits = upper ? "0123456789ABCDEF" : str_hex_digits;
    do buf[--k] = digits[v & 15]; while ((v >>= 4) != 0);
    out_n(o, buf + k, sizeof buf - (size_t)k);
}

static void vstr_write(pout *o, const char *s, size_t n) { vstr_add((vstr *)o, s, n); }

void vstr_init(vstr *v, size_t cap) {
    v->out.write = vstr_write;
    v->len = 0;
    v->cap = cap ? cap : 1;
    v->buf = gc_alloc(v->cap);
}

/* Room for n more bytes; a MemoryError names the whole size. */
void vstr_reserve(vstr *v, size_t n) {
    if (n > SIZE_MAX - v->len) rt_memory_error(SIZE_MAX);
    if (v->len + n > v->cap) {
        v->buf = gc_realloc(v->buf, v->len + n);
        v->cap = v->len + n;
    }
}

void vstr_add(vstr *v, const char *s, size_t n) {
    if (v->len + n > v->cap) vstr_reserve(v, v->cap > n ? v->cap : n);
    memcpy(v->buf + v->len, s, n);
    v->len += n;
}

pv vstr_to_str(vstr *v, const ptype *type) {
    v->buf = gc_realloc(v->buf, v->len + 1);
    v->buf[v->len] = 0;
    pv keep = (pv)v->buf;
    gc_root_push(&keep);
    pstr *s = gc_alloc(sizeof(pstr));
    gc_root_pop(1);
    s->type = type;
    s->len = (uint32_t)v->len;
    s->data = v->buf;
    v->buf = NULL;
    return (pv)s;
}

/* ---- construction, hashing, interning ---- */
uint32_t str_hash_bytes(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h ? h : 1;
}

/* Not cached: names are short, and a field in every str costs flash and heap. */
static uint32_t str_hash(const pstr *s) { return str_hash_bytes(s->data, s->len); }

pv str_new(const ptype *t, const char *s, size_t n) {
    pstr *o = gc_alloc_try(sizeof(pstr) + n + 1);
    if (!o) rt_memory_error(n);
    char *d = (char *)(o + 1);
    if (s) memcpy(d, s, n);
    d[n] = 0;
    o->type = t;
    o->len = (uint32_t)n;
    o->data = d;
    return (pv)o;
}

pv str_from_c(const char *s) { return str_new(&t_str, s, strlen(s)); }

bool str_eq(const pstr *a, const pstr *b) {
    return a == b || (a->len == b->len && memcmp(a->data, b->data, a->len) == 0);
}

const pstr *str_intern_static(const char *s, size_t n) {
    for (unsigned i = 0; i < NAMES_COUNT; i++) {
        const pstr *p = &names_table[i];
        if (p->len == n && memcmp(p->data, s, n) == 0) return p;
    }
    return NULL;
}

pv str_intern(const char *s, size_t n) {
    const pstr *p = str_intern_static(s, n);
    if (p) return (pv)p;
    if (!vm_intern) vm_intern = list_new(0);
    plist *l = (plist *)vm_intern;
    for (size_t i = 0; i < l->len; i++) {
        pstr *q = (pstr *)l->items[i];
        if (q->len == n && memcmp(q->data, s, n) == 0) return (pv)q;
    }
    pv v = str_new(&t_str, s, n);
    list_append(vm_intern, v);
    return v;
}

/* ---- the views and results the methods share (str.h) ---- */
void str_view(pv v, sview *s) {
    if (pv_is(v, &t_str) || pv_is(v, &t_bytes)) {
        const pstr *p = (const pstr *)v;
        s->type = p->type;
        s->p = p->data;
        s->n = p->len;
    } else if (pv_is(v, &t_bytearray)) {
        const parray *a = (const parray *)v;
        s->type = &t_bytearray;
        s->p = (const char *)a->data;
        s->n = a->len;
    } else {
        rt_raise_fmt(&t_TypeError, "expected str, bytes or bytearray, not '%s'", rt_type_name(v));
    }
}

pv str_result(const ptype *t, const char *p, size_t n) {
    if (t != &t_bytearray) return str_new(t, p, n);
    pv a = array_new(&t_bytearray, 'B', n);
    if (n) memcpy(((parray *)a)->data, p, n);
    return a;
}

pv str_from_vstr(vstr *v, const ptype *t) {
    if (t != &t_bytearray) return vstr_to_str(v, t);
    gc_root_push((pv *)&v->buf);
    pv a = str_result(t, v->buf, v->len);
    gc_root_pop(1);
    gc_free(v->buf);
    v->buf = NULL;
    return a;
}

_Noreturn void str_bad_conversion(pv arg, const ptype *to) {
    rt_raise_fmt(&t_TypeError, "can't convert '%s' object to %s implicitly", rt_type_name(arg), to->name->data);
}

/* ---- UTF-8 ---- */
size_t utf8_encode(uint32_t cp, char out[4]) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    size_t n = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    static const uint8_t lead[5] = {0, 0, 0xC0, 0xE0, 0xF0};
    for (size_t i = n - 1; i > 0; i--) {
        out[i] = (char)(0x80 | (cp & 0x3F));
        cp >>= 6;
    }
    out[0] = (char)(lead[n] | cp);
    return n;
}

static bool is_cont(char c) { return ((uint8_t)c & 0xC0) == 0x80; }

size_t utf8_len(const char *s, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += !is_cont(s[i]);
    return k;
}

size_t utf8_char_len(const char *s, size_t n, size_t i) {
    size_t e = i + 1;
    while (e < n && is_cont(s[e])) e++;
    return e - i;
}

uint32_t utf8_decode(const char *s, size_t n, size_t *i) {
    size_t k = utf8_char_len(s, n, *i);
    uint32_t c = (uint8_t)s[*i];
    if (k > 1) c &= 0x3F >> (k < 7 ? k - 1 : 6); /* a run of stray continuation bytes: no shift past the word */
    for (size_t j = 1; j < k; j++) c = (c << 6) | ((uint8_t)s[*i + j] & 0x3F);
    *i += k;
    return c;
}

size_t utf8_offset(const char *s, size_t n, size_t i) {
    size_t off = 0;
    for (; i > 0 && off < n; i--) off += utf8_char_len(s, n, off);
    return off;
}

/* Well-formed lead and continuation bytes (what decoding requires). */
bool utf8_valid(const char *s, size_t n) {
    for (size_t i = 0; i < n;) {
        uint8_t c = (uint8_t)s[i++];
        size_t more = c < 0x80 ? 0 : c >= 0xC2 && c < 0xE0 ? 1 : c >= 0xE0 && c < 0xF0 ? 2 : c >= 0xF0 && c < 0xF5 ? 3 : 4;
        if (more > 3 || more > n - i) return false;
        for (; more; more--)
            if (!is_cont(s[i++])) return false;
    }
    return true;
}

static bool is_str(pv v) { return pv_is(v, &t_str); }
static size_t str_length(const pstr *s) { return s->type == &t_str ? utf8_len(s->data, s->len) : s->len; }

/* ---- printing ---- */
const char str_hex_digits[] = "0123456789abcdef";

/* Escapes as MicroPython does: in a str every code point outside printable
 * ASCII becomes \xNN, \uNNNN or \UNNNNNNNN; in bytes every byte outside it. */
static void print_quoted(pout *o, const char *p, size_t n, bool bytes) {
    char q = '\'';
    if (n && memchr(p, '\'', n) && !memchr(p, '"', n)) q = '"';
    out_char(o, q);
    for (size_t i = 0; i < n;) {
        uint32_t c = bytes ? (uint8_t)p[i++] : utf8_decode(p, n, &i);
        if (c == (uint8_t)q || c == '\\') {
            out_char(o, '\\');
            out_char(o, (char)c);
        } else if (c >= 0x20 && c < 0x7F) {
            out_char(o, (char)c);
        } else if (c == '\n') {
            out_str(o, "\\n");
        } else if (c == '\r') {
            out_str(o, "\\r");
        } else if (c == '\t') {
            out_str(o, "\\t");
        } else {
            int digits = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
            out_char(o, '\\');
            out_char(o, digits == 2 ? 'x' : digits == 4 ? 'u' : 'U');
            while (digits--) out_char(o, str_hex_digits[(c >> (4 * digits)) & 15]);
        }
    }
    out_char(o, q);
}

void print_bytes(pout *o, const uint8_t *p, size_t n, char quote_pref) {
    if (quote_pref) out_char(o, quote_pref);
    print_quoted(o, (const char *)p, n, true);
}

static void str_print(pout *o, pv self, bool repr) {
    pstr *s = (pstr *)self;
    if (s->type == &t_bytes) {
        print_bytes(o, (const uint8_t *)s->data, s->len, 'b');
    } else if (repr) {
        print_quoted(o, s->data, s->len, false);
    } else {
        out_n(o, s->data, s->len);
    }
}

/* ---- operators ---- */
static pv str_unary(int op, pv self) {
    pstr *s = (pstr *)self;
    switch (op) {
    case OP_LEN: return PV_FROM_INT(str_length(s));
    case OP_BOOL: return PV_BOOL(s->len != 0);
    case OP_HASH: return PV_FROM_INT(str_hash(s) >> 2);
    default: return PV_NULL;
    }
}

static bool is_intlike(pv v) { return PV_IS_INT(v) || pv_is(v, &t_int) || pv_is(v, &t_bool); }

/* s * times: MemoryError names the size when it cannot fit */
static pv str_repeat(const pstr *p, int64_t times) {
    if (times <= 0 || p->len == 0) return str_new(p->type, "", 0);
    if ((uint64_t)times > 0xFFFFFFFFu / p->len) rt_memory_error((size_t)((uint64_t)times * p->len));
    size_t n = (size_t)times * p->len;
    pv r = str_new(p->type, NULL, n);
    char *d = (char *)((pstr *)r)->data;
    for (size_t i = 0; i < n; i += p->len) memcpy(d + i, p->data, p->len);
    return r;
}

static pv str_binary(int op, pv a, pv b) {
    int base = op & ~OP_INPLACE;
    if (base == OP_MUL) {
        pv s = pv_is(a, &t_str) || pv_is(a, &t_bytes) ? a : b;
        pv k = s == a ? b : a;
        if (!is_intlike(k)) return PV_NULL;
        return str_repeat((const pstr *)s, rt_to_int(k));
    }
    if (!pv_is(a, &t_str) && !pv_is(a, &t_bytes)) return PV_NULL;
    if (base == OP_MOD) return str_percent(a, b);
    pstr *x = (pstr *)a;
    const char *yd;
    size_t yn;
    pbuf yb;
    if (x->type == &t_str) {
        if (!is_str(b)) {
            if (base == OP_EQ || base == OP_NE) return PV_BOOL(base == OP_NE);
            if (base != OP_ADD && base != OP_IN) return PV_NULL; /* 'a' < 1: unsupported types */
            str_bad_conversion(b, &t_str);
        }
        yd = ((pstr *)b)->data;
        yn = ((pstr *)b)->len;
    } else if (base == OP_IN && is_intlike(b)) {
        int64_t c = rt_to_int(b);
        if (c < 0 || c > 255) rt_raise_msg(&t_ValueError, "byte must be in range(0, 256)");
        return PV_BOOL(memchr(x->data, (int)c, x->len) != NULL);
    } else if (!is_str(b) && rt_get_buffer(b, &yb, false) && yb.typecode != 'f') {
        yd = (const char *)yb.data;
        yn = yb.len;
    } else {
        return base == OP_EQ || base == OP_NE ? PV_BOOL(base == OP_NE) : PV_NULL;
    }
    size_t m = x->len < yn ? x->len : yn;
    int c = memcmp(x->data, yd, m);
    if (c == 0) c = x->len < yn ? -1 : x->len > yn ? 1 : 0;
    switch (base) {
    COMPARE_CASES(c, 0)
    case OP_IN: {
        sview h = {x->type, x->data, x->len};
        return PV_BOOL(str_contains(&h, yd, yn));
    }
    case OP_ADD: {
        pv r = str_new(x->type, NULL, (size_t)x->len + yn); /* objects never move: yd stays valid */
        memcpy((char *)((pstr *)r)->data, x->data, x->len);
        memcpy((char *)((pstr *)r)->data + x->len, yd, yn);
        return r;
    }
    default: return PV_NULL;
    }
}

static pv str_subscr(pv self, pv index, pv value) {
    pstr *s = (pstr *)self;
    bool isb = s->type == &t_bytes;
    if (value != SUB_LOAD) {
        if (value == SUB_DELETE) rt_raise_fmt(&t_TypeError, "'%s' object doesn't support item deletion", s->type->name->data);
        rt_raise_fmt(&t_TypeError, "'%s' object doesn't support item assignment", s->type->name->data);
    }
    intptr_t start, stop, step;
    size_t count;
    size_t len = str_length(s);
    bool ascii = isb || len == s->len;
    if (rt_slice_indices(index, len, &start, &stop, &step, &count)) {
        if (ascii && step == 1) return str_new(s->type, s->data + start, count);
        vstr v;
        vstr_init(&v, count + 1);
        gc_root_push((pv *)&v.buf);
        for (size_t i = 0; i < count; i++) {
            size_t k = (size_t)(start + (intptr_t)i * step);
            size_t off = ascii ? k : utf8_offset(s->data, s->len, k);
            vstr_add(&v, s->data + off, ascii ? 1 : utf8_char_len(s->data, s->len, off));
        }
        gc_root_pop(1);
        return vstr_to_str(&v, s->type);
    }
    if (!is_intlike(index)) rt_raise_fmt(&t_TypeError, "%s indices must be integers, not %s", isb ? "bytes" : "string", rt_type_name(index));
    size_t i = rt_index(index, len, isb ? "bytes" : "string");
    if (isb) return PV_FROM_INT((uint8_t)s->data[i]);
    size_t off = ascii ? i : utf8_offset(s->data, s->len, i);
    return str_new(&t_str, s->data + off, utf8_char_len(s->data, s->len, off));
}

static bool str_buffer(pv self, pbuf *b, bool for_write) {
    if (for_write) return false;
    pstr *s = (pstr *)self;
    b->data = (uint8_t *)s->data;
    b->len = s->len;
    b->typecode = 'B';
    b->writable = false;
    return true;
}

static pv str_iter(pv self) { return seq_iter_new(self); }

/* ---- constructors ---- */
/* bytes to str: the UTF-8 must be well formed (UnicodeError otherwise, as
 * MicroPython); the encoding and errors arguments are accepted and ignored */
pv str_decode(pv obj) {
    pbuf b;
    rt_need_buffer(obj, &b, false);
    if (!utf8_valid((const char *)b.data, b.len)) {
        pv none = tuple_new(0);
        gc_root_push(&none);
        rt_raise(exc_new(&t_UnicodeError, none));
    }
    return str_new(&t_str, (const char *)b.data, b.len);
}

static pv str_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 0, 3);
    if (n == 0) return str_new(&t_str, "", 0);
    if (n >= 2 || nkw) return str_decode(args[0]); /* an encoding or errors argument */
    return rt_str(args[0]);
}

static _Noreturn void wrong_args(void) { rt_raise_msg(&t_TypeError, "wrong number of arguments"); }

static pv bytes_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    if (n == 0) return str_new(&t_bytes, "", 0);
    pv x = args[0];
    if (is_str(x)) {
        if ((n < 2 && !nkw) || n > 3) wrong_args();
        return str_new(&t_bytes, ((pstr *)x)->data, ((pstr *)x)->len);
    }
    if (n > 1) wrong_args();
    if (is_intlike(x)) {
        int64_t k = rt_to_int(x);
        if (k < 0) rt_raise_msg(&t_ValueError, "negative count");
        return str_new(&t_bytes, NULL, (size_t)k);
    }
    if (pv_is(x, &t_memoryview)) {
        pv self;
        pv m = rt_lookup_method(x, &N(tobytes), &self);
        return rt_call(m, 1, &self, 0, NULL);
    }
    pbuf b;
    if (rt_get_buffer(x, &b, false)) return str_new(&t_bytes, (const char *)b.data, b.len);
    /* an iterable of ints */
    vstr v;
    vstr_init(&v, 8);
    gc_root_push((pv *)&v.buf);
    pv it = rt_iter(x);
    gc_root_push(&it);
    pv item;
    while ((item = rt_next(it)) != PV_NULL) {
        int64_t c = rt_to_int(item);
        if (c < 0 || c > 255) rt_raise_msg(&t_ValueError, "bytes value out of range");
        char ch = (char)c;
        vstr_add(&v, &ch, 1);
    }
    gc_root_pop(2);
    return vstr_to_str(&v, &t_bytes);
}

extern const ptable str_locals, bytes_locals;

const ptype t_str = {TYPE_HEAD(str), .make = str_make, .print = str_print, .unary = str_unary,
                     .binary = str_binary, .subscr = str_subscr, .iter = str_iter, .buffer = str_buffer,
                     .locals = &str_locals};
const ptype t_bytes = {TYPE_HEAD(bytes), .make = bytes_make, .print = str_print, .unary = str_unary,
                       .binary = str_binary, .subscr = str_subscr, .iter = str_iter, .buffer = str_buffer,
                       .locals = &bytes_locals};
