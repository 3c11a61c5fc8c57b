/* obj_float.c — float: IEEE single precision on every board, as in
 * MicroPython for the micro:bit v1, including its quirks, so programs
 * print the same digits there and here.
 *
 * v1 keeps a float inside the object word, which costs it the two lowest
 * mantissa bits (truncated); it reads decimal text and prints digits with
 * single-precision arithmetic, not exactly. pith does the same steps in the
 * same single-precision operations (correctly rounded IEEE on every board:
 * no library calls, no soft doubles), so the digits agree with v1's,
 * checked over thousands of values. Conversions between ints and floats,
 * and comparisons between them, are exact. */
#include <string.h>

#include "float_math.h"
#include "num.h"

const float float_inf = 3.4028235e38f * 2;
#define F_NAN_BITS 0x7FC00000u

/* ---- objects ---- */
pv rt_float(float f) {
    pfloat *o = gc_alloc(sizeof(pfloat));
    o->type = &t_float;
    o->v = fm_from_bits(fm_bits(f) & ~3u); /* v1's 30-bit floats: the two low mantissa bits are lost */
    return (pv)o;
}

float num_to_float(pv v) {
    if (pv_is(v, &t_float)) return ((pfloat *)v)->v;
    if (PV_IS_INT(v)) return (float)PV_INT(v); /* 31 bits: converted with rounding to nearest */
    return big_to_float(v);
}

float rt_to_float(pv v) {
    if (pv_is(v, &t_float) || num_is_int(v)) return num_to_float(v);
    rt_raise_fmt(&t_TypeError, "can't convert %s to float", rt_type_name(v));
}

_Noreturn void num_zero_div(void) { rt_raise_msg(&t_ZeroDivisionError, "divide by zero"); }

/* ---- exact conversions ---- */

int64_t float_trunc(float f) {
    uint32_t bits = fm_bits(f);
    int be = (int)((bits >> 23) & 0xFF), e = be - 150;
    uint64_t m = (bits & 0x7FFFFF) | 0x800000;
    if (be < 127) return 0;
    if (e >= 40) return bits >> 31 ? INT64_MIN : INT64_MAX;
    int64_t v = (int64_t)(e >= 0 ? m << e : m >> -e);
    return bits >> 31 ? -v : v;
}

float float_from_int(int64_t v) {
    if (v == 0) return 0;
    bool neg = v < 0;
    uint64_t m = neg ? 0 - (uint64_t)v : (uint64_t)v;
    int e2 = 0;
    while (!(m >> 63)) {
        m <<= 1;
        e2--;
    }
    return fm_from_parts(m, e2, false, neg);
}

float float_from_f64(const uint8_t p[8]) {
    uint64_t b;
    memcpy(&b, p, 8);
    bool neg = b >> 63;
    int E = (int)((b >> 52) & 0x7FF);
    uint64_t m = b & (((uint64_t)1 << 52) - 1);
    if (E == 0x7FF) return fm_from_bits((neg ? 0x80000000u : 0) | 0x7F800000u | (m ? 0x400000u : 0));
    if (E == 0) return neg ? -0.0f : 0.0f; /* double subnormals are far below float's range */
    return fm_from_parts(((uint64_t)1 << 63) | (m << 11), E - 1023 - 63, false, neg);
}

void float_to_f64(float f, uint8_t p[8]) {
    uint32_t bits = fm_bits(f);
    uint64_t sign = (uint64_t)(bits >> 31) << 63, m = bits & 0x7FFFFF, b;
    int E = (int)((bits >> 23) & 0xFF);
    if (E == 0xFF) {
        b = sign | ((uint64_t)0x7FF << 52) | (m << 29);
    } else if (E == 0 && m == 0) {
        b = sign;
    } else {
        if (E == 0) { /* a float subnormal is a normal double */
            E = 1;
            while (!(m & 0x800000)) {
                m <<= 1;
                E--;
            }
            m &= 0x7FFFFF;
        }
        b = sign | ((uint64_t)(E - 127 + 1023) << 52) | (m << 29);
    }
    memcpy(p, &b, 8);
}

/* 10**n as v1's powf(10, n) returns it: correctly rounded except three
 * exponents one ulp low and 1e-45 flushed to zero (measured on v1). */
