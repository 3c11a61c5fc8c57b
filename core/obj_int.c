/* obj_int.c — None, bool and int, the operator dispatch every number
 * shares, text to int and back, and the numeric built-ins (abs, divmod,
 * pow, round, hex, oct, bin).
 *
 * Ints are small (tagged, 31 bits) or big (obj_bigint.c); operations on two
 * small ints take the fast paths here with 64-bit C arithmetic, anything
 * larger goes to obj_bigint.c, anything with a float to obj_float.c. bool
 * computes as the ints 0 and 1, but as on v1 it is not a subclass of int. */
#include <string.h>

#include "float_math.h"
#include "num.h"

/* ---- None and bool ---- */
static void none_print(pout *o, pv self, bool repr) { out_str(o, "None"); }
static pv none_unary(int op, pv self) {
    if (op == OP_BOOL) return PV_FALSE;
    if (op == OP_HASH) return PV_FROM_INT(0x5A5A);
    return PV_NULL;
}
const ptype t_none = {TYPE_HEAD(NoneType), .print = none_print, .unary = none_unary};
const pobj o_none = {&t_none};

static void ellipsis_print(pout *o, pv self, bool repr) { out_str(o, "Ellipsis"); }
const ptype t_ellipsis = {TYPE_HEAD(ellipsis), .print = ellipsis_print};
const pobj o_ellipsis = {&t_ellipsis};

static void bool_print(pout *o, pv self, bool repr) { out_str(o, self == PV_TRUE ? "True" : "False"); }
static pv bool_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 0, 1);
    return PV_BOOL(n && rt_truthy(args[0]));
}
const ptype t_bool = {TYPE_HEAD(bool), .make = bool_make, .print = bool_print,
                      .unary = num_unary, .binary = num_binary};
const pobj o_true = {&t_bool}, o_false = {&t_bool};

/* ---- operators on any two numbers ---- */
static bool is_float(pv v) { return pv_is(v, &t_float); }
static bool is_zero(pv v) { return v == PV_FROM_INT(0) || v == PV_FALSE; } /* a big int is never 0 */

/* x ** y for small ints, y >= 0; PV_NULL when it leaves 63 bits */
static pv small_pow(int64_t x, int64_t y) {
    int64_t acc = 1;
    for (; y; y >>= 1) {
        if ((y & 1) && __builtin_mul_overflow(acc, x, &acc)) return PV_NULL;
        if (y > 1 && __builtin_mul_overflow(x, x, &x)) return PV_NULL;
    }
    return rt_int(acc);
}

pv num_binary(int op, pv a, pv b) {
    int o = op & ~OP_INPLACE;
    bool fa = is_float(a), fb = is_float(b);
    if ((!fa && !num_is_int(a)) || (!fb && !num_is_int(b))) return PV_NULL;
    if (fa || fb) {
        if (o >= OP_LT && o <= OP_NE && fa != fb)
            return fa ? float_int_compare(o, b, ((pfloat *)a)->v, false) : float_int_compare(o, a, ((pfloat *)b)->v, true);
        return float_binary(o, num_to_float(a), num_to_float(b));
    }
    if (o == OP_TRUEDIV) {
        if (is_zero(b)) num_zero_div();
        if (pv_is(a, &t_int) || pv_is(b, &t_int)) return rt_float(big_truediv(a, b));
        return rt_float(num_to_float(a) / num_to_float(b)); /* as v1 */
    }
    if (!pv_is(a, &t_int) && !pv_is(b, &t_int)) {
        /* both small (or bool): 64-bit C arithmetic cannot overflow on 31-bit values */
        int64_t x = PV_IS_INT(a) ? PV_INT(a) : a == PV_TRUE, y = PV_IS_INT(b) ? PV_INT(b) : b == PV_TRUE;
        switch (o) {
        case OP_ADD: return rt_int(x + y);
        case OP_SUB: return rt_int(x - y);
        case OP_MUL: return rt_int(x * y);
        case OP_FLOORDIV:
        case OP_MOD: {
            if (y == 0) num_zero_div();
            int32_t q = (int32_t)x / (int32_t)y, m = (int32_t)x % (int32_t)y; /* 31-bit values: no 64-bit division */
            if (m != 0 && ((m < 0) != (y < 0))) {
                q--;
                m += y;
            }
            return rt_int(o == OP_MOD ? m : q);
        }
        case OP_POW: {
            if (y < 0) return float_binary(OP_POW, (float)x, (float)y);
            pv r = small_pow(x, y);
            if (r) return r;
            break;
        }
        case OP_LSHIFT:
            if (y < 0) rt_raise_msg(&t_ValueError, "negative shift count");
            if (y < 32) return rt_int(x * ((int64_t)1 << y));
            break;
        case OP_RSHIFT:
            if (y < 0) rt_raise_msg(&t_ValueError, "negative shift count");
            return PV_FROM_INT(y > 31 ? (x < 0 ? -1 : 0) : x >> y);
        case OP_AND: return PV_FROM_INT(x & y);
        case OP_OR: return PV_FROM_INT(x | y);
        case OP_XOR: return PV_FROM_INT(x ^ y);
        COMPARE_CASES(x, y)
        default: return PV_NULL;
        }
    }
    return big_binary(o, a, b);
}

