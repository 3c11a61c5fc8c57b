/* str_methods.c — the methods of str, bytes and bytearray (one
 * implementation over an sview of the receiver, results of its type),
 * bytes.hex/fromhex and the method tables of str and bytes.
 *
 * Positions a program passes or gets back count code points in a str and
 * bytes elsewhere. Case mapping and the is*() tests are ASCII-only, as in
 * MicroPython. */
#include <string.h>

#include "str.h"

static bool is_str(pv v) { return pv_is(v, &t_str); }
static bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
static bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_alpha(char c) { return is_lower(c) || is_upper(c); }

/* The argument as the same kind of text as the receiver: a str for a str,
 * any buffer but a str for bytes and bytearray (and, where `one` is given,
 * an int 0..255 as that byte). */
static void arg_view(const sview *s, pv arg, sview *a, char *one) {
    a->type = s->type;
    if (s->type == &t_str) {
        if (!is_str(arg)) str_bad_conversion(arg, &t_str);
        a->p = ((const pstr *)arg)->data;
        a->n = ((const pstr *)arg)->len;
        return;
    }
    pbuf b;
    if (one && (PV_IS_INT(arg) || pv_is(arg, &t_int))) {
        int64_t c = rt_to_int(arg);
        if (c < 0 || c > 255) rt_raise_msg(&t_ValueError, "byte must be in range(0, 256)");
        *one = (char)c;
        a->p = one;
        a->n = 1;
        return;
    }
    if (is_str(arg) || !rt_get_buffer(arg, &b, false)) str_bad_conversion(arg, &t_bytes);
    a->p = (const char *)b.data;
    a->n = b.len;
}

/* Bytes in the character starting at byte i (1 outside a str). */
static size_t char_at(const sview *s, size_t i) { return s->type == &t_str ? utf8_char_len(s->p, s->n, i) : 1; }
static size_t char_count(const sview *s, const char *p, size_t n) { return s->type == &t_str ? utf8_len(p, n) : n; }

/* Where sub occurs in h (the last place when rev), or NULL. */
static const char *search(const char *h, size_t hn, const char *sub, size_t sn, bool rev) {
    if (sn > hn) return NULL;
    for (size_t k = 0; k <= hn - sn; k++) {
        size_t i = rev ? hn - sn - k : k;
        if (memcmp(h + i, sub, sn) == 0) return h + i;
    }
    return NULL;
}

bool str_contains(const sview *h, const char *sub, size_t sn) { return search(h->p, h->n, sub, sn, false) != NULL; }

/* The optional start and end arguments at args[i], args[i+1] as a byte
 * range; false when the range is empty because start lies past it. */
static bool sub_range(const sview *s, int n, const pv *args, int i, size_t *b0, size_t *b1) {
    int64_t len = (int64_t)char_count(s, s->p, s->n), lo = 0, hi = len;
    if (n > i && args[i] != PV_NONE) lo = rt_to_int(args[i]);
    if (n > i + 1 && args[i + 1] != PV_NONE) hi = rt_to_int(args[i + 1]);
    if (lo < 0 && (lo += len) < 0) lo = 0;
    if (hi < 0 && (hi += len) < 0) hi = 0;
    if (hi > len) hi = len;
    if (lo > hi) return false;
    bool ascii = len == (int64_t)s->n;
    *b0 = ascii ? (size_t)lo : utf8_offset(s->p, s->n, (size_t)lo);
    *b1 = ascii ? (size_t)hi : utf8_offset(s->p, s->n, (size_t)hi);
    return true;
}

/* ---- searching ---- */
static pv find_common(int n, const pv *args, bool rev, bool raise) {
    sview s, sub;
    char one;
    str_view(args[0], &s);
    arg_view(&s, args[1], &sub, &one);
    size_t b0, b1;
    const char *hit = sub_range(&s, n, args, 2, &b0, &b1) ? search(s.p + b0, b1 - b0, sub.p, sub.n, rev) : NULL;
    if (!hit) {
        if (raise) rt_raise_msg(&t_ValueError, "substring not found");
        return PV_FROM_INT(-1);
    }
    return PV_FROM_INT(char_count(&s, s.p, (size_t)(hit - s.p)));
}