static float pow10_v1(int n) {
    if (n > 38) return float_inf;
    if (n < -44) return 0;
    uint64_t m = (uint64_t)1 << 63;
    int e2 = -63;
    bool sticky = false;
    for (; n > 0; n--) {
        /* times 5, then renormalise: times 10 is times 5 times 2 */
        uint64_t lo = (m & 0xFFFFFFFFu) * 5, hi = (m >> 32) * 5 + (lo >> 32);
        int s = hi >> 34 ? 3 : hi >> 33 ? 2 : 1;
        sticky |= (lo & ((1u << s) - 1)) != 0;
        m = (hi << (32 - s)) | ((lo & 0xFFFFFFFFu) >> s);
        e2 += 1 + s;
    }
    bool low = n == -36 || n == -32 || n == -18;
    for (; n < 0; n++) {
        sticky |= m % 5 != 0;
        m /= 5;
        e2--;
        while (!(m >> 63)) {
            m <<= 1;
            e2--;
        }
    }
    float f = fm_from_parts(m, e2, sticky, false);
    return low ? fm_from_bits(fm_bits(f) - 1) : f;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

static bool prefix_ci(const char *s, const char *end, const char *word) {
    for (; *word; s++, word++)
        if (s >= end || (*s | 32) != *word) return false;
    return true;
}

/* Decimal text to a float the way v1 reads it: digits accumulated in
 * single precision (the fraction by a shrinking multiplier), then scaled
 * by its powf(10, exponent). */
pv float_from_str(const char *s, size_t n, bool *ok) {
    const char *end = s + n;
    *ok = false;
    while (s < end && is_space(*s)) s++;
    bool neg = false;
    if (s < end && (*s == '+' || *s == '-')) neg = *s++ == '-';
    const char *start = s;
    float v = 0;
    if (prefix_ci(s, end, "inf")) {
        s += prefix_ci(s, end, "infinity") ? 8 : 3;
        v = float_inf;
    } else if (prefix_ci(s, end, "nan")) {
        s += 3;
        v = fm_from_bits(F_NAN_BITS);
    } else {
        enum { INTG, FRAC, EXP } in = INTG;
        float frac = 0.1f;
        int exp = 0;
        bool eneg = false;
        for (; s < end; s++) {
            char c = *s;
            if (c == '_') continue;
            if (c >= '0' && c <= '9') {
                unsigned d = (unsigned)(c - '0');
                if (in == EXP) {
                    if (exp < 10000) exp = exp * 10 + (int)d;
                } else if (in == FRAC) {
                    v += (float)d * frac;
                    frac *= 0.1f;
                } else {
                    v = 10 * v + (float)d;
                }
            } else if (in == INTG && c == '.') {
                in = FRAC;
            } else if (in != EXP && (c | 32) == 'e') {
                in = EXP;
                if (s + 1 < end && (s[1] == '+' || s[1] == '-')) eneg = *++s == '-';
                if (s + 1 == end) return PV_NULL;
            } else {
                break;
            }
        }
        v *= pow10_v1(eneg ? -exp : exp);
        if (v != v) v = fm_from_bits(F_NAN_BITS); /* 0 * inf: the positive nan on every board */
    }
    if (s == start) return PV_NULL;
    while (s < end && is_space(*s)) s++;
    if (s != end) return PV_NULL;
    *ok = true;
    return rt_float(neg ? -v : v);
}

/* ---- printing, digit for digit as v1 ---- */
static const float pos_pow[] = {1e32f, 1e16f, 1e8f, 1e4f, 1e2f, 1e1f};
static const float neg_pow[] = {1e-32f, 1e-16f, 1e-8f, 1e-4f, 1e-2f, 1e-1f};
#define ROUND_TO_ONE 0.9999995f
enum { EXP_ROOM = 6 }; /* "+9e+99": what any float needs besides its digits */

/* Formats f into buf (size bytes, as v1's buffer: it caps the precision)
 * with fmt 'e', 'f' or 'g' (upper case for upper-case output). */
static size_t format_float(char *buf, int size, float f, char fmt, int prec) {
    char *s = buf;
    uint32_t bits = fm_bits(f);
    bool nan = (bits & 0x7FFFFFFF) > 0x7F800000u;
    if (bits >> 31) { /* a negative nan too, as v1 */
        *s++ = '-';
        f = -f;
    }
    int room = size - 1 - (int)(s - buf);
    char lower = fmt & 0x20;
    if (nan || f == float_inf) {
        memcpy(s, nan ? "NAN" : "INF", 3);
        for (int i = 0; i < 3; i++) s[i] |= lower;
        return (size_t)(s + 3 - buf);
    }
    if (prec < 0) prec = 6;
    char e_char = (char)('E' | lower);
    fmt |= 0x20;
    char org = fmt, e_sign = 0;
    if (fmt == 'g' && prec == 0) prec = 1;
    int e = 0, dec = 0, ndig = 0;
    if (f == 0) {
        if (fmt == 'f') {
            if (prec + 2 > room) prec = room - 2;
            ndig = prec + 1;
        } else {
            if (prec + 6 > room) prec = room - 6;
            if (fmt == 'e') e_sign = '+';
        }
    } else if (f < 1) {
        char first = f >= ROUND_TO_ONE ? '1' : '0';
        for (int i = 0, e1 = 32; e1; e1 >>= 1, i++)
            if (neg_pow[i] > f) {
                e += e1;
                f *= pos_pow[i];
            }
        char sign = '-';
        if (f < 1 && f >= ROUND_TO_ONE) {
            f = 1;
            if (e == 0) sign = '+';
        } else if (f < 1) {
            e++;
            f *= 10;
        }
        if (fmt == 'f' || (fmt == 'g' && e <= 4)) {
            fmt = 'f';
            dec = -1;
            *s++ = first;
            if (org == 'g') prec += e - 1;
            if (prec + 2 > room) prec = room - 2;
            ndig = prec;
            if (ndig) {
                *s++ = '.';
                while (--e && ndig) {
                    *s++ = '0';
                    ndig--;
                }
            }
        } else {
            e_sign = sign;
            if (prec > room - EXP_ROOM) {
                prec = room - EXP_ROOM;
                if (fmt == 'g') prec++;
            }
        }
    } else {
        for (int i = 0, e1 = 32; e1; e1 >>= 1, i++)
            if (pos_pow[i] <= f) {
                e += e1;
                f *= neg_pow[i];
            }
        if (fmt == 'f') {
            if (e >= room) {
                fmt = 'e';
            } else if (e + prec + 2 > room) {
                prec = room - e - 2;
                if (prec < 0) prec++;
            }
        }
        if (fmt == 'e' && prec > room - EXP_ROOM) prec = room - EXP_ROOM;
        if (fmt == 'g' && prec + EXP_ROOM - 1 > room) prec = room - (EXP_ROOM - 1);
        if (fmt == 'g' && e < prec) {
            fmt = 'f';
            prec -= e + 1;
        }
        if (fmt == 'f') {
            dec = e;
            ndig = prec + e + 1;
        } else {
            e_sign = '+';
        }
    }
    if (prec < 0) prec = 0;
    if (fmt == 'e') {
        ndig = prec + 1;
    } else if (fmt == 'g') {
        if (prec == 0) prec = 1;
        ndig = prec;
    }
    /* f is now in [1, 10) (or 0): peel off one digit at a time */
    for (int i = 0; i < ndig; i++, dec--) {
        int32_t d = (int32_t)f;
        *s++ = (char)('0' + d);
        if (dec == 0 && prec > 0) *s++ = '.';
        f -= (float)d;
        f *= 10;
    }
    /* round half up on what is left, carrying through the digits (v1 rounds
     * fixed notation only when the first digit is at most the tens) */
    if ((org != 'f' || e <= 1) && f >= 5) {
        char *r = s - 1;
        for (;;) {
            if (*r == '.') {
                r--;
                continue;
            }
            if (*r < '0' || *r > '9') { /* the sign */
                r++;
                break;
            }
            if (*r < '9') {
                (*r)++;
                break;
            }
            *r = '0';
            if (r == buf) break;
            r--;
        }
        if (*r == '0') {
            /* all nines: a leading 1 goes in */
            if (r[1] == '.' && fmt != 'f') {
                /* 9.99e+nn becomes 1.00e+nn+1: the point moves, the length stays */
                r[0] = '.';
                r[1] = '0';
                if (e_sign == '-') {
                    if (--e == 0) e_sign = '+';
                } else {
                    e++;
                }
            } else {
                s++;
            }
            memmove(r + 1, r, (size_t)(s - 1 - r));
            *r = '1';
        }
    }
    if (org == 'g' && prec > 0) {
        while (s[-1] == '0') s--;
        if (s[-1] == '.') s--;
    }
    if (e_sign) {
        *s++ = e_char;
        *s++ = e_sign;
        *s++ = (char)('0' + (e / 10) % 10);
        *s++ = (char)('0' + e % 10);
    }
    return (size_t)(s - buf);
}

/* fmt 'e', 'f' or 'g' (upper case for upper-case output) with prec digits,
 * or prec < 0 for repr/str: 6 significant digits and a ".0" when the text
 * would read as an int, as v1 prints floats. */
void float_print(pout *o, float f, char fmt, int prec) {
    enum { REPR_BUF = 16, FORMAT_BUF = 32 }; /* v1's buffers: they limit the digits */
    char buf[FORMAT_BUF + 8];
    bool repr = prec < 0;
    size_t n = format_float(buf, repr ? REPR_BUF : FORMAT_BUF, f, repr ? 'g' : fmt, repr ? 6 : prec);
    out_n(o, buf, n);
    if (repr && !memchr(buf, '.', n) && !memchr(buf, 'e', n) && !memchr(buf, 'n', n)) out_str(o, ".0");
}

static void float_obj_print(pout *o, pv self, bool repr) { float_print(o, ((pfloat *)self)->v, 'g', -1); }

/* ---- arithmetic ---- */

/* Python's floor division and modulo of floats, as MicroPython computes them */
static void float_divmod(float x, float y, float *q, float *r) {
    if (y == 0) num_zero_div();
    float mod = fm_fmod(x, y), div = (x - mod) / y;
    if (mod != 0) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1;
        }
    } else {
        mod = y < 0 ? -0.0f : 0.0f;
    }
    float fl = fm_floor(div);
    if (div - fl > 0.5f) fl += 1;
    if (div == 0) fl = fm_copysign(0, x / y);
    *q = fl;
    *r = mod;
}