pv num_unary(int op, pv self) {
    if (is_float(self)) return float_unary(op, self);
    if (pv_is(self, &t_int)) return big_unary(op, self);
    intptr_t v = PV_IS_INT(self) ? PV_INT(self) : self == PV_TRUE;
    switch (op) {
    case OP_NEG: return rt_int(-(int64_t)v);
    case OP_POS: return PV_FROM_INT(v);
    case OP_INVERT: return PV_FROM_INT(~v);
    case OP_BOOL: return PV_BOOL(v != 0);
    case OP_HASH: return PV_FROM_INT(v);
    default: return PV_NULL;
    }
}

/* ---- text ---- */
static void int_print(pout *o, pv self, bool repr) { int_print_base(o, self, 10, false); }

void int_print_base(pout *o, pv v, int base, bool upper) {
    if (pv_is(v, &t_int)) {
        big_print(o, v, base, upper);
        return;
    }
    intptr_t i = PV_IS_INT(v) ? PV_INT(v) : v == PV_TRUE;
    uintptr_t u = i < 0 ? 0 - (uintptr_t)i : (uintptr_t)i;
    char buf[34];
    int k = sizeof buf;
    do {
        int d = (int)(u % (unsigned)base);
        buf[--k] = (char)(d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10);
        u /= (unsigned)base;
    } while (u);
    if (i < 0) buf[--k] = '-';
    out_n(o, buf + k, sizeof buf - (size_t)k);
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = (char)(c | 32);
    return c >= 'a' && c <= 'z' ? c - 'a' + 10 : 99;
}

/* Text to an int of any size, as v1 reads it: spaces around, a sign, a
 * 0x/0o/0b prefix when the base allows it (base 0: any, and no prefix
 * means decimal), and single underscores between digits as in Python
 * source. *base becomes the base used, for the error message. */
static pv parse_int(const char *s, size_t n, int *base) {
    const char *end = s + n;
    while (s < end && is_space(*s)) s++;
    while (end > s && is_space(end[-1])) end--;
    bool neg = false;
    if (s < end && (*s == '+' || *s == '-')) neg = *s++ == '-';
    bool after_prefix = false;
    if (end - s >= 2 && s[0] == '0') {
        char p = (char)(s[1] | 32);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (*base == 0 || *base == pb)) {
            *base = pb;
            s += 2;
            after_prefix = true;
        }
    }
    if (*base == 0) *base = 10;
    size_t ndigits = 0;
    uint64_t v = 0;
    for (const char *p = s; p < end; p++) {
        if (*p == '_') {
            if (!(ndigits || after_prefix) || p + 1 == end || p[1] == '_') return PV_NULL;
            continue;
        }
        int d = digit_value(*p);
        if (d >= *base) return PV_NULL;
        ndigits++;
        if (v >> 56 == 0) v = v * (uint64_t)*base + (uint64_t)d;
    }
    if (!ndigits) return PV_NULL;
    if (v >> 56 == 0) return rt_int(neg ? -(int64_t)v : (int64_t)v);
    return big_from_digits(s, (size_t)(end - s), ndigits, *base, neg);
}