static pv str_find_fn(int n, const pv *a, int nkw, const pv *kw) { return find_common(n, a, false, false); }
static pv str_rfind_fn(int n, const pv *a, int nkw, const pv *kw) { return find_common(n, a, true, false); }
static pv str_index_fn(int n, const pv *a, int nkw, const pv *kw) { return find_common(n, a, false, true); }
static pv str_rindex_fn(int n, const pv *a, int nkw, const pv *kw) { return find_common(n, a, true, true); }

static pv str_count_fn(int n, const pv *args, int nkw, const pv *kw) {
    sview s, sub;
    char one;
    str_view(args[0], &s);
    arg_view(&s, args[1], &sub, &one);
    size_t b0, b1, k = 0;
    if (!sub_range(&s, n, args, 2, &b0, &b1)) return PV_FROM_INT(0);
    if (sub.n == 0) return PV_FROM_INT(char_count(&s, s.p + b0, b1 - b0) + 1);
    for (const char *p = s.p + b0, *e = s.p + b1; (p = search(p, (size_t)(e - p), sub.p, sub.n, false)); p += sub.n) k++;
    return PV_FROM_INT(k);
}

static pv affix_common(int n, const pv *args, bool end) {
    sview s, a;
    str_view(args[0], &s);
    size_t b0, b1, cnt = 1;
    pv arg = args[1];
    pv *opts = &arg;
    if (pv_is(arg, &t_tuple)) opts = rt_unpack(arg, &cnt);
    bool in = sub_range(&s, n, args, 2, &b0, &b1);
    for (size_t i = 0; i < cnt; i++) {
        arg_view(&s, opts[i], &a, NULL);
        if (in && a.n <= b1 - b0 && memcmp(end ? s.p + b1 - a.n : s.p + b0, a.p, a.n) == 0) return PV_TRUE;
    }
    return PV_FALSE;
}

static pv str_startswith_fn(int n, const pv *a, int nkw, const pv *kw) { return affix_common(n, a, false); }
static pv str_endswith_fn(int n, const pv *a, int nkw, const pv *kw) { return affix_common(n, a, true); }

/* ---- building new text ---- */
static pv str_replace_fn(int n, const pv *args, int nkw, const pv *kw) {
    sview s, old, rep;
    str_view(args[0], &s);
    arg_view(&s, args[1], &old, NULL);
    arg_view(&s, args[2], &rep, NULL);
    int64_t max = n > 3 ? rt_to_int(args[3]) : -1;
    vstr v;
    vstr_init(&v, s.n + 1);
    gc_root_push((pv *)&v.buf);
    size_t i = 0;
    bool changed = false;
    while (max != 0) {
        /* an empty pattern matches before every character and at the end */
        const char *hit = old.n ? search(s.p + i, s.n - i, old.p, old.n, false) : i <= s.n ? s.p + i : NULL;
        if (!hit) break;
        size_t k = (size_t)(hit - s.p);
        vstr_add(&v, s.p + i, k - i);
        vstr_add(&v, rep.p, rep.n);
        i = k + old.n;
        if (!old.n && k < s.n) {
            size_t c = char_at(&s, k);
            vstr_add(&v, s.p + k, c);
            i += c;
        }
        if (!old.n && k == s.n) i = s.n + 1;
        changed = true;
        if (max > 0) max--;
    }
    if (i < s.n) vstr_add(&v, s.p + i, s.n - i);
    gc_root_pop(1);
    if (!changed && s.type != &t_bytearray) {
        gc_free(v.buf);
        return args[0];
    }
    return str_from_vstr(&v, s.type);
}

static pv str_join_fn(int n, const pv *args, int nkw, const pv *kw) {
    sview s, a;
    str_view(args[0], &s);
    pv items = args[1];
    gc_root_push(&items);
    if (!pv_is(items, &t_list) && !pv_is(items, &t_tuple)) {
        pv it = rt_iter(items);
        gc_root_push(&it);
        items = list_new(0);
        pv x;
        while ((x = rt_next(it)) != PV_NULL) list_append(items, x);
        gc_root_pop(1);
    }
    str_view(args[0], &s); /* a bytearray receiver may have moved while the iterator ran */
    size_t cnt;
    pv *v = rt_unpack(items, &cnt);
    vstr out;
    vstr_init(&out, 16);
    gc_root_push((pv *)&out.buf);
    for (size_t i = 0; i < cnt; i++) {
        if (i) vstr_add(&out, s.p, s.n);
        if (is_str(v[i]) != (s.type == &t_str))
            rt_raise_msg(&t_TypeError, "join expects a list of str/bytes objects consistent with self object");
        arg_view(&s, v[i], &a, NULL);
        vstr_add(&out, a.p, a.n);
    }
    gc_root_pop(2);
    return str_from_vstr(&out, s.type);
}

