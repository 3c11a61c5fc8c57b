/* obj_str.c — str and bytes (one representation, two types), interned
 * names, the output streams and string formatting (% and str.format).
 *
 * A str holds UTF-8 and indexes by code point; bytes index by byte. Most
 * methods serve both, keeping the type of their receiver. */
#include <string.h>

#include "hal.h"
#include "obj.h"
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
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
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

void vstr_add(vstr *v, const char *s, size_t n) {
    if (v->len + n > v->cap) {
        size_t cap = v->cap * 2 > v->len + n ? v->cap * 2 : v->len + n;
        char *nb = gc_realloc(v->buf, cap);
        v->buf = nb;
        v->cap = cap;
    }
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

size_t utf8_encode(uint32_t cp, char out[4]) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t utf8_len(const char *s, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += ((uint8_t)s[i] & 0xC0) != 0x80;
    return k;
}

/* byte offset of code point i */
static size_t utf8_offset(const pstr *s, size_t i) {
    size_t off = 0;
    while (i > 0 && off < s->len) {
        off++;
        while (off < s->len && ((uint8_t)s->data[off] & 0xC0) == 0x80) off++;
        i--;
    }
    return off;
}

static bool is_str(pv v) { return pv_is(v, &t_str); }
static size_t str_length(const pstr *s) { return s->type == &t_str ? utf8_len(s->data, s->len) : s->len; }

/* ---- printing ---- */
static void print_quoted(pout *o, const uint8_t *p, size_t n, bool bytes) {
    char q = '\'';
    if (n && memchr(p, '\'', n) && !memchr(p, '"', n)) q = '"';
    out_char(o, q);
    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];
        if (c == (uint8_t)q || c == '\\') {
            out_char(o, '\\');
            out_char(o, (char)c);
        } else if (c == '\n') {
            out_str(o, "\\n");
        } else if (c == '\r') {
            out_str(o, "\\r");
        } else if (c == '\t') {
            out_str(o, "\\t");
        } else if (c < 0x20 || c == 0x7F || (bytes && c >= 0x80)) {
            out_str(o, "\\x");
            out_char(o, "0123456789abcdef"[c >> 4]);
            out_char(o, "0123456789abcdef"[c & 15]);
        } else {
            out_char(o, (char)c);
        }
    }
    out_char(o, q);
}

void print_bytes(pout *o, const uint8_t *p, size_t n, char quote_pref) {
    if (quote_pref) out_char(o, quote_pref);
    print_quoted(o, p, n, true);
}

