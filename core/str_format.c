/* str_format.c — the format mini-language: format(value, spec) and
 * rt_format (which f-strings compile to), str.format and the % operator of
 * str and bytes. All three turn their directives into one fspec and print
 * through format_value; ints go through int_print_base and floats through
 * float_print, so every board prints the same digits.
 *
 * Where MicroPython has a behaviour it is kept: values that are neither
 * numbers nor str format as their str(), bools with a spec format as ints,
 * and the error messages are its. What it lacks (`_` grouping, fields with
 * attributes and indexes, `!a`) follows CPython. */
#include <string.h>

#include "str.h"

typedef struct {
    char fill[4];    /* one code point of UTF-8 */
    uint8_t fill_n;
    char align;      /* 0 (the default: '>' for numbers, '<' otherwise), '<', '>', '=', '^', 'z' (from '0') */
    char sign;       /* 0, '+', '-', ' ' */
    char group;      /* 0, ',', '_' */
    char type;       /* 0 or a presentation type */
    bool alt;        /* '#': 0b/0o/0x prefixes */
    bool percent;    /* from %: an int's precision is its minimum number of digits */
    int width, prec; /* -1 when absent */
} fspec;

static bool is_intlike(pv v) { return PV_IS_INT(v) || pv_is(v, &t_int) || pv_is(v, &t_bool); }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static _Noreturn void bad_spec(void) { rt_raise_msg(&t_ValueError, "invalid format specifier"); }

static void fspec_init(fspec *f) {
    memset(f, 0, sizeof *f);
    f->fill[0] = ' ';
    f->fill_n = 1;
    f->width = f->prec = -1;
}

/* Digits at *p (advanced); -1 when there are none. */
static int parse_num(const char **p, const char *end) {
    int v = -1;
    for (; *p < end && is_digit(**p); (*p)++) {
        if (v > 100000000) rt_raise_msg(&t_ValueError, "too many decimal digits in format string");
        v = (v < 0 ? 0 : v * 10) + (**p - '0');
    }
    return v;
}

static bool in_set(const char *set, char c) { return c && strchr(set, c); }

/* [[fill]align][sign][#][0][width][,|_][.precision][type] */
static void parse_spec(const char *p, size_t n, fspec *f) {
    const char *end = p + n;
    fspec_init(f);
    size_t k = n ? utf8_char_len(p, n, 0) : 0;
    bool has_fill = k < n && in_set("<>=^", p[k]);
    if (has_fill) {
        memcpy(f->fill, p, k);
        f->fill_n = (uint8_t)k;
        f->align = p[k];
        p += k + 1;
    } else if (p < end && in_set("<>=^", *p)) {
        f->align = *p++;
    }
    if (p < end && in_set("+- ", *p)) f->sign = *p++;
    if (p < end && *p == '#') {
        f->alt = true;
        p++;
    }
    if (p < end && *p == '0') {
        if (!f->align) f->align = 'z'; /* '=' for numbers, the default for the rest (CPython 3.10) */
        if (!has_fill) f->fill[0] = '0';
        p++;
    }
    f->width = parse_num(&p, end);
    if (p < end && in_set(",_", *p)) f->group = *p++;
    if (p < end && *p == '.') {
        p++;
        if ((f->prec = parse_num(&p, end)) < 0) rt_raise_msg(&t_ValueError, "format specifier missing precision");
    }
    if (p < end && in_set("bcdeEfFgGnosxX%", *p)) f->type = *p++;
    if (p != end) bad_spec();
}

static void out_fill(vstr *o, const fspec *f, size_t n) {
    while (n--) vstr_add(o, f->fill, f->fill_n);
}

static _Noreturn void unknown_code(char t, pv v) {
    rt_raise_fmt(&t_ValueError, "unknown format code '%c' for object of type '%s'", t, rt_type_name(v));
}

/* Print v as f says. The text is built in tmp as [sign/prefix in pre] then
 * a run of `digits` digits (grouped on output) and the rest. */