static pv float_pow(float x, float y) {
    if (x == 0 && y < 0) num_zero_div();
    return rt_float(fm_pow(x, y));
}

/* A nan made by arithmetic has whatever sign the processor gives it (x86
 * sets it, ARM does not): keep an operand's nan, else give the positive one
 * v1 prints, so every board prints the same. */
pv float_result(float r, float x, float y) {
    if (r == r) return rt_float(r);
    return rt_float(x != x ? x : y != y ? y : fm_from_bits(F_NAN_BITS));
}

pv float_binary(int op, float x, float y) {
    float q, r;
    switch (op & ~OP_INPLACE) {
    case OP_ADD: return float_result(x + y, x, y);
    case OP_SUB: return float_result(x - y, x, y);
    case OP_MUL: return float_result(x * y, x, y);
    case OP_TRUEDIV:
        if (y == 0) num_zero_div();
        return float_result(x / y, x, y);
    case OP_FLOORDIV:
        float_divmod(x, y, &q, &r);
        return float_result(q, x, y);
    case OP_MOD:
        float_divmod(x, y, &q, &r);
        return float_result(r, x, y);
    case OP_POW: return float_pow(x, y);
    COMPARE_CASES(x, y)
    default: return PV_NULL;
    }
}

/* divmod(x, y) with a float among them */
pv float_divmod_pv(float x, float y) {
    float q, r;
    float_divmod(x, y, &q, &r);
    pv t = tuple_new(2);
    gc_root_push(&t);
    ((ptuple *)t)->items[0] = float_result(q, x, y);
    ((ptuple *)t)->items[1] = float_result(r, x, y);
    gc_root_pop(1);
    return t;
}