static void str_print(pout *o, pv self, bool repr) {
    pstr *s = (pstr *)self;
    if (s->type == &t_bytes) {
        print_bytes(o, (const uint8_t *)s->data, s->len, 'b');
    } else if (repr) {
        print_quoted(o, (const uint8_t *)s->data, s->len, false);
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

static const char *find_bytes(const char *h, size_t hn, const char *n, size_t nn) {
    if (nn == 0) return h;
    for (size_t i = 0; i + nn <= hn; i++)
        if (h[i] == n[0] && memcmp(h + i, n, nn) == 0) return h + i;
    return NULL;
}

static pv str_binary(int op, pv a, pv b) {
    int base = op & ~OP_INPLACE;
    if (base == OP_MUL) {
        pv s = pv_is(a, &t_str) || pv_is(a, &t_bytes) ? a : b;
        pv k = s == a ? b : a;
        if (!PV_IS_INT(k) && !pv_is(k, &t_bool) && !pv_is(k, &t_int)) return PV_NULL;
        int64_t times = rt_to_int(k);
        pstr *p = (pstr *)s;
        if (times <= 0) return str_new(p->type, "", 0);
        if ((uint64_t)times * p->len > 0xFFFFFF) rt_memory_error((size_t)(times * p->len));
        pv r = str_new(p->type, NULL, (size_t)times * p->len);
        char *d = (char *)((pstr *)r)->data;
        for (int64_t i = 0; i < times; i++) memcpy(d + i * p->len, p->data, p->len);
        return r;
    }
    if (!pv_is(a, &t_str) && !pv_is(a, &t_bytes)) return PV_NULL;
    pstr *x = (pstr *)a;
    if (x->type == &t_str) {
        if (base == OP_MOD) {
            extern pv str_percent(pv fmt, pv args);
            return str_percent(a, b);
        }
        if (!is_str(b)) {
            return base == OP_EQ || base == OP_NE ? PV_BOOL(base == OP_NE) : PV_NULL;
        }
        pstr *y = (pstr *)b;
        if (base == OP_IN) return PV_BOOL(find_bytes(x->data, x->len, y->data, y->len) != NULL);
        if (base == OP_ADD) {
            pv r = str_new(&t_str, NULL, (size_t)x->len + y->len);
            memcpy((char *)((pstr *)r)->data, x->data, x->len);
            memcpy((char *)((pstr *)r)->data + x->len, y->data, y->len);
            return r;
        }
    }
    /* bytes: the other operand may be any buffer */
    pbuf yb;
    const uint8_t *yd;
    size_t yn;
    if (is_str(b) && x->type == &t_str) {
        yd = (const uint8_t *)((pstr *)b)->data;
        yn = ((pstr *)b)->len;
    } else if (x->type == &t_bytes && base == OP_IN && (PV_IS_INT(b) || pv_is(b, &t_int))) {
        int64_t c = rt_to_int(b);
        if (c < 0 || c > 255) rt_raise_msg(&t_ValueError, "byte must be in range(0, 256)");
        return PV_BOOL(memchr(x->data, (int)c, x->len) != NULL);
    } else if (x->type == &t_bytes && !is_str(b) && rt_get_buffer(b, &yb, false) && yb.typecode != 'f') {
        yd = yb.data;
        yn = yb.len;
    } else {
        return base == OP_EQ || base == OP_NE ? PV_BOOL(base == OP_NE) : PV_NULL;
    }
    size_t m = x->len < yn ? x->len : yn;
    int c = memcmp(x->data, yd, m);
    if (c == 0) c = x->len < yn ? -1 : x->len > yn ? 1 : 0;
    switch (base) {
    case OP_EQ: return PV_BOOL(x->len == yn && c == 0);
    case OP_NE: return PV_BOOL(!(x->len == yn && c == 0));
    case OP_LT: return PV_BOOL(c < 0);
    case OP_LE: return PV_BOOL(c <= 0);
    case OP_GT: return PV_BOOL(c > 0);
    case OP_GE: return PV_BOOL(c >= 0);
    case OP_IN: return PV_BOOL(find_bytes(x->data, x->len, (const char *)yd, yn) != NULL);
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
    if (rt_slice_indices(index, len, &start, &stop, &step, &count)) {
        if (isb || len == s->len) {
            if (step == 1) return str_new(s->type, s->data + start, count);
            pv r = str_new(s->type, NULL, count);
            char *d = (char *)((pstr *)r)->data;
            for (size_t i = 0; i < count; i++) d[i] = s->data[start + (intptr_t)i * step];
            return r;
        }
        vstr v;
        vstr_init(&v, count + 1);
        gc_root_push((pv *)&v.buf);
        for (size_t i = 0; i < count; i++) {
            size_t off = utf8_offset(s, (size_t)(start + (intptr_t)i * step)), e = off + 1;
            while (e < s->len && ((uint8_t)s->data[e] & 0xC0) == 0x80) e++;
            vstr_add(&v, s->data + off, e - off);
        }
        gc_root_pop(1);
        return vstr_to_str(&v, &t_str);
    }
    size_t i = rt_index(index, len, isb ? "bytes" : "string");
    if (isb) return PV_FROM_INT((uint8_t)s->data[i]);
    size_t off = len == s->len ? i : utf8_offset(s, i), e = off + 1;
    while (e < s->len && ((uint8_t)s->data[e] & 0xC0) == 0x80) e++;
    return str_new(&t_str, s->data + off, e - off);
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

pv seq_iter_new(pv seq);
static pv str_iter(pv self) { return seq_iter_new(self); }

/* ---- constructors ---- */
static pv decode_buffer(pv obj) {
    pbuf b;
    rt_need_buffer(obj, &b, false);
    return str_new(&t_str, (const char *)b.data, b.len);
}

static pv str_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 0, 3);
    if (n == 0) return str_new(&t_str, "", 0);
    if (n >= 2) return decode_buffer(args[0]);
    return rt_str(args[0]);
}

static pv bytes_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 0, 3);
    if (n == 0) return str_new(&t_bytes, "", 0);
    pv x = args[0];
    if (is_str(x)) {
        if (n < 2) rt_raise_msg(&t_TypeError, "string argument without an encoding");
        return str_new(&t_bytes, ((pstr *)x)->data, ((pstr *)x)->len);
    }
    if (PV_IS_INT(x) || pv_is(x, &t_int)) {
        int64_t k = rt_to_int(x);
        if (k < 0) rt_raise_msg(&t_ValueError, "negative count");
        return str_new(&t_bytes, NULL, (size_t)k);
    }
    pbuf b;
    if (pv_is(x, &t_memoryview)) {
        pv self;
        pv m = rt_lookup_method(x, &N(tobytes), &self);
        return rt_call(m, 1, &self, 0, NULL);
    }
    if (rt_get_buffer(x, &b, false)) {
        if (b.typecode != 'B' && b.typecode != 'b') {
            /* an array of wider items: its raw bytes */
        }
        return str_new(&t_bytes, (const char *)b.data, b.len);
    }
    /* an iterable of ints */
    vstr v;
    vstr_init(&v, 8);
    gc_root_push((pv *)&v.buf);
    pv it = rt_iter(x);
    gc_root_push(&it);
    pv item;
    while ((item = rt_next(it)) != PV_NULL) {
        int64_t c = rt_to_int(item);
        if (c < 0 || c > 255) rt_raise_msg(&t_ValueError, "bytes must be in range(0, 256)");
        char ch = (char)c;
        vstr_add(&v, &ch, 1);
    }
    gc_root_pop(2);
    return vstr_to_str(&v, &t_bytes);
}