pv int_from_str(const char *s, size_t n, int base, bool *ok) {
    pv v = parse_int(s, n, &base);
    *ok = v != PV_NULL;
    return v;
}

static pv str_to_int(pv s, int base) {
    gc_root_push(&s);
    pbuf b;
    rt_need_buffer(s, &b, false);
    pv v = parse_int((const char *)b.data, b.len, &base);
    if (v) {
        gc_root_pop(1);
        return v;
    }
    /* MicroPython's message quotes the text */
    vstr msg;
    vstr_init(&msg, 48);
    gc_root_push((pv *)&msg.buf);
    out_str(&msg.out, "invalid syntax for integer with base ");
    out_int(&msg.out, base);
    out_str(&msg.out, ": ");
    rt_print(&msg.out, pv_is(s, &t_str) ? s : str_new(&t_str, (const char *)b.data, b.len), true);
    pv m = vstr_to_str(&msg, &t_str);
    gc_root_pop(1);
    gc_root_push(&m);
    pv t = tuple_new(1);
    ((ptuple *)t)->items[0] = m;
    gc_root_push(&t);
    rt_raise(exc_new(&t_ValueError, t)); /* the raise restores the root depth */
}

/* int(x) of a float: the exact integer toward zero */
pv num_int_from_float(float f) {
    if (f != f) rt_raise_msg(&t_ValueError, "can't convert NaN to int");
    if (f == float_inf || f == -float_inf) rt_raise_msg(&t_OverflowError, "can't convert inf to int");
    return big_from_float(f);
}

/* int(x) and float(x) of an instance: its __int__ / __float__ (today's
 * MicroPython and CPython; v1 has neither), whose result must be an int /
 * a float. PV_NULL when x has no such method. */
pv num_from_special(pv x, const pstr *name, const ptype *want) {
    if (!class_is(pv_type(x))) return PV_NULL;
    pv f = rt_getattr_try(x, name);
    if (!f) return PV_NULL;
    pv r = rt_call0(f);
    if (want == &t_int ? !num_is_int(r) : !pv_is(r, &t_float))
        rt_raise_fmt(&t_TypeError, "%s returned non-%s (type %s)", name->data, want->name->data, rt_type_name(r));
    return r;
}

static pv int_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 0, 2);
    if (n == 0) return PV_FROM_INT(0);
    pv x = args[0];
    if (n == 2) {
        int64_t base = rt_to_int(args[1]);
        if (base != 0 && (base < 2 || base > 36)) rt_raise_msg(&t_ValueError, "int() arg 2 must be >= 2 and <= 36");
        if (!pv_is(x, &t_str) && !pv_is(x, &t_bytes) && !pv_is(x, &t_bytearray))
            rt_raise_msg(&t_TypeError, "can't convert non-string with explicit base");
        return str_to_int(x, (int)base);
    }
    if (num_is_int(x)) return x == PV_TRUE || x == PV_FALSE ? PV_FROM_INT(x == PV_TRUE) : x;
    if (is_float(x)) return num_int_from_float(((pfloat *)x)->v);
    pbuf b;
    if (rt_get_buffer(x, &b, false)) return str_to_int(x, 10);
    pv r = num_from_special(x, &N(__int__), &t_int);
    if (r) return r == PV_TRUE || r == PV_FALSE ? PV_FROM_INT(r == PV_TRUE) : r;
    rt_raise_fmt(&t_TypeError, "can't convert %s to int", rt_type_name(x));
}

/* ---- int methods ---- */
static int64_t need_length(pv v) {
    int64_t len = rt_to_int(v);
    if (len < 0) rt_raise(exc_new(&t_ValueError, tuple_new(0)));
    return len;
}

static bool little_endian(pv order) { return pv_is(order, &t_str) && str_eq((const pstr *)order, &N(little)); }