static void format_value(vstr *o, pv v, const fspec *f) {
    vstr tmp;
    vstr_init(&tmp, 16);
    gc_root_push((pv *)&tmp.buf);
    char t = f->type, pre[3];
    size_t pre_n = 0, digits = 0, group = 3;
    bool numeric = is_intlike(v) || pv_is(v, &t_float);
    if (is_intlike(v) && t == 'c') {
        if (f->sign) rt_raise_msg(&t_ValueError, "sign not allowed with integer format specifier 'c'");
        int64_t c = rt_to_int(v);
        if (c < 0 || c > 0x10FFFF) rt_raise_msg(&t_OverflowError, "%c arg not in range(0x110000)");
        char b[4];
        vstr_add(&tmp, b, utf8_encode((uint32_t)c, b));
    } else if (is_intlike(v) && (!t || in_set("bdnoxX", t))) {
        int base = t == 'b' ? 2 : t == 'o' ? 8 : t == 'x' || t == 'X' ? 16 : 10;
        int_print_base(&tmp.out, v, base, t == 'X');
        if (tmp.buf[0] == '-') {
            pre[pre_n++] = '-';
            memmove(tmp.buf, tmp.buf + 1, --tmp.len);
        } else if (f->sign == '+' || f->sign == ' ') {
            pre[pre_n++] = f->sign;
        }
        if (f->alt && base != 10) {
            pre[pre_n++] = '0';
            pre[pre_n++] = t;
        }
        if (f->group == ',' && base != 10) bad_spec();
        if (base != 10) group = 4;
        while (f->percent && f->prec > 0 && tmp.len < (size_t)f->prec) {
            vstr_add(&tmp, "0", 1);
            memmove(tmp.buf + 1, tmp.buf, tmp.len - 1);
            tmp.buf[0] = '0';
        }
        digits = tmp.len;
    } else if (numeric && (!t || in_set("eEfFgGn%", t))) {
        float x = rt_to_float(v);
        if (t == '%') x *= 100;
        if (f->prec > 0) vstr_reserve(&tmp, (size_t)f->prec + 48); /* digits beyond the float's own are zeros */
        char ft = t == 'e' || t == 'E' ? 'e' : t == 'f' || t == 'F' || t == '%' ? 'f' : 'g';
        float_print(&tmp.out, x, ft, !t && f->prec < 0 ? -1 : f->prec < 0 ? 6 : f->prec);
        if (t == 'E' || t == 'F' || t == 'G')
            for (size_t i = 0; i < tmp.len; i++)
                if (tmp.buf[i] >= 'a' && tmp.buf[i] <= 'z') tmp.buf[i] = (char)(tmp.buf[i] - 32);
        if (t == '%') vstr_add(&tmp, "%", 1);
        if (tmp.buf[0] == '-') {
            pre[pre_n++] = '-';
            memmove(tmp.buf, tmp.buf + 1, --tmp.len);
        } else if (f->sign == '+' || f->sign == ' ') {
            pre[pre_n++] = f->sign;
        }
        while (digits < tmp.len && is_digit(tmp.buf[digits])) digits++;
    } else if (numeric) {
        unknown_code(t, v);
    } else {
        if (t && t != 's') unknown_code(t, v);
        if (f->sign) rt_raise_msg(&t_ValueError, "sign not allowed in string format specifier");
        if (f->align == '=') rt_raise_msg(&t_ValueError, "'=' alignment not allowed in string format specifier");
        rt_print(&tmp.out, v, false);
        if (f->prec >= 0) tmp.len = utf8_offset(tmp.buf, tmp.len, (size_t)f->prec);
    }
    if (!f->group) digits = 0;
    char align = f->align == 'z' && numeric ? '=' : f->align && f->align != 'z' ? f->align : numeric ? '>' : '<';
    size_t width = f->width > 0 ? (size_t)f->width : 0, rest = utf8_len(tmp.buf + digits, tmp.len - digits);
    /* zero padding with grouping pads the digits themselves: 0,001,234 */
    size_t zeros = 0;
#define GROUPED(d) ((d) + ((d) ? ((d) - 1) / group : 0))
    if (digits && align == '=' && f->fill[0] == '0')
        while (pre_n + GROUPED(digits + zeros) + rest < width) zeros++;
    size_t grouped = GROUPED(digits + zeros), total = pre_n + grouped + rest, pad = width > total ? width - total : 0;
#undef GROUPED
    vstr_reserve(o, pad * f->fill_n + pre_n + grouped + tmp.len - digits); /* a MemoryError names it all */
    size_t before = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    out_fill(o, f, before);
    vstr_add(o, pre, pre_n);
    if (align == '=') out_fill(o, f, pad);
    for (size_t i = 0, d = digits + zeros; i < d; i++) {
        if (i && (d - i) % group == 0) vstr_add(o, &f->group, 1);
        vstr_add(o, i < zeros ? "0" : tmp.buf + i - zeros, 1);
    }
    vstr_add(o, tmp.buf + digits, tmp.len - digits);
    if (align == '<' || align == '^') out_fill(o, f, pad - before);
    gc_root_pop(1);
    gc_free(tmp.buf);
}