/* ---- methods ---- */
static pstr *self_str(pv v) {
    if (!pv_is(v, &t_str) && !pv_is(v, &t_bytes)) rt_raise_msg(&t_TypeError, "expected str or bytes");
    return (pstr *)v;
}

/* the argument as the same kind as self (str with str, any buffer with bytes) */
static void arg_bytes(pstr *self, pv arg, const char **p, size_t *n) {
    if (self->type == &t_str) {
        if (!is_str(arg)) rt_raise_fmt(&t_TypeError, "can't convert '%s' object to str implicitly", rt_type_name(arg));
        *p = ((pstr *)arg)->data;
        *n = ((pstr *)arg)->len;
        return;
    }
    pbuf b;
    if (is_str(arg) || !rt_get_buffer(arg, &b, false))
        rt_raise_fmt(&t_TypeError, "a bytes-like object is required, not '%s'", rt_type_name(arg));
    *p = (const char *)b.data;
    *n = b.len;
}

static pv find_common(int n, const pv *args, bool rev, bool raise) {
    pstr *s = self_str(args[0]);
    const char *sub;
    size_t sn;
    arg_bytes(s, args[1], &sub, &sn);
    size_t len = s->len;
    intptr_t start = 0, end = (intptr_t)len;
    if (n > 2 && args[2] != PV_NONE) {
        start = (intptr_t)rt_to_int(args[2]);
        if (start < 0) start += (intptr_t)len;
        if (start < 0) start = 0;
    }
    if (n > 3 && args[3] != PV_NONE) {
        end = (intptr_t)rt_to_int(args[3]);
        if (end < 0) end += (intptr_t)len;
        if (end > (intptr_t)len) end = (intptr_t)len;
    }
    intptr_t found = -1;
    if (start <= end && (size_t)(end - start) >= sn) {
        if (!rev) {
            const char *p = find_bytes(s->data + start, (size_t)(end - start), sub, sn);
            if (p) found = p - s->data;
        } else {
            for (intptr_t i = end - (intptr_t)sn; i >= start; i--)
                if (memcmp(s->data + i, sub, sn) == 0) {
                    found = i;
                    break;
                }
        }
    }
    if (found < 0 && raise) rt_raise_msg(&t_ValueError, "substring not found");
    if (found >= 0 && s->type == &t_str) found = (intptr_t)utf8_len(s->data, (size_t)found);
    return PV_FROM_INT(found);
}

static pv str_find_fn(int n, const pv *a, int nkw, const pv *kw) { return find_common(n, a, false, false); }
static pv str_rfind_fn(int n, const pv *a, int nkw, const pv *kw) { return find_common(n, a, true, false); }
static pv str_index_fn(int n, const pv *a, int nkw, const pv *kw) { return find_common(n, a, false, true); }

static pv str_count_fn(int n, const pv *args, int nkw, const pv *kw) {
    pstr *s = self_str(args[0]);
    const char *sub;
    size_t sn;
    arg_bytes(s, args[1], &sub, &sn);
    if (sn == 0) return PV_FROM_INT(str_length(s) + 1);
    size_t k = 0;
    for (size_t i = 0; i + sn <= s->len;) {
        if (memcmp(s->data + i, sub, sn) == 0) {
            k++;
            i += sn;
        } else {
            i++;
        }
    }
    return PV_FROM_INT(k);
}