/* which: 1 left, 2 right, 3 both. Characters to strip are whole code points. */
static pv strip_common(int n, const pv *args, int which) {
    sview s, chars = {NULL, " \t\n\r\f\v", 6};
    str_view(args[0], &s);
    if (n > 1 && args[1] != PV_NONE) arg_view(&s, args[1], &chars, NULL);
    size_t i = 0, j = s.n;
    if (which & 1)
        while (i < j && search(chars.p, chars.n, s.p + i, char_at(&s, i), false)) i += char_at(&s, i);
    if (which & 2)
        for (size_t k; j > i; j = k) {
            for (k = j - 1; k > i && s.type == &t_str && ((uint8_t)s.p[k] & 0xC0) == 0x80;) k--;
            if (!search(chars.p, chars.n, s.p + k, j - k, false)) break;
        }
    if (i == 0 && j == s.n && s.type != &t_bytearray) return args[0];
    return str_result(s.type, s.p + i, j - i);
}

static pv str_strip_fn(int n, const pv *a, int nkw, const pv *kw) { return strip_common(n, a, 3); }
static pv str_lstrip_fn(int n, const pv *a, int nkw, const pv *kw) { return strip_common(n, a, 1); }
static pv str_rstrip_fn(int n, const pv *a, int nkw, const pv *kw) { return strip_common(n, a, 2); }

enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };

static pv case_common(pv self, int mode) {
    sview s;
    str_view(self, &s);
    pv r = str_result(s.type, s.p, s.n);
    char *d = s.type == &t_bytearray ? (char *)((parray *)r)->data : (char *)((pstr *)r)->data;
    bool after_cased = false;
    for (size_t i = 0; i < s.n; i++) {
        char c = d[i];
        bool up;
        switch (mode) {
        case CASE_UPPER: up = true; break;
        case CASE_LOWER: up = false; break;
        case CASE_SWAP: up = is_lower(c); break;
        case CASE_TITLE: up = !after_cased; break;
        default: up = i == 0; break;
        }
        after_cased = is_alpha(c);
        if (up && is_lower(c)) d[i] = (char)(c - 32);
        if (!up && is_upper(c)) d[i] = (char)(c + 32);
    }
    return r;
}

static pv str_upper_fn(int n, const pv *a, int nkw, const pv *kw) { return case_common(a[0], CASE_UPPER); }
static pv str_lower_fn(int n, const pv *a, int nkw, const pv *kw) { return case_common(a[0], CASE_LOWER); }
static pv str_swapcase_fn(int n, const pv *a, int nkw, const pv *kw) { return case_common(a[0], CASE_SWAP); }
static pv str_title_fn(int n, const pv *a, int nkw, const pv *kw) { return case_common(a[0], CASE_TITLE); }
static pv str_capitalize_fn(int n, const pv *a, int nkw, const pv *kw) { return case_common(a[0], CASE_CAPITALIZE); }

enum { IS_DIGIT, IS_ALPHA, IS_SPACE, IS_ALNUM, IS_UPPER, IS_LOWER };

/* False for empty text; isupper/islower need a letter and ignore the rest. */
static pv class_common(pv self, int cls) {
    sview s;
    str_view(self, &s);
    bool cased = false;
    for (size_t i = 0; i < s.n; i++) {
        char c = s.p[i];
        bool ok;
        switch (cls) {
        case IS_DIGIT: ok = is_digit(c); break;
        case IS_ALPHA: ok = is_alpha(c); break;
        case IS_SPACE: ok = is_space(c); break;
        case IS_ALNUM: ok = is_alpha(c) || is_digit(c); break;
        case IS_UPPER: ok = !is_lower(c); break;
        default: ok = !is_upper(c); break;
        }
        if (!ok) return PV_FALSE;
        cased |= is_alpha(c);
    }
    return PV_BOOL(s.n && (cls < IS_UPPER || cased));
}