pv rt_format(pv value, pv spec) {
    if (!pv_is(spec, &t_str)) str_bad_conversion(spec, &t_str);
    const pstr *s = (const pstr *)spec;
    if (s->len == 0) return rt_str(value);
    fspec f;
    parse_spec(s->data, s->len, &f);
    vstr out;
    vstr_init(&out, 16);
    gc_root_push((pv *)&out.buf);
    format_value(&out, value, &f);
    gc_root_pop(1);
    return vstr_to_str(&out, &t_str);
}

static pv bi_format_fn(int n, const pv *args, int nkw, const pv *kw) {
    return n > 1 ? rt_format(args[0], args[1]) : rt_str(args[0]);
}
BUILTIN(bi_format, format, 1, 2, false);

/* ---- str.format ---- */
static _Noreturn void raise_key(const char *s, size_t n) {
    pv t = tuple_new(1);
    gc_root_push(&t);
    ((ptuple *)t)->items[0] = str_new(&t_str, s, n);
    rt_raise(exc_new(&t_KeyError, t));
}

typedef struct {
    const pv *args;  /* positional arguments */
    int nargs, nkw;
    const pv *kw;    /* name, value pairs */
    int next;        /* the next automatic field; -1 once a field was numbered */
} fargs;

/* The value a field name p[0:n] refers to: an argument, then .attr and
 * [index] parts, in the root slot *v. */
static void field_value(const char *p, size_t n, fargs *a, pv *v) {
    const char *end = p + n, *q = p;
    while (q < end && *q != '.' && *q != '[') q++;
    if (q == p || is_digit(*p)) {
        int k;
        if (q == p) {
            if (a->next < 0) rt_raise_msg(&t_ValueError, "can't switch from manual field specification to automatic field numbering");
            k = a->next++;
        } else {
            if (a->next > 0) rt_raise_msg(&t_ValueError, "can't switch from automatic field numbering to manual field specification");
            const char *d = p;
            k = parse_num(&d, q);
            if (d != q) raise_key(p, (size_t)(q - p));
            a->next = -1;
        }
        if (k >= a->nargs) rt_raise_msg(&t_IndexError, "tuple index out of range");
        *v = a->args[k];
    } else {
        *v = PV_NULL;
        for (int i = 0; i < a->nkw && !*v; i++) {
            const pstr *name = (const pstr *)a->kw[2 * i];
            if (name->len == (size_t)(q - p) && memcmp(name->data, p, name->len) == 0) *v = a->kw[2 * i + 1];
        }
        if (!*v) raise_key(p, (size_t)(q - p));
    }
    while (q < end) {
        const char *s = ++q;
        if (s[-1] == '.') {
            while (q < end && *q != '.' && *q != '[') q++;
            if (q == s) rt_raise_msg(&t_ValueError, "empty attribute in format string");
            *v = rt_getattr(*v, (const pstr *)str_intern(s, (size_t)(q - s)));
            continue;
        }
        if (s[-1] != '[') rt_raise_msg(&t_ValueError, "only '.' or '[' may follow ']' in format field specifier");
        while (q < end && *q != ']') q++;
        if (q == end) rt_raise_msg(&t_ValueError, "missing ']' in format string");
        const char *d = s;
        int k = parse_num(&d, q);
        pv key = d == q && k >= 0 ? PV_FROM_INT(k) : str_new(&t_str, s, (size_t)(q - s));
        gc_root_push(&key); /* a KeyError allocates while holding it */
        *v = rt_subscr(*v, key, SUB_LOAD);
        gc_root_pop(1);
        q++;
    }
}