static pv str_replace_fn(int n, const pv *args, int nkw, const pv *kw) {
    pstr *s = self_str(args[0]);
    const char *old, *new_;
    size_t on, nn;
    arg_bytes(s, args[1], &old, &on);
    arg_bytes(s, args[2], &new_, &nn);
    int64_t max = n > 3 ? rt_to_int(args[3]) : -1;
    vstr v;
    vstr_init(&v, s->len + 1);
    gc_root_push((pv *)&v.buf);
    size_t i = 0;
    while (i <= s->len) {
        const char *p = max != 0 && on ? find_bytes(s->data + i, s->len - i, old, on) : NULL;
        if (!p) {
            vstr_add(&v, s->data + i, s->len - i);
            break;
        }
        vstr_add(&v, s->data + i, (size_t)(p - s->data) - i);
        vstr_add(&v, new_, nn);
        i = (size_t)(p - s->data) + on;
        if (max > 0) max--;
    }
    gc_root_pop(1);
    return vstr_to_str(&v, s->type);
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static pv split_common(int n, const pv *args, bool rev) {
    pstr *s = self_str(args[0]);
    pv result = list_new(0);
    gc_root_push(&result);
    int64_t max = n > 2 ? rt_to_int(args[2]) : -1;
    const char *d = s->data;
    size_t len = s->len;
    if (n < 2 || args[1] == PV_NONE) {
        size_t i = 0;
        while (i < len) {
            while (i < len && is_space(d[i])) i++;
            if (i >= len) break;
            size_t j = i;
            if (max == 0) {
                j = len;
                while (j > i && is_space(d[j - 1])) j--;
            } else {
                while (j < len && !is_space(d[j])) j++;
            }
            list_append(result, str_new(s->type, d + i, j - i));
            if (max > 0) max--;
            i = j;
        }
    } else {
        const char *sep;
        size_t sn;
        arg_bytes(s, args[1], &sep, &sn);
        if (sn == 0) rt_raise_msg(&t_ValueError, "empty separator");
        if (!rev) {
            size_t i = 0;
            for (;;) {
                const char *p = max != 0 ? find_bytes(d + i, len - i, sep, sn) : NULL;
                if (!p) {
                    list_append(result, str_new(s->type, d + i, len - i));
                    break;
                }
                list_append(result, str_new(s->type, d + i, (size_t)(p - d) - i));
                i = (size_t)(p - d) + sn;
                if (max > 0) max--;
            }
        } else {
            /* rsplit: collect from the right, then reverse */
            intptr_t end = (intptr_t)len;
            for (;;) {
                intptr_t k = -1;
                if (max != 0)
                    for (intptr_t i = end - (intptr_t)sn; i >= 0; i--)
                        if (memcmp(d + i, sep, sn) == 0) {
                            k = i;
                            break;
                        }
                if (k < 0) {
                    list_append(result, str_new(s->type, d, (size_t)end));
                    break;
                }
                list_append(result, str_new(s->type, d + k + sn, (size_t)(end - k - (intptr_t)sn)));
                end = k;
                if (max > 0) max--;
            }
            plist *l = (plist *)result;
            for (size_t i = 0; i < l->len / 2; i++) {
                pv t = l->items[i];
                l->items[i] = l->items[l->len - 1 - i];
                l->items[l->len - 1 - i] = t;
            }
        }
    }
    gc_root_pop(1);
    return result;
}

static pv str_split_fn(int n, const pv *a, int nkw, const pv *kw) { return split_common(n, a, false); }
static pv str_rsplit_fn(int n, const pv *a, int nkw, const pv *kw) { return split_common(n, a, true); }

static pv str_join_fn(int n, const pv *args, int nkw, const pv *kw) {
    pstr *s = self_str(args[0]);
    pv items = args[1];
    pv tmp = PV_NULL;
    gc_root_push(&tmp);
    if (!pv_is(items, &t_list) && !pv_is(items, &t_tuple)) {
        tmp = list_new(0);
        pv it = rt_iter(items);
        gc_root_push(&it);
        pv x;
        while ((x = rt_next(it)) != PV_NULL) list_append(tmp, x);
        gc_root_pop(1);
        items = tmp;
    }
    size_t cnt;
    pv *v = rt_unpack(items, &cnt);
    vstr out;
    vstr_init(&out, 16);
    gc_root_push((pv *)&out.buf);
    for (size_t i = 0; i < cnt; i++) {
        if (i) vstr_add(&out, s->data, s->len);
        const char *p;
        size_t pn;
        if (s->type == &t_str && !is_str(v[i]))
            rt_raise_msg(&t_TypeError, "join expects a list of str/bytes objects consistent with self object");
        arg_bytes(s, v[i], &p, &pn);
        vstr_add(&out, p, pn);
    }
    gc_root_pop(2);
    return vstr_to_str(&out, s->type);
}

static pv strip_common(int n, const pv *args, int which) {
    pstr *s = self_str(args[0]);
    const char *chars = " \t\n\r\f\v";
    size_t cn = 6;
    if (n > 1 && args[1] != PV_NONE) arg_bytes(s, args[1], &chars, &cn);
    size_t i = 0, j = s->len;
    if (which & 1)
        while (i < j && memchr(chars, s->data[i], cn)) i++;
    if (which & 2)
        while (j > i && memchr(chars, s->data[j - 1], cn)) j--;
    if (i == 0 && j == s->len) return args[0];
    return str_new(s->type, s->data + i, j - i);
}

static pv str_strip_fn(int n, const pv *a, int nkw, const pv *kw) { return strip_common(n, a, 3); }
static pv str_lstrip_fn(int n, const pv *a, int nkw, const pv *kw) { return strip_common(n, a, 1); }
static pv str_rstrip_fn(int n, const pv *a, int nkw, const pv *kw) { return strip_common(n, a, 2); }

static pv case_common(pv self, int mode) {
    pstr *s = self_str(self);
    pv r = str_new(s->type, s->data, s->len);
    char *d = (char *)((pstr *)r)->data;
    for (size_t i = 0; i < s->len; i++) {
        char c = d[i];
        bool up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        if (mode == 0 && lo) d[i] = (char)(c - 32);
        if (mode == 1 && up) d[i] = (char)(c + 32);
    }
    return r;
}

static pv str_upper_fn(int n, const pv *a, int nkw, const pv *kw) { return case_common(a[0], 0); }
static pv str_lower_fn(int n, const pv *a, int nkw, const pv *kw) { return case_common(a[0], 1); }

static pv class_common(pv self, int cls) {
    pstr *s = self_str(self);
    if (s->len == 0) return PV_FALSE;
    bool any_cased = false;
    for (size_t i = 0; i < s->len; i++) {
        char c = s->data[i];
        bool ok;
        switch (cls) {
        case 0: ok = c >= '0' && c <= '9'; break;
        case 1: ok = (c | 32) >= 'a' && (c | 32) <= 'z'; break;
        case 2: ok = is_space(c); break;
        case 3: ok = ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9'); break;
        case 4: /* upper */
            if (c >= 'a' && c <= 'z') return PV_FALSE;
            any_cased |= c >= 'A' && c <= 'Z';
            ok = true;
            break;
        default: /* lower */
            if (c >= 'A' && c <= 'Z') return PV_FALSE;
            any_cased |= c >= 'a' && c <= 'z';
            ok = true;
            break;
        }
        if (!ok) return PV_FALSE;
    }
    return PV_BOOL(cls < 4 || any_cased);
}

static pv str_isdigit_fn(int n, const pv *a, int nkw, const pv *kw) { return class_common(a[0], 0); }
static pv str_isalpha_fn(int n, const pv *a, int nkw, const pv *kw) { return class_common(a[0], 1); }
static pv str_isspace_fn(int n, const pv *a, int nkw, const pv *kw) { return class_common(a[0], 2); }
static pv str_isalnum_fn(int n, const pv *a, int nkw, const pv *kw) { return class_common(a[0], 3); }
static pv str_isupper_fn(int n, const pv *a, int nkw, const pv *kw) { return class_common(a[0], 4); }
static pv str_islower_fn(int n, const pv *a, int nkw, const pv *kw) { return class_common(a[0], 5); }

static pv affix_common(int n, const pv *args, bool end) {
    pstr *s = self_str(args[0]);
    size_t start = 0;
    if (n > 2) {
        int64_t k = rt_to_int(args[2]);
        if (k < 0) k += s->len;
        start = k < 0 ? 0 : (size_t)k;
    }
    if (start > s->len) return PV_FALSE;
    pv arg = args[1];
    size_t cnt = 1;
    pv *opts = &arg;
    if (pv_is(arg, &t_tuple)) opts = rt_unpack(arg, &cnt);
    for (size_t i = 0; i < cnt; i++) {
        const char *p;
        size_t pn;
        arg_bytes(s, opts[i], &p, &pn);
        if (pn > s->len - start) continue;
        if (memcmp(end ? s->data + s->len - pn : s->data + start, p, pn) == 0) return PV_TRUE;
    }
    return PV_FALSE;
}

static pv str_startswith_fn(int n, const pv *a, int nkw, const pv *kw) { return affix_common(n, a, false); }
static pv str_endswith_fn(int n, const pv *a, int nkw, const pv *kw) { return affix_common(n, a, true); }

static pv str_encode_fn(int n, const pv *args, int nkw, const pv *kw) {
    pstr *s = self_str(args[0]);
    return str_new(&t_bytes, s->data, s->len);
}

static pv bytes_decode_fn(int n, const pv *args, int nkw, const pv *kw) { return decode_buffer(args[0]); }

static pv bytes_hex_fn(int n, const pv *args, int nkw, const pv *kw) {
    pbuf b;
    rt_need_buffer(args[0], &b, false);
    pv r = str_new(&t_str, NULL, b.len * 2);
    char *d = (char *)((pstr *)r)->data;
    for (size_t i = 0; i < b.len; i++) {
        d[2 * i] = "0123456789abcdef"[b.data[i] >> 4];
        d[2 * i + 1] = "0123456789abcdef"[b.data[i] & 15];
    }
    return r;
}

static pv str_partition_fn(int n, const pv *args, int nkw, const pv *kw) {
    pstr *s = self_str(args[0]);
    const char *sep;
    size_t sn;
    arg_bytes(s, args[1], &sep, &sn);
    if (sn == 0) rt_raise_msg(&t_ValueError, "empty separator");
    pv t = tuple_new(3);
    gc_root_push(&t);
    const char *p = find_bytes(s->data, s->len, sep, sn);
    ptuple *tt = (ptuple *)t;
    if (!p) {
        tt->items[0] = args[0];
        tt->items[1] = str_new(s->type, "", 0);
        tt->items[2] = str_new(s->type, "", 0);
    } else {
        tt->items[0] = str_new(s->type, s->data, (size_t)(p - s->data));
        tt->items[1] = args[1];
        tt->items[2] = str_new(s->type, p + sn, s->len - (size_t)(p - s->data) - sn);
    }
    gc_root_pop(1);
    return t;
}

/* ---- formatting ---- */
typedef struct {
    char fill, align, sign, type;
    bool alt, zero;
    int width, prec;
} fspec;

static void pad_out(pout *o, const fspec *f, const char *s, size_t n, bool numeric) {
    size_t w = f->width > 0 ? (size_t)f->width : 0;
    size_t chars = utf8_len(s, n);
    char align = f->align ? f->align : (numeric ? '>' : '<');
    char fill = f->fill ? f->fill : ' ';
    if (f->zero && !f->align) {
        fill = '0';
        align = '=';
    }
    size_t padn = w > chars ? w - chars : 0;
    if (align == '=' && n && (s[0] == '-' || s[0] == '+' || s[0] == ' ')) {
        out_char(o, s[0]);
        s++;
        n--;
    }
    size_t left = align == '>' || align == '=' ? padn : align == '^' ? padn / 2 : 0;
    for (size_t i = 0; i < left; i++) out_char(o, fill);
    out_n(o, s, n);
    for (size_t i = left; i < padn; i++) out_char(o, fill);
}

static void format_value(pout *o, pv v, fspec *f) {
    vstr tmp;
    vstr_init(&tmp, 16);
    gc_root_push((pv *)&tmp.buf);
    char t = f->type;
    bool numeric = false;
    if (t == 0 && (pv_is(v, &t_float))) t = 'g';
    if (t == 0 && (PV_IS_INT(v) || pv_is(v, &t_int))) t = 'd';
    if (t == 'd' || t == 'x' || t == 'X' || t == 'o' || t == 'b' || t == 'c') {
        if (pv_is(v, &t_float)) {
            if (t == 'd') rt_raise_msg(&t_ValueError, "unknown format code 'd' for object of type 'float'");
        }
        int64_t x = rt_to_int(v);
        numeric = true;
        if (t == 'c') {
            char ch = (char)x;
            vstr_add(&tmp, &ch, 1);
        } else {
            if (x < 0) out_char(&tmp.out, '-');
            else if (f->sign == '+' || f->sign == ' ') out_char(&tmp.out, f->sign);
            uint64_t u = x < 0 ? 0 - (uint64_t)x : (uint64_t)x;
            if (t == 'd') {
                char buf[24];
                int k = 24;
                do buf[--k] = (char)('0' + u % 10); while ((u /= 10) != 0);
                vstr_add(&tmp, buf + k, (size_t)(24 - k));
            } else {
                int bits = t == 'o' ? 3 : t == 'b' ? 1 : 4;
                if (f->alt) {
                    out_char(&tmp.out, '0');
                    out_char(&tmp.out, t == 'o' ? 'o' : t == 'b' ? 'b' : t);
                }
                char buf[70];
                int k = 70;
                do {
                    buf[--k] = (t == 'X' ? "0123456789ABCDEF" : "0123456789abcdef")[u & ((1u << bits) - 1)];
                    u >>= bits;
                } while (u);
                vstr_add(&tmp, buf + k, (size_t)(70 - k));
            }
        }
    } else if (t == 'f' || t == 'F' || t == 'e' || t == 'E' || t == 'g' || t == 'G' || t == '%') {
        float x = rt_to_float(v);
        numeric = true;
        if (x >= 0 && (f->sign == '+' || f->sign == ' ')) out_char(&tmp.out, f->sign);
        if (t == '%') x *= 100;
        char ft = t == 'F' || t == '%' ? 'f' : t == 'E' ? 'e' : t == 'G' ? 'g' : t;
        int prec = f->prec >= 0 ? f->prec : 6;
        if (t == 'g' && f->prec < 0 && f->type == 0) prec = -1; /* plain {} of a float: repr */
        float_print(&tmp.out, x, ft, prec);
        if (t == '%') out_char(&tmp.out, '%');
    } else if (t == 's' || t == 0 || t == 'r') {
        if (t == 'r') rt_print(&tmp.out, v, true);
        else rt_print(&tmp.out, v, false);
        if (f->prec >= 0 && (size_t)f->prec < tmp.len) tmp.len = (size_t)f->prec;
    } else {
        rt_raise_fmt(&t_ValueError, "unknown format code '%c' for object of type '%s'", t, rt_type_name(v));
    }
    pad_out(o, f, tmp.buf, tmp.len, numeric);
    gc_root_pop(1);
}

static const char *parse_spec(const char *p, const char *end, fspec *f) {
    memset(f, 0, sizeof *f);
    f->prec = -1;
    if (end - p >= 2 && strchr("<>=^", p[1])) {
        f->fill = p[0];
        f->align = p[1];
        p += 2;
    } else if (p < end && strchr("<>=^", *p)) {
        f->align = *p++;
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' ')) f->sign = *p++;
    if (p < end && *p == '#') {
        f->alt = true;
        p++;
    }
    if (p < end && *p == '0') {
        f->zero = true;
        p++;
    }
    while (p < end && *p >= '0' && *p <= '9') f->width = f->width * 10 + (*p++ - '0');
    if (p < end && *p == ',') p++;
    if (p < end && *p == '.') {
        p++;
        f->prec = 0;
        while (p < end && *p >= '0' && *p <= '9') f->prec = f->prec * 10 + (*p++ - '0');
    }
    if (p < end && *p != '}') f->type = *p++;
    return p;
}