static pv str_isdigit_fn(int n, const pv *a, int nkw, const pv *kw) { return class_common(a[0], IS_DIGIT); }
static pv str_isalpha_fn(int n, const pv *a, int nkw, const pv *kw) { return class_common(a[0], IS_ALPHA); }
static pv str_isspace_fn(int n, const pv *a, int nkw, const pv *kw) { return class_common(a[0], IS_SPACE); }
static pv str_isalnum_fn(int n, const pv *a, int nkw, const pv *kw) { return class_common(a[0], IS_ALNUM); }
static pv str_isupper_fn(int n, const pv *a, int nkw, const pv *kw) { return class_common(a[0], IS_UPPER); }
static pv str_islower_fn(int n, const pv *a, int nkw, const pv *kw) { return class_common(a[0], IS_LOWER); }

/* center, ljust, rjust, zfill: `left` of the padding goes before the text
 * (-1: half of it, rounded down, as MicroPython's center). zfill pads
 * with '0' after a sign. */
static pv pad_common(int n, const pv *args, int left) {
    sview s, fill = {NULL, left == -2 ? "0" : " ", 1};
    str_view(args[0], &s);
    int64_t width = rt_to_int(args[1]);
    if (n > 2) {
        arg_view(&s, args[2], &fill, NULL);
        if (char_count(&s, fill.p, fill.n) != 1) rt_raise_msg(&t_TypeError, "The fill character must be exactly one character long");
    }
    int64_t len = (int64_t)char_count(&s, s.p, s.n);
    if (width <= len && s.type != &t_bytearray) return args[0];
    size_t pad = width > len ? (size_t)(width - len) : 0;
    size_t before = left == -1 ? pad / 2 : left == 0 ? 0 : pad;
    vstr v;
    vstr_init(&v, s.n + pad * fill.n + 1);
    gc_root_push((pv *)&v.buf);
    size_t sign = left == -2 && s.n && (s.p[0] == '+' || s.p[0] == '-');
    vstr_add(&v, s.p, sign);
    for (size_t i = 0; i < pad; i++) {
        if (i == before) vstr_add(&v, s.p + sign, s.n - sign);
        vstr_add(&v, fill.p, fill.n);
    }
    if (before == pad) vstr_add(&v, s.p + sign, s.n - sign);
    gc_root_pop(1);
    return str_from_vstr(&v, s.type);
}

static pv str_center_fn(int n, const pv *a, int nkw, const pv *kw) { return pad_common(n, a, -1); }
static pv str_ljust_fn(int n, const pv *a, int nkw, const pv *kw) { return pad_common(n, a, 0); }
static pv str_rjust_fn(int n, const pv *a, int nkw, const pv *kw) { return pad_common(n, a, 1); }
static pv str_zfill_fn(int n, const pv *a, int nkw, const pv *kw) { return pad_common(n, a, -2); }

/* ---- splitting ---- */
/* Parts of s between separators (runs of whitespace when sep is None), at
 * most maxsplit splits from the left, or from the right for rsplit. */
static pv split_common(int n, const pv *args, int nkw, const pv *kw, bool rev) {
    sview s, sep = {NULL, NULL, 0};
    str_view(args[0], &s);
    pv sepv = n > 1 ? args[1] : rt_kwarg(&N(sep), nkw, kw, PV_NONE);
    pv maxv = n > 2 ? args[2] : rt_kwarg(&N(maxsplit), nkw, kw, PV_NULL);
    int64_t max = maxv ? rt_to_int(maxv) : -1;
    if (sepv != PV_NONE) {
        arg_view(&s, sepv, &sep, NULL);
        if (sep.n == 0) rt_raise_msg(&t_ValueError, "empty separator");
    }
    pv result = list_new(0);
    gc_root_push(&result);
    size_t i = 0, j = s.n; /* what is left to split: s.p[i:j] */
    for (;;) {
        if (!sep.p) {
            while (i < j && is_space(s.p[rev ? j - 1 : i])) rev ? j-- : i++;
            if (i == j) break;
        }
        /* the piece at the left (or right) end and the separator after it */
        size_t a = i, b = j, skip = 0;
        if (max != 0) {
            if (sep.p) {
                const char *hit = search(s.p + i, j - i, sep.p, sep.n, rev);
                if (hit) {
                    a = rev ? (size_t)(hit - s.p) + sep.n : i;
                    b = rev ? j : (size_t)(hit - s.p);
                    skip = sep.n;
                }
            } else if (rev) {
                for (a = j; a > i && !is_space(s.p[a - 1]);) a--;
            } else {
                for (b = i; b < j && !is_space(s.p[b]);) b++;
            }
        }
        list_append(result, str_result(s.type, s.p + a, b - a));
        if (a == i && b == j) break;
        if (rev) j = a - skip;
        else i = b + skip;
        if (max > 0) max--;
    }
    plist *l = (plist *)result;
    for (size_t k = 0; rev && k < l->len / 2; k++) {
        pv t = l->items[k];
        l->items[k] = l->items[l->len - 1 - k];
        l->items[l->len - 1 - k] = t;
    }
    gc_root_pop(1);
    return result;
}