/* Formats p[0:n] into out; `depth` counts nested specs ({:{w}}). */
static void format_into(vstr *out, const char *p, size_t n, fargs *a, int depth) {
    const char *end = p + n;
    while (p < end) {
        const char *q = p;
        while (q < end && *q != '{' && *q != '}') q++;
        vstr_add(out, p, (size_t)(q - p));
        if (q == end) break;
        p = q + 1;
        if (*q == '}') {
            if (p == end || *p != '}') rt_raise_msg(&t_ValueError, "single '}' encountered in format string");
            vstr_add(out, "}", 1);
            p++;
            continue;
        }
        if (p < end && *p == '{') {
            vstr_add(out, "{", 1);
            p++;
            continue;
        }
        /* field_name ["!" conversion] [":" spec] "}" */
        const char *name = p;
        while (p < end && *p != '!' && *p != ':' && *p != '}')
            if (*p++ == '[')
                while (p < end && *p != ']') p++;
        size_t name_n = (size_t)(p - name);
        char conv = 0;
        if (p < end && *p == '!') {
            conv = ++p < end ? *p++ : 0;
            if (conv != 'r' && conv != 's' && conv != 'a') rt_raise_msg(&t_ValueError, "bad conversion specifier");
        }
        const char *spec = p;
        if (p < end && *p == ':') {
            spec = ++p;
            for (int nest = 0; p < end && (*p != '}' || nest); p++) nest += *p == '{' ? 1 : *p == '}' ? -1 : 0;
        }
        size_t spec_n = (size_t)(p - spec);
        if (p == end) rt_raise_msg(&t_ValueError, "unmatched '{' in format");
        if (*p++ != '}') rt_raise_msg(&t_ValueError, "expected ':' after format specifier");
        pv v = PV_NULL;
        gc_root_push(&v);
        field_value(name, name_n, a, &v);
        if (conv) v = conv == 's' ? rt_str(v) : rt_repr(v);
        if (spec_n == 0) {
            rt_print(&out->out, v, false);
        } else {
            fspec f;
            if (memchr(spec, '{', spec_n)) {
                if (depth >= 2) rt_raise_msg(&t_ValueError, "Max string recursion exceeded");
                vstr nested;
                vstr_init(&nested, spec_n);
                gc_root_push((pv *)&nested.buf);
                format_into(&nested, spec, spec_n, a, depth + 1);
                parse_spec(nested.buf, nested.len, &f);
                gc_root_pop(1);
                gc_free(nested.buf);
            } else {
                parse_spec(spec, spec_n, &f);
            }
            format_value(out, v, &f);
        }
        gc_root_pop(1);
    }
}

static pv str_format_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (!pv_is(args[0], &t_str)) str_bad_conversion(args[0], &t_str);
    const pstr *fmt = (const pstr *)args[0];
    fargs a = {args + 1, n - 1, nkw, kw, 0};
    vstr out;
    vstr_init(&out, fmt->len + 8);
    gc_root_push((pv *)&out.buf);
    format_into(&out, fmt->data, fmt->len, &a, 0);
    gc_root_pop(1);
    return vstr_to_str(&out, &t_str);
}
BUILTIN(str_format, format, 1, -1, true);

/* ---- the % operator ---- */
static _Noreturn void too_few(void) { rt_raise_msg(&t_TypeError, "not enough arguments for format string"); }