pv str_percent(pv fmtv, pv args) {
    pstr *fmt = (pstr *)fmtv;
    size_t nargs = 1, ai = 0;
    pv *av = &args;
    pv argsv = args;
    if (pv_is(args, &t_tuple)) av = rt_unpack(argsv, &nargs);
    vstr out;
    vstr_init(&out, fmt->len + 8);
    gc_root_push((pv *)&out.buf);
    const char *p = fmt->data, *end = p + fmt->len;
    while (p < end) {
        if (*p != '%') {
            const char *q = memchr(p, '%', (size_t)(end - p));
            if (!q) q = end;
            vstr_add(&out, p, (size_t)(q - p));
            p = q;
            continue;
        }
        p++;
        if (p < end && *p == '%') {
            vstr_add(&out, "%", 1);
            p++;
            continue;
        }
        fspec f;
        memset(&f, 0, sizeof f);
        f.prec = -1;
        while (p < end && strchr("-+ #0", *p)) {
            if (*p == '-') f.align = '<';
            else if (*p == '0') f.zero = true;
            else if (*p == '#') f.alt = true;
            else f.sign = *p;
            p++;
        }
        if (p < end && *p == '*') {
            if (ai >= nargs) goto few;
            f.width = (int)rt_to_int(av[ai++]);
            p++;
        }
        while (p < end && *p >= '0' && *p <= '9') f.width = f.width * 10 + (*p++ - '0');
        if (p < end && *p == '.') {
            p++;
            f.prec = 0;
            while (p < end && *p >= '0' && *p <= '9') f.prec = f.prec * 10 + (*p++ - '0');
        }
        if (p >= end) rt_raise_msg(&t_ValueError, "incomplete format");
        char t = *p++;
        if (ai >= nargs) {
        few:
            rt_raise_msg(&t_TypeError, "format string needs more arguments");
        }
        pv v = av[ai++];
        if (f.align == '<') f.zero = false;
        else f.align = f.zero ? 0 : '>';
        if (t == 'i' || t == 'u') t = 'd';
        if (t == 'd' && pv_is(v, &t_float)) v = rt_int(float_trunc(rt_to_float(v)));
        if (!strchr("sdrxXocfFeEgG", t)) rt_raise_fmt(&t_ValueError, "unsupported format character '%c'", t);
        f.type = t;
        if (t == 'c' && pv_is(v, &t_str)) f.type = 's';
        format_value(&out.out, v, &f);
    }
    if (ai < nargs) rt_raise_msg(&t_TypeError, "format string didn't convert all arguments");
    gc_root_pop(1);
    return vstr_to_str(&out, &t_str);
}