static pv str_split_fn(int n, const pv *a, int nkw, const pv *kw) { return split_common(n, a, nkw, kw, false); }
static pv str_rsplit_fn(int n, const pv *a, int nkw, const pv *kw) { return split_common(n, a, nkw, kw, true); }

/* Lines end at \n, \r or \r\n (as MicroPython). */
static pv str_splitlines_fn(int n, const pv *args, int nkw, const pv *kw) {
    sview s;
    str_view(args[0], &s);
    bool keep = rt_truthy(n > 1 ? args[1] : rt_kwarg(&N(keepends), nkw, kw, PV_FALSE));
    pv result = list_new(0);
    gc_root_push(&result);
    for (size_t i = 0; i < s.n;) {
        size_t e = i;
        while (e < s.n && s.p[e] != '\n' && s.p[e] != '\r') e++;
        size_t end = e < s.n ? e + 1 + (s.p[e] == '\r' && e + 1 < s.n && s.p[e + 1] == '\n') : e;
        list_append(result, str_result(s.type, s.p + i, (keep ? end : e) - i));
        i = end;
    }
    gc_root_pop(1);
    return result;
}

static pv partition_common(pv self, pv sepv, bool rev) {
    sview s, sep;
    str_view(self, &s);
    arg_view(&s, sepv, &sep, NULL);
    if (sep.n == 0) rt_raise_msg(&t_ValueError, "empty separator");
    const char *hit = search(s.p, s.n, sep.p, sep.n, rev);
    pv t = tuple_new(3);
    gc_root_push(&t);
    pv *items = ((ptuple *)t)->items;
    size_t a = hit ? (size_t)(hit - s.p) : rev ? 0 : s.n, b = hit ? a + sep.n : a;
    for (int k = 0; k < 3; k++) items[k] = PV_NONE;
    items[0] = str_result(s.type, s.p, a);
    items[1] = str_result(s.type, sep.p, hit ? sep.n : 0);
    items[2] = str_result(s.type, s.p + b, s.n - b);
    gc_root_pop(1);
    return t;
}

static pv str_partition_fn(int n, const pv *a, int nkw, const pv *kw) { return partition_common(a[0], a[1], false); }
static pv str_rpartition_fn(int n, const pv *a, int nkw, const pv *kw) { return partition_common(a[0], a[1], true); }

/* ---- encoding ---- */
/* The encoding and errors arguments (positional or keyword) are accepted
 * and ignored: text is always UTF-8, as in MicroPython. */
static pv str_encode_fn(int n, const pv *args, int nkw, const pv *kw) {
    const pstr *s = (const pstr *)args[0];
    if (!is_str(args[0])) str_bad_conversion(args[0], &t_str);
    return str_new(&t_bytes, s->data, s->len);
}

static pv bytes_decode_fn(int n, const pv *args, int nkw, const pv *kw) { return str_decode(args[0]); }

pv hex_encode(const uint8_t *p, size_t n, int nargs, const pv *args, const ptype *result) {
    const char *sep = NULL;
    int64_t per = 1;
    if (nargs >= 1) {
        pv sv = args[0];
        if (!is_str(sv) && !pv_is(sv, &t_bytes)) rt_raise_msg(&t_TypeError, "sep must be str or bytes.");
        if (((pstr *)sv)->len != 1) rt_raise_msg(&t_ValueError, "sep must be length 1.");
        sep = ((pstr *)sv)->data;
    }
    if (nargs >= 2) per = rt_to_int(args[1]);
    size_t group = (size_t)(per < 0 ? -per : per);
    if (group == 0) sep = NULL;
    size_t len = n * 2 + (sep && n ? (n - 1) / group : 0);
    pv r = str_new(result, NULL, len);
    char *d = (char *)((pstr *)r)->data;
    for (size_t i = 0; i < n; i++) {
        if (sep && i > 0 && (per > 0 ? (n - i) % group : i % group) == 0) *d++ = *sep;
        *d++ = str_hex_digits[p[i] >> 4];
        *d++ = str_hex_digits[p[i] & 15];
    }
    return r;
}