pv str_percent(pv fmtv, pv args) {
    const pstr *fmt = (const pstr *)fmtv;
    size_t nargs = 1, ai = 0;
    pv *av = &args, dict = PV_NULL;
    if (pv_is(args, &t_tuple)) av = rt_unpack(args, &nargs);
    else if (pv_is(args, &t_dict)) dict = args;
    vstr out;
    vstr_init(&out, fmt->len + 8);
    gc_root_push((pv *)&out.buf);
    pv v = PV_NULL;
    gc_root_push(&v);
    const char *p = fmt->data, *end = p + fmt->len;
    while (p < end) {
        const char *q = memchr(p, '%', (size_t)(end - p));
        if (!q) q = end;
        vstr_add(&out, p, (size_t)(q - p));
        if (q == end) break;
        p = q + 1;
        if (p < end && *p == '%') {
            vstr_add(&out, "%", 1);
            p++;
            continue;
        }
        v = PV_NULL;
        if (p < end && *p == '(') {
            const char *key = ++p;
            while (p < end && *p != ')') p++;
            if (p == end) rt_raise_msg(&t_ValueError, "incomplete format key");
            if (!dict) rt_raise_msg(&t_TypeError, "format requires a dict");
            v = str_new(&t_str, key, (size_t)(p++ - key));
            v = rt_subscr(dict, v, SUB_LOAD);
        }
        fspec f;
        fspec_init(&f);
        f.percent = true;
        bool left = false, zero = false;
        for (; p < end && in_set("-+ #0", *p); p++) {
            if (*p == '-') left = true;
            else if (*p == '0') zero = true;
            else if (*p == '#') f.alt = true;
            else if (f.sign != '+') f.sign = *p;
        }
        if (p < end && *p == '*') {
            if (ai >= nargs) too_few();
            int64_t w = rt_to_int(av[ai++]);
            left |= w < 0;
            if ((w = w < 0 ? -w : w) > 100000000) rt_memory_error((size_t)w); /* no board holds it */
            f.width = (int)w;
            p++;
        } else {
            f.width = parse_num(&p, end);
        }
        if (p < end && *p == '.') {
            if (++p < end && *p == '*') {
                if (ai >= nargs) too_few();
                int64_t prec = rt_to_int(av[ai++]);
                if (prec > 100000000) rt_memory_error((size_t)prec);
                f.prec = prec < 0 ? 0 : (int)prec;
                p++;
            } else if ((f.prec = parse_num(&p, end)) < 0) {
                f.prec = 0;
            }
        }
        if (p == end) rt_raise_msg(&t_ValueError, "incomplete format");
        char t = *p++;
        if (!v) {
            if (ai >= nargs) too_few();
            v = av[ai++];
        }
        f.align = left ? '<' : '>';
        bool number = true;
        switch (t) {
        case 'd': case 'i': case 'u':
            if (pv_is(v, &t_float)) v = rt_int(float_trunc(rt_to_float(v)));
            rt_to_int(v); /* TypeError for what is not an int */
            t = 'd';
            break;
        case 'o': case 'x': case 'X':
            rt_to_int(v);
            break;
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
            rt_to_float(v);
            break;
        case 'c':
            if (pv_is(v, &t_str)) {
                if (utf8_len(((pstr *)v)->data, ((pstr *)v)->len) != 1) rt_raise_msg(&t_TypeError, "%c requires int or char");
                t = 0;
            } else if (!is_intlike(v)) {
                rt_raise_msg(&t_TypeError, "integer required");
            }
            number = false;
            break;
        case 's': case 'r': case 'a': {
            pbuf b;
            if (t == 's' && fmt->type == &t_bytes && !pv_is(v, &t_str) && rt_get_buffer(v, &b, false))
                v = str_new(&t_str, (const char *)b.data, b.len); /* bytes insert their bytes */
            else
                v = t == 's' ? rt_str(v) : rt_repr(v);
            t = 0;
            number = false;
            break;
        }
        default: {
            char hex[3] = {str_hex_digits[(t >> 4) & 15], str_hex_digits[t & 15], 0};
            rt_raise_fmt(&t_ValueError, "unsupported format character '%c' (0x%s) at index %d", t, hex,
                         (int)(p - 1 - fmt->data));
        }
        }
        f.type = t;
        if (!number) f.sign = 0;
        if (zero && number && !left) {
            f.align = '=';
            f.fill[0] = '0';
        }
        format_value(&out, v, &f);
    }
    if (!dict && ai != nargs) rt_raise_msg(&t_TypeError, "not all arguments converted during string formatting");
    gc_root_pop(2);
    return vstr_to_str(&out, fmt->type);
}