static pv str_format_fn(int n, const pv *args, int nkw, const pv *kw) {
    pstr *fmt = self_str(args[0]);
    vstr out;
    vstr_init(&out, fmt->len + 8);
    gc_root_push((pv *)&out.buf);
    const char *p = fmt->data, *end = p + fmt->len;
    int auto_idx = 0;
    while (p < end) {
        char c = *p++;
        if (c == '}') {
            if (p < end && *p == '}') p++;
            vstr_add(&out, "}", 1);
            continue;
        }
        if (c != '{') {
            vstr_add(&out, &c, 1);
            continue;
        }
        if (p < end && *p == '{') {
            vstr_add(&out, "{", 1);
            p++;
            continue;
        }
        const char *fs = p;
        while (p < end && *p != '}' && *p != ':' && *p != '!') p++;
        pv v;
        if (p == fs) {
            if (auto_idx + 1 >= n) rt_raise_msg(&t_IndexError, "tuple index out of range");
            v = args[1 + auto_idx++];
        } else if (*fs >= '0' && *fs <= '9') {
            int k = 0;
            for (const char *q = fs; q < p; q++) {
                /* MicroPython reads "{0.x}" and "{0 1}" as attribute access */
                if (*q < '0' || *q > '9') rt_raise_msg(&t_NotImplementedError, "attributes not supported yet");
                if (k < n) k = k * 10 + (*q - '0'); /* saturates: any k >= n is out of range */
            }
            if (k + 1 >= n) rt_raise_msg(&t_IndexError, "tuple index out of range");
            v = args[1 + k];
        } else {
            v = PV_NULL;
            for (int i = 0; i < nkw; i++) {
                pstr *name = (pstr *)kw[2 * i];
                if (name->len == (size_t)(p - fs) && memcmp(name->data, fs, name->len) == 0) v = kw[2 * i + 1];
            }
            if (!v) {
                rt_raise_arg(&t_KeyError, str_new(&t_str, fs, (size_t)(p - fs)));
            }
        }
        char conv = 0;
        if (p < end && *p == '!') {
            conv = p[1];
            p += 2;
        }
        fspec f;
        if (p < end && *p == ':') p = parse_spec(p + 1, end, &f);
        else parse_spec(p, p, &f);
        if (p >= end || *p != '}') rt_raise_msg(&t_ValueError, "expected ':' after format specifier");
        p++;
        if (conv == 'r') {
            f.type = 'r';
        } else if (conv == 's') {
            f.type = 's';
        }
        format_value(&out.out, v, &f);
    }
    gc_root_pop(1);
    return vstr_to_str(&out, &t_str);
}