/* int.to_bytes(length, byteorder): two's complement, cut to length (as v1) */
static pv int_to_bytes_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv self = args[0];
    if (!num_is_int(self)) rt_raise_fmt(&t_TypeError, "can't convert %s to int", rt_type_name(self));
    gc_root_push(&self);
    size_t len = (size_t)need_length(args[1]);
    bool little = little_endian(args[2]);
    pv r = str_new(&t_bytes, NULL, len);
    nview w;
    num_view(self, &w);
    uint8_t *p = (uint8_t *)((pstr *)r)->data;
    uint32_t carry = 1;
    for (size_t i = 0; i < len; i++) {
        uint32_t byte = i / 2 < w.n ? (w.d[i / 2] >> (8 * (i % 2))) & 0xFF : 0;
        if (w.neg) { /* -x = ~x + 1, a byte at a time */
            byte = (~byte & 0xFF) + carry;
            carry = byte >> 8;
        }
        p[little ? i : len - 1 - i] = (uint8_t)byte;
    }
    gc_root_pop(1);
    return r;
}
static BUILTIN(int_to_bytes, to_bytes, 3, 3, false);

/* int.from_bytes(bytes, byteorder[, signed]), called on the type or on an int */
static pv int_from_bytes_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (num_is_int(args[0]) || pv_is(args[0], &t_type)) {
        args++;
        n--;
    }
    rt_check_args(n, 2, 3);
    pv data = args[0];
    gc_root_push(&data);
    bool little = little_endian(args[1]);
    bool sign = rt_truthy(n > 2 ? args[2] : rt_kwarg(&N(signed), nkw, kw, PV_FALSE));
    pbuf b;
    rt_need_buffer(data, &b, false);
    pbig *r = big_alloc((b.len + 1) / 2);
    for (size_t i = 0; i < b.len; i++) r->d[i / 2] |= (limb)(b.data[little ? i : b.len - 1 - i] << (8 * (i % 2)));
    bool negative = sign && b.len && (b.data[little ? b.len - 1 : 0] & 0x80);
    pv v = big_finish(r, false);
    if (negative) { /* two's complement: value - 2**(8*len) */
        gc_root_push(&v);
        pv full = big_binary(OP_LSHIFT, PV_FROM_INT(1), PV_FROM_INT((intptr_t)(8 * b.len)));
        v = big_binary(OP_SUB, v, full);
        gc_root_pop(1);
    }
    gc_root_pop(1);
    return v;
}
static STATIC_BUILTIN(int_from_bytes, from_bytes, 2, 4);

static pv int_bit_length_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (!num_is_int(args[0])) rt_raise_fmt(&t_TypeError, "can't convert %s to int", rt_type_name(args[0]));
    nview w;
    num_view(args[0], &w);
    return PV_FROM_INT((intptr_t)big_bits(&w));
}
static BUILTIN(int_bit_length, bit_length, 1, 1, false);

TABLE(int_locals, MEMBER(to_bytes, &int_to_bytes), MEMBER(from_bytes, &int_from_bytes),
      MEMBER(bit_length, &int_bit_length));

const ptype t_int = {TYPE_HEAD(int), .make = int_make, .print = int_print, .unary = num_unary,
                     .binary = num_binary, .locals = &int_locals};

/* ---- numeric built-ins ---- */
static pv bi_abs_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv x = args[0];
    if (is_float(x)) {
        float f = ((pfloat *)x)->v;
        return f < 0 || (f == 0 && 1 / f < 0) ? rt_float(-f) : x;
    }
    if (!num_is_int(x)) rt_raise_fmt(&t_TypeError, "unsupported type for __abs__: '%s'", rt_type_name(x));
    nview w;
    num_view(x, &w);
    return w.neg ? num_unary(OP_NEG, x) : num_unary(OP_POS, x);
}
BUILTIN(bi_abs, abs, 1, 1, false);

static pv divmod_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv a = args[0], b = args[1];
    bool ia = num_is_int(a), ib = num_is_int(b);
    if ((ia || is_float(a)) && (ib || is_float(b))) {
        if (ia && ib) return big_divmod(a, b);
        return float_divmod_pv(num_to_float(a), num_to_float(b));
    }
    pv t = tuple_new(2);
    gc_root_push(&t);
    ((ptuple *)t)->items[0] = rt_binary(OP_FLOORDIV, a, b);
    ((ptuple *)t)->items[1] = rt_binary(OP_MOD, a, b);
    gc_root_pop(1);
    return t;
}
BUILTIN(divmod, divmod, 2, 2, false);