/* An int against a float, exactly (not through a rounded conversion). */
pv float_int_compare(int op, pv i, float f, bool int_left) {
    int c;
    if (f != f) return PV_BOOL(op == OP_NE);
    if (f == float_inf || f == -float_inf) {
        c = f > 0 ? -1 : 1;
    } else {
        nview a, b;
        num_view(i, &a);
        big_view_float(&b, f);
        c = big_cmp_views(&a, &b);
        if (c == 0) {
            float frac = f - fm_trunc(f);
            c = frac > 0 ? -1 : frac < 0 ? 1 : 0;
        }
    }
    if (!int_left) c = -c;
    switch (op) {
    COMPARE_CASES(c, 0)
    default: return PV_NULL;
    }
}

pv float_unary(int op, pv self) {
    float f = ((pfloat *)self)->v;
    switch (op) {
    case OP_NEG: return rt_float(-f);
    case OP_POS: return self;
    case OP_BOOL: return PV_BOOL(f != 0);
    case OP_HASH: {
        /* equal numbers hash alike: an integral float as the int it equals */
        nview w;
        if (f == fm_trunc(f) && big_view_float(&w, f)) {
            if (w.n <= 2) {
                int64_t m = w.n ? w.d[0] | (w.n > 1 ? (int64_t)w.d[1] << LIMB_BITS : 0) : 0;
                if (w.neg) m = -m;
                if (SMALL_FITS(m)) return PV_FROM_INT(m);
            }
            return big_hash(&w);
        }
        return PV_FROM_INT(fm_bits(f) >> 2);
    }
    default: return PV_NULL;
    }
}

static pv str_to_float(pv s) {
    pbuf b;
    rt_need_buffer(s, &b, false);
    bool ok;
    pv v = float_from_str((const char *)b.data, b.len, &ok);
    if (!ok) rt_raise_msg(&t_ValueError, "invalid syntax for number");
    return v;
}

static pv float_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 0, 1);
    if (n == 0) return rt_float(0);
    pv x = args[0];
    if (pv_is(x, &t_float)) return x;
    if (num_is_int(x)) return rt_float(num_to_float(x));
    pbuf b;
    if (rt_get_buffer(x, &b, false)) return str_to_float(x);
    pv r = num_from_special(x, &N(__float__), &t_float);
    if (r) return r;
    rt_raise_fmt(&t_TypeError, "can't convert %s to float", rt_type_name(x));
}

const ptype t_float = {TYPE_HEAD(float), .make = float_make, .print = float_obj_print,
                       .unary = num_unary, .binary = num_binary};