static BUILTIN(str_find, find, 2, 4, false);
static BUILTIN(str_rfind, rfind, 2, 4, false);
static BUILTIN(str_index, index, 2, 4, false);
static BUILTIN(str_count, count, 2, 4, false);
static BUILTIN(str_replace, replace, 3, 4, false);
static BUILTIN(str_split, split, 1, 3, false);
static BUILTIN(str_rsplit, rsplit, 1, 3, false);
static BUILTIN(str_join, join, 2, 2, false);
static BUILTIN(str_strip, strip, 1, 2, false);
static BUILTIN(str_lstrip, lstrip, 1, 2, false);
static BUILTIN(str_rstrip, rstrip, 1, 2, false);
static BUILTIN(str_upper, upper, 1, 1, false);
static BUILTIN(str_lower, lower, 1, 1, false);
static BUILTIN(str_isdigit, isdigit, 1, 1, false);
static BUILTIN(str_isalpha, isalpha, 1, 1, false);
static BUILTIN(str_isspace, isspace, 1, 1, false);
static BUILTIN(str_isalnum, isalnum, 1, 1, false);
static BUILTIN(str_isupper, isupper, 1, 1, false);
static BUILTIN(str_islower, islower, 1, 1, false);
static BUILTIN(str_startswith, startswith, 2, 3, false);
static BUILTIN(str_endswith, endswith, 2, 3, false);
static BUILTIN(str_encode, encode, 1, 3, false);
static BUILTIN(str_format, format, 1, -1, true);
static BUILTIN(str_partition, partition, 2, 2, false);
static BUILTIN(bytes_decode, decode, 1, 3, false);
static BUILTIN(bytes_hex, hex, 1, 1, false);