static pv bytes_hex_fn(int n, const pv *args, int nkw, const pv *kw) {
    pbuf b;
    rt_need_buffer(args[0], &b, false);
    return hex_encode(b.data, b.len, n - 1, args + 1, &t_str);
}

static int hex_value(char c) {
    if (is_digit(c)) return c - '0';
    c |= 32;
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Pairs of hex digits, whitespace allowed between pairs. */
pv hex_decode(pv src, const ptype *result) {
    pbuf b;
    rt_need_buffer(src, &b, false);
    vstr v;
    vstr_init(&v, b.len / 2 + 1);
    gc_root_push((pv *)&v.buf);
    for (size_t i = 0; i < b.len;) {
        if (is_space((char)b.data[i])) {
            i++;
            continue;
        }
        if (i + 1 >= b.len) rt_raise_msg(&t_ValueError, "odd-length string");
        int hi = hex_value((char)b.data[i]), lo = hex_value((char)b.data[i + 1]);
        if (hi < 0 || lo < 0) rt_raise_msg(&t_ValueError, "non-hex digit found");
        char c = (char)(hi << 4 | lo);
        vstr_add(&v, &c, 1);
        i += 2;
    }
    gc_root_pop(1);
    return str_from_vstr(&v, result);
}

/* bytes.fromhex(s) on the type, or on an instance (then args[0] is it) */
static pv bytes_fromhex_fn(int n, const pv *args, int nkw, const pv *kw) { return hex_decode(args[n - 1], &t_bytes); }
static pv bytearray_fromhex_fn(int n, const pv *args, int nkw, const pv *kw) { return hex_decode(args[n - 1], &t_bytearray); }

/* ---- the tables ---- */
BUILTIN(str_find, find, 2, 4, false);
BUILTIN(str_rfind, rfind, 2, 4, false);
BUILTIN(str_index, index, 2, 4, false);
BUILTIN(str_rindex, rindex, 2, 4, false);
BUILTIN(str_count, count, 2, 4, false);
BUILTIN(str_startswith, startswith, 2, 4, false);
BUILTIN(str_endswith, endswith, 2, 4, false);
BUILTIN(str_replace, replace, 3, 4, false);
BUILTIN(str_join, join, 2, 2, false);
BUILTIN(str_strip, strip, 1, 2, false);
BUILTIN(str_lstrip, lstrip, 1, 2, false);
BUILTIN(str_rstrip, rstrip, 1, 2, false);
BUILTIN(str_upper, upper, 1, 1, false);
BUILTIN(str_lower, lower, 1, 1, false);
BUILTIN(str_swapcase, swapcase, 1, 1, false);
BUILTIN(str_title, title, 1, 1, false);
BUILTIN(str_capitalize, capitalize, 1, 1, false);
BUILTIN(str_isdigit, isdigit, 1, 1, false);
BUILTIN(str_isalpha, isalpha, 1, 1, false);
BUILTIN(str_isspace, isspace, 1, 1, false);
BUILTIN(str_isalnum, isalnum, 1, 1, false);
BUILTIN(str_isupper, isupper, 1, 1, false);
BUILTIN(str_islower, islower, 1, 1, false);
BUILTIN(str_center, center, 2, 3, false);
BUILTIN(str_ljust, ljust, 2, 3, false);
BUILTIN(str_rjust, rjust, 2, 3, false);
BUILTIN(str_zfill, zfill, 2, 2, false);
BUILTIN(str_split, split, 1, 3, true);
BUILTIN(str_rsplit, rsplit, 1, 3, true);
BUILTIN(str_splitlines, splitlines, 1, 2, true);
BUILTIN(str_partition, partition, 2, 2, false);
BUILTIN(str_rpartition, rpartition, 2, 2, false);
BUILTIN(str_encode, encode, 1, 3, true);
BUILTIN(bytes_decode, decode, 1, 3, true);
BUILTIN(bytes_hex, hex, 1, 3, false);
STATIC_BUILTIN(bytes_fromhex, fromhex, 1, 1);
STATIC_BUILTIN(bytearray_fromhex, fromhex, 1, 1);

TABLE(bytes_locals, BYTES_METHODS, MEMBER(fromhex, &bytes_fromhex));
TABLE(str_locals, TEXT_METHODS, MEMBER(encode, &str_encode), MEMBER(format, &str_format));