static pv bi_pow_fn(int n, const pv *args, int nkw, const pv *kw) {
    if (n == 3 && args[2] != PV_NONE) return big_pow3(args[0], args[1], args[2]);
    return rt_binary(OP_POW, args[0], args[1]);
}
BUILTIN(bi_pow, pow, 2, 3, false);

/* round(x[, n]): floats as v1 (nearbyint(x * 10**n) / 10**n), ints as
 * MicroPython rounds them to a negative number of digits (ties to even) */
static pv bi_round_fn(int n, const pv *args, int nkw, const pv *kw) {
    pv x = args[0];
    bool digits = n > 1 && args[1] != PV_NONE;
    int64_t nd = digits ? rt_to_int(args[1]) : 0;
    if (is_float(x)) {
        float f = ((pfloat *)x)->v;
        if (!digits) return num_int_from_float(fm_rint(f));
        float mult = 1;
        for (int64_t i = 0; i < (nd < 0 ? -nd : nd) && mult < float_inf; i++) mult *= 10;
        if (nd < 0) mult = 1 / mult;
        return float_result(fm_rint(f * mult) / mult, f, mult);
    }
    if (!num_is_int(x)) rt_raise_fmt(&t_TypeError, "can't convert %s to float", rt_type_name(x));
    if (x == PV_TRUE || x == PV_FALSE) x = PV_FROM_INT(x == PV_TRUE);
    if (nd >= 0) return x;
    nview w;
    num_view(x, &w);
    if ((uint64_t)-nd > big_bits(&w)) return PV_FROM_INT(0); /* 10**-nd > 2|x| */
    pv t[4] = {x, PV_NULL, PV_NULL, PV_NULL}; /* x, 10**-nd, x mod 10**-nd, half of 10**-nd */
    for (int i = 0; i < 4; i++) gc_root_push(&t[i]);
    t[1] = big_binary(OP_POW, PV_FROM_INT(10), rt_int(-nd));
    t[2] = big_binary(OP_MOD, t[0], t[1]);
    t[3] = big_binary(OP_FLOORDIV, t[1], PV_FROM_INT(2));
    bool up = big_binary(OP_GT, t[2], t[3]) == PV_TRUE ||
              (big_binary(OP_EQ, t[2], t[3]) == PV_TRUE &&
               big_binary(OP_AND, big_binary(OP_FLOORDIV, t[0], t[1]), PV_FROM_INT(1)) != PV_FROM_INT(0));
    t[0] = big_binary(OP_SUB, t[0], t[2]);
    if (up) t[0] = big_binary(OP_ADD, t[0], t[1]);
    pv r = t[0];
    gc_root_pop(4);
    return r;
}
BUILTIN(bi_round, round, 1, 2, false);

static pv radix(pv x, char prefix, int base) {
    if (!num_is_int(x)) rt_raise_fmt(&t_TypeError, "can't convert %s to int", rt_type_name(x));
    gc_root_push(&x);
    vstr s;
    vstr_init(&s, 12);
    gc_root_push((pv *)&s.buf);
    nview w;
    num_view(x, &w);
    if (w.neg) vstr_add(&s, "-", 1);
    char p[2] = {'0', prefix};
    vstr_add(&s, p, 2);
    int_print_base(&s.out, w.neg ? num_unary(OP_NEG, x) : x, base, false);
    gc_root_pop(2);
    return vstr_to_str(&s, &t_str);
}
static pv hex_fn(int n, const pv *args, int nkw, const pv *kw) { return radix(args[0], 'x', 16); }
static pv oct_fn(int n, const pv *args, int nkw, const pv *kw) { return radix(args[0], 'o', 8); }
static pv bin_fn(int n, const pv *args, int nkw, const pv *kw) { return radix(args[0], 'b', 2); }
BUILTIN(hex, hex, 1, 1, false);
BUILTIN(oct, oct, 1, 1, false);
BUILTIN(bin, bin, 1, 1, false);