#define COMMON_METHODS \
    MEMBER(count, &str_count), MEMBER(endswith, &str_endswith), MEMBER(find, &str_find), \
    MEMBER(index, &str_index), MEMBER(isalnum, &str_isalnum), MEMBER(isalpha, &str_isalpha), \
    MEMBER(isdigit, &str_isdigit), MEMBER(islower, &str_islower), MEMBER(isspace, &str_isspace), \
    MEMBER(isupper, &str_isupper), MEMBER(join, &str_join), MEMBER(lower, &str_lower), \
    MEMBER(lstrip, &str_lstrip), MEMBER(partition, &str_partition), MEMBER(replace, &str_replace), \
    MEMBER(rfind, &str_rfind), MEMBER(rsplit, &str_rsplit), MEMBER(rstrip, &str_rstrip), \
    MEMBER(split, &str_split), MEMBER(startswith, &str_startswith), MEMBER(strip, &str_strip), \
    MEMBER(upper, &str_upper)

TABLE(str_locals, COMMON_METHODS, MEMBER(encode, &str_encode), MEMBER(format, &str_format));
TABLE(bytes_locals, COMMON_METHODS, MEMBER(decode, &bytes_decode), MEMBER(hex, &bytes_hex));

const ptype t_str = {TYPE_HEAD(str), .make = str_make, .print = str_print, .unary = str_unary,
                     .binary = str_binary, .subscr = str_subscr, .iter = str_iter, .buffer = str_buffer,
                     .locals = &str_locals};
const ptype t_bytes = {TYPE_HEAD(bytes), .make = bytes_make, .print = str_print, .unary = str_unary,
                       .binary = str_binary, .subscr = str_subscr, .iter = str_iter, .buffer = str_buffer,
                       .locals = &bytes_locals};
