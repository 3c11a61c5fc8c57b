/* obj_int.c — None, bool, int and float: arithmetic, parsing and printing.
 *
 * Ints are small (tagged) or boxed 64-bit; results that do not fit 64 bits
 * raise OverflowError. Floats are IEEE single precision on every board, as
 * in MicroPython for the micro:bit, and are printed by our own routine (7
 * significant digits, like MicroPython) so every board prints the same. */
#include <string.h>

#include "obj.h"

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
static pv num_unary(int op, pv self);
static pv num_binary(int op, pv a, pv b);
const ptype t_bool = {TYPE_HEAD(bool), .base = &t_int, .make = bool_make, .print = bool_print,
                      .unary = num_unary, .binary = num_binary};
const pobj o_true = {&t_bool}, o_false = {&t_bool};

/* ---- floats: exact decimal digits, with integers only ----
 *
 * A float is m * 2**e with a 24-bit m. Its decimal expansion is exact and
 * short enough (at most 112 digits) to compute with a small multi-word
 * integer, so printing rounds the true value, the same on every board,
 * without soft-float doubles (8 KB of flash on the device). */
#define BIG_WORDS 12
#define MAX_DIGITS 120

static void big_mul(uint32_t *w, int *n, uint32_t k) {
    uint64_t carry = 0;
    for (int i = 0; i < *n; i++) {
        uint64_t t = (uint64_t)w[i] * k + carry;
        w[i] = (uint32_t)t;
        carry = t >> 32;
    }
    if (carry) w[(*n)++] = (uint32_t)carry;
}

static uint32_t big_div(uint32_t *w, int *n, uint32_t k) {
    uint64_t rem = 0;
    for (int i = *n - 1; i >= 0; i--) {
        uint64_t t = (rem << 32) | w[i];
        w[i] = (uint32_t)(t / k);
        rem = t % k;
    }
    while (*n > 0 && w[*n - 1] == 0) (*n)--;
    return (uint32_t)rem;
}

/* All digits of f > 0, most significant first; returns their count and
 * sets *e10, the power of ten of the first digit. */
static int exact_digits(float f, char *d, int *e10) {
    uint32_t bits;
    memcpy(&bits, &f, 4);
    int be = (int)(bits >> 23) & 0xFF;
    uint32_t m = bits & 0x7FFFFF;
    if (be) m |= 0x800000;
    else be = 1;
    int e2 = be - 150;
    while (!(m & 1)) {
        m >>= 1;
        e2++;
    }
    uint32_t w[BIG_WORDS] = {m};
    int n = 1, scale = 0;
    for (; e2 > 0; e2 -= e2 > 31 ? 31 : e2) big_mul(w, &n, 1u << (e2 > 31 ? 31 : e2));
    /* m * 2**-k = m * 5**k / 10**k */
    for (scale = e2; e2 < 0; e2 += e2 < -13 ? 13 : -e2) {
        uint32_t p = 1;
        for (int i = 0; i < (e2 < -13 ? 13 : -e2); i++) p *= 5;
        big_mul(w, &n, p);
    }
    char rev[MAX_DIGITS];
    int nd = 0;
    while (n > 0) {
        uint32_t r = big_div(w, &n, 1000000000u);
        for (int i = 0; i < 9; i++, r /= 10) rev[nd++] = (char)('0' + r % 10);
    }
    while (nd > 1 && rev[nd - 1] == '0') nd--;
    for (int i = 0; i < nd; i++) d[i] = rev[nd - 1 - i];
    *e10 = nd - 1 + scale;
    return nd;
}

/* Round the digits to keep k of them (half to even); k may be 0 or less,
 * for fixed notation. Returns the count kept (at least 1) and adjusts *e10. */
static int round_digits(char *d, int nd, int k, int *e10) {
    if (k >= nd) return nd;
    if (k < 0) {
        d[0] = '0';
        return 1;
    }
    bool up = d[k] > '5';
    if (d[k] == '5') {
        up = k > 0 && ((d[k - 1] - '0') & 1);
        for (int i = k + 1; i < nd; i++) up |= d[i] != '0';
    }
    if (k == 0) {
        d[0] = up ? '1' : '0';
        if (up) (*e10)++;
        return 1;
    }
    if (up) {
        int i = k - 1;
        while (i >= 0 && d[i] == '9') d[i--] = '0';
        if (i < 0) {
            d[0] = '1';
            (*e10)++;
        } else {
            d[i]++;
        }
    }
    return k;
}

static void out_digits(pout *o, const char *d, int n, int start, int count) {
    for (int i = start; i < start + count; i++) out_char(o, i >= 0 && i < n ? d[i] : '0');
}

static void out_exponent(pout *o, int e) {
    out_char(o, 'e');
    out_char(o, e < 0 ? '-' : '+');
    if (e < 0) e = -e;
    if (e < 10) out_char(o, '0');
    out_int(o, e);
}

/* fmt: 'g' (repr when prec < 0: 7 significant digits, like MicroPython's
 * single-precision floats), 'e', 'f' */
void float_print(pout *o, float f, char fmt, int prec) {
    bool repr = prec < 0;
    if (f != f) {
        out_str(o, "nan");
        return;
    }
    if (f < 0 || (f == 0 && 1 / f < 0)) {
        out_char(o, '-');
        f = -f;
    }
    if (f > 3.4028235e38f) {
        out_str(o, "inf");
        return;
    }
    if (repr) prec = 7;
    char d[MAX_DIGITS];
    int e = 0, n = 1;
    d[0] = '0';
    if (f != 0) n = exact_digits(f, d, &e);
    if (fmt == 'f') {
        int zero_e = e;
        n = round_digits(d, n, e + 1 + prec, &e);
        if (n == 1 && d[0] == '0') e = zero_e < -prec ? -prec - 1 : zero_e;
        if (d[0] == '0' && n == 1) {
            e = 0;
        }
        if (e < 0) out_char(o, '0');
        else out_digits(o, d, n, 0, e + 1);
        if (prec > 0) {
            out_char(o, '.');
            out_digits(o, d, n, e + 1, prec);
        }
        return;
    }
    if (fmt == 'e') {
        n = round_digits(d, n, prec + 1, &e);
        out_char(o, d[0]);
        if (prec > 0) {
            out_char(o, '.');
            out_digits(o, d, n, 1, prec);
        }
        out_exponent(o, f == 0 ? 0 : e);
        return;
    }
    /* %g: prec significant digits, trailing zeros dropped */
    if (prec == 0) prec = 1;
    n = round_digits(d, n, prec, &e);
    while (n > 1 && d[n - 1] == '0') n--;
    if (f == 0) e = 0;
    if (e >= -4 && e < prec) {
        if (e < 0) {
            out_str(o, "0.");
            for (int i = 0; i < -e - 1; i++) out_char(o, '0');
            out_n(o, d, (size_t)n);
        } else {
            out_digits(o, d, n, 0, e + 1);
            if (n > e + 1) {
                out_char(o, '.');
                out_n(o, d + e + 1, (size_t)(n - e - 1));
            } else if (repr) {
                out_str(o, ".0");
            }
        }
        return;
    }
    out_char(o, d[0]);
    if (n > 1) {
        out_char(o, '.');
        out_n(o, d + 1, (size_t)n - 1);
    }
    out_exponent(o, e);
}

/* mant * 2**e2 (mant with its top bit set) rounded to the nearest float;
 * `sticky` says bits below mant were lost (they break ties upward). */
static float float_from_parts(uint64_t mant, int e2, bool sticky, bool neg) {
    int E = e2 + 63; /* value = 1.xxx * 2**E */
    if (E > 127) return neg ? -3.4028235e38f * 2 : 3.4028235e38f * 2;
    int shift = 40; /* keep 24 bits */
    if (E < -126) shift += -126 - E;
    uint32_t m24, bits;
    if (shift >= 64) {
        /* below half the smallest subnormal, or (shift 64) maybe above it */
        m24 = shift == 64 && (mant > ((uint64_t)1 << 63) || (mant == ((uint64_t)1 << 63) && sticky));
    } else {
        m24 = (uint32_t)(mant >> shift);
        uint64_t rest = mant & (((uint64_t)1 << shift) - 1), half = (uint64_t)1 << (shift - 1);
        if (rest > half || (rest == half && (sticky || (m24 & 1)))) m24++;
    }
    if (E < -126) {
        bits = m24; /* subnormal; a carry into bit 23 makes it normal, as it should */
    } else {
        if (m24 >> 24) {
            m24 >>= 1;
            E++;
            if (E > 127) return neg ? -3.4028235e38f * 2 : 3.4028235e38f * 2;
        }
        bits = ((uint32_t)(E + 127) << 23) | (m24 & 0x7FFFFF);
    }
    if (neg) bits |= 0x80000000u;
    float f;
    memcpy(&f, &bits, 4);
    return f;
}

int64_t float_trunc(float f) {
    uint32_t bits;
    memcpy(&bits, &f, 4);
    int e = (int)((bits >> 23) & 0xFF) - 150;
    uint64_t m = (bits & 0x7FFFFF) | 0x800000;
    if (((bits >> 23) & 0xFF) == 0) return 0;
    if (e >= 40) return bits >> 31 ? INT64_MIN : INT64_MAX;
    int64_t v = (int64_t)(e >= 0 ? m << e : e > -24 ? m >> -e : 0);
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
    return float_from_parts(m, e2, false, neg);
}

float float_from_f64(const uint8_t p[8]) {
    uint64_t b;
    memcpy(&b, p, 8);
    bool neg = b >> 63;
    int E = (int)((b >> 52) & 0x7FF);
    uint64_t m = b & (((uint64_t)1 << 52) - 1);
    if (E == 0x7FF) {
        uint32_t bits = (neg ? 0x80000000u : 0) | 0x7F800000u | (m ? 0x400000u : 0);
        float f;
        memcpy(&f, &bits, 4);
        return f;
    }
    if (E == 0) return neg ? -0.0f : 0.0f; /* double subnormals are far below float's range */
    return float_from_parts(((uint64_t)1 << 63) | (m << 11), E - 1023 - 63, false, neg);
}

void float_to_f64(float f, uint8_t p[8]) {
    uint32_t bits;
    memcpy(&bits, &f, 4);
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

/* m * 10**e10 as a float, through a 64-bit binary mantissa */
static float scale10(uint64_t m, int e10, bool sticky, bool neg) {
    if (m == 0) return neg ? -0.0f : 0.0f;
    if (e10 > 60) return neg ? -3.4028235e38f * 2 : 3.4028235e38f * 2;
    if (e10 < -80) return neg ? -0.0f : 0.0f;
    int e2 = 0;
    while (!(m >> 63)) {
        m <<= 1;
        e2--;
    }
    for (; e10 > 0; e10--) {
        /* times 5, then renormalise: times 10 is times 5 times 2 */
        uint64_t lo = (m & 0xFFFFFFFFu) * 5, hi = (m >> 32) * 5 + (lo >> 32);
        int s = hi >> 34 ? 3 : hi >> 33 ? 2 : 1;
        sticky |= (lo & ((1u << s) - 1)) != 0;
        m = (hi << (32 - s)) | ((lo & 0xFFFFFFFFu) >> s);
        e2 += 1 + s;
    }
    for (; e10 < 0; e10++) {
        sticky |= m % 5 != 0;
        m /= 5;
        e2--;
        while (!(m >> 63)) {
            m <<= 1;
            e2--;
        }
    }
    return float_from_parts(m, e2, sticky, neg);
}

pv float_from_str(const char *s, size_t n, bool *ok) {
    size_t i = 0;
    *ok = false;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r')) n--;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    if (n - i >= 3 && (s[i] | 32) == 'i' && (s[i + 1] | 32) == 'n' && (s[i + 2] | 32) == 'f') {
        *ok = n - i == 3 || (n - i == 8);
        return rt_float(neg ? -3.4028235e38f * 2 : 3.4028235e38f * 2);
    }
    if (n - i == 3 && (s[i] | 32) == 'n' && (s[i + 1] | 32) == 'a' && (s[i + 2] | 32) == 'n') {
        *ok = true;
        uint32_t nan_bits = 0x7FC00000u;
        float f;
        memcpy(&f, &nan_bits, 4);
        return rt_float(f);
    }
    uint64_t m = 0;
    int exp = 0, digits = 0;
    bool any = false, sticky = false, point = false;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '_') continue;
        if (c == '.' && !point) {
            point = true;
            continue;
        }
        if (c < '0' || c > '9') break;
        any = true;
        if (digits < 19) {
            m = m * 10 + (uint64_t)(c - '0');
            if (m) digits++;
            if (point) exp--;
        } else {
            sticky |= c != '0';
            if (!point) exp++;
        }
    }
    if (!any) return PV_NULL;
    if (i < n && (s[i] | 32) == 'e') {
        i++;
        bool eneg = false;
        if (i < n && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
        int ev = 0;
        bool edig = false;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
            edig = true;
            if (ev < 1000) ev = ev * 10 + (s[i] - '0');
        }
        if (!edig) return PV_NULL;
        exp += eneg ? -ev : ev;
    }
    if (i != n) return PV_NULL;
    *ok = true;
    return rt_float(scale10(m, exp, sticky, neg));
}

pv int_from_str(const char *s, size_t n, int base, bool *ok) {
    size_t i = 0;
    *ok = false;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r')) n--;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    if (n - i >= 2 && s[i] == '0') {
        char p = (char)(s[i + 1] | 32);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            i += 2;
        }
    }
    if (base == 0) {
        base = 10;
        /* "0123" is not a valid literal, but "0" and "00" are */
        if (n - i > 1 && s[i] == '0') {
            for (size_t k = i; k < n; k++)
                if (s[k] != '0' && s[k] != '_') return PV_NULL;
        }
    }
    uint64_t v = 0;
    bool any = false;
    for (; i < n; i++) {
        int c = (unsigned char)s[i], d;
        if (c == '_') continue;
        if (c >= '0' && c <= '9') d = c - '0';
        else if ((c | 32) >= 'a' && (c | 32) <= 'z') d = (c | 32) - 'a' + 10;
        else return PV_NULL;
        if (d >= base) return PV_NULL;
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) {
            *ok = true;
            rt_raise_msg(&t_OverflowError, "long int not supported in this build");
        }
        v = v * (uint64_t)base + (uint64_t)d;
        any = true;
    }
    if (!any) return PV_NULL;
    if (v > (uint64_t)INT64_MAX + neg) rt_raise_msg(&t_OverflowError, "long int not supported in this build");
    *ok = true;
    return rt_int(neg ? (int64_t)(0 - v) : (int64_t)v);
}

/* ---- int and float objects ---- */
pv rt_float(float f) {
    pfloat *o = gc_alloc(sizeof(pfloat));
    o->type = &t_float;
    o->v = f;
    return (pv)o;
}

static bool is_float(pv v) { return pv_is(v, &t_float); }
static bool is_intlike(pv v) { return PV_IS_INT(v) || pv_is(v, &t_int) || pv_is(v, &t_bool); }

float rt_to_float(pv v) {
    if (is_float(v)) return ((pfloat *)v)->v;
    if (is_intlike(v)) return float_from_int(rt_to_int(v));
    rt_raise_fmt(&t_TypeError, "can't convert %s to float", rt_type_name(v));
}

static _Noreturn void overflow(void) { rt_raise_msg(&t_OverflowError, "small int overflow"); }
static _Noreturn void zero_div(void) { rt_raise_msg(&t_ZeroDivisionError, "divide by zero"); }

static float fmodf_py(float x, float y) {
    float q = x / y;
    /* floor without libm */
    float fl = float_from_int(float_trunc(q));
    if (fl > q) fl -= 1;
    float r = x - fl * y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return r;
}

static float floorf_py(float q) {
    if (q > 9.2e18f || q < -9.2e18f) return q;
    float fl = float_from_int(float_trunc(q));
    return fl > q ? fl - 1 : fl;
}

/* exp and log in single precision, for non-integral powers: our own code,
 * so every board computes the same bits */
static const float LN2_HI = 0.693145751953125f, LN2_LO = 1.42860676e-06f;

static float exp_f(float x) {
    if (x > 88.8f) return 3.4028235e38f * 2;
    if (x < -104) return 0;
    int k = (int)(x * 1.44269504f + (x < 0 ? -0.5f : 0.5f));
    float r = (x - (float)k * LN2_HI) - (float)k * LN2_LO;
    float sum = 1, term = 1;
    for (int i = 1; i < 9; i++) {
        term *= r / (float)i;
        sum += term;
    }
    for (; k > 0; k--) sum *= 2;
    for (; k < 0; k++) sum *= 0.5f;
    return sum;
}

static float log_f(float x) {
    int k = 0;
    while (x > 1.5f) {
        x *= 0.5f;
        k++;
    }
    while (x < 0.75f) {
        x *= 2;
        k--;
    }
    /* log(x) = 2 atanh((x-1)/(x+1)) */
    float y = (x - 1) / (x + 1), y2 = y * y, term = y, sum = 0;
    for (int i = 1; i < 14; i += 2) {
        sum += term / (float)i;
        term *= y2;
    }
    return 2 * sum + (float)k * LN2_LO + (float)k * LN2_HI;
}

static pv float_pow(float x, float y) {
    if (y == (float)(int32_t)y && y > -1e9f && y < 1e9f) {
        int32_t n = (int32_t)y;
        float r = 1, b = x;
        uint32_t u = n < 0 ? (uint32_t)(-(int64_t)n) : (uint32_t)n;
        while (u) {
            if (u & 1) r *= b;
            b *= b;
            u >>= 1;
        }
        if (n < 0) {
            if (r == 0) zero_div();
            r = 1 / r;
        }
        return rt_float(r);
    }
    if (x < 0) rt_raise_msg(&t_ValueError, "math domain error");
    if (x == 0) return rt_float(0);
    return rt_float(exp_f(y * log_f(x)));
}

static pv float_binary(int op, float x, float y) {
    switch (op & ~OP_INPLACE) {
    case OP_ADD: return rt_float(x + y);
    case OP_SUB: return rt_float(x - y);
    case OP_MUL: return rt_float(x * y);
    case OP_TRUEDIV:
        if (y == 0) zero_div();
        return rt_float(x / y);
    case OP_FLOORDIV:
        if (y == 0) zero_div();
        return rt_float(floorf_py(x / y));
    case OP_MOD:
        if (y == 0) zero_div();
        return rt_float(fmodf_py(x, y));
    case OP_POW: return float_pow(x, y);
    COMPARE_CASES(x, y)
    default: return PV_NULL;
    }
}

static pv int_binary(int op, int64_t x, int64_t y) {
    int64_t r;
    switch (op & ~OP_INPLACE) {
    case OP_ADD:
        if (__builtin_add_overflow(x, y, &r)) overflow();
        return rt_int(r);
    case OP_SUB:
        if (__builtin_sub_overflow(x, y, &r)) overflow();
        return rt_int(r);
    case OP_MUL:
        if (__builtin_mul_overflow(x, y, &r)) overflow();
        return rt_int(r);
    case OP_FLOORDIV:
    case OP_MOD: {
        if (y == 0) zero_div();
        if (x == INT64_MIN && y == -1) overflow();
        int64_t q = x / y, m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) {
            q--;
            m += y;
        }
        return rt_int((op & ~OP_INPLACE) == OP_MOD ? m : q);
    }
    case OP_TRUEDIV:
        if (y == 0) zero_div();
        return rt_float(float_from_int(x) / float_from_int(y));
    case OP_POW: {
        if (y < 0) return float_pow(float_from_int(x), float_from_int(y));
        int64_t acc = 1, b = x;
        while (y) {
            if (y & 1)
                if (__builtin_mul_overflow(acc, b, &acc)) overflow();
            y >>= 1;
            if (y && __builtin_mul_overflow(b, b, &b)) overflow();
        }
        return rt_int(acc);
    }
    case OP_LSHIFT:
        if (y < 0) rt_raise_msg(&t_ValueError, "negative shift count");
        if (x == 0) return PV_FROM_INT(0);
        if (y >= 63 || (x > 0 ? x > (INT64_MAX >> y) : x < (INT64_MIN >> y))) overflow();
        return rt_int((int64_t)((uint64_t)x << y));
    case OP_RSHIFT:
        if (y < 0) rt_raise_msg(&t_ValueError, "negative shift count");
        return rt_int(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
    case OP_AND: return rt_int(x & y);
    case OP_OR: return rt_int(x | y);
    case OP_XOR: return rt_int(x ^ y);
    COMPARE_CASES(x, y)
    default: return PV_NULL;
    }
}

static pv num_binary(int op, pv a, pv b) {
    bool fa = is_float(a), fb = is_float(b);
    if ((!fa && !is_intlike(a)) || (!fb && !is_intlike(b))) return PV_NULL;
    if (fa || fb) return float_binary(op, rt_to_float(a), rt_to_float(b));
    return int_binary(op, rt_to_int(a), rt_to_int(b));
}

static pv num_unary(int op, pv self) {
    if (is_float(self)) {
        float f = ((pfloat *)self)->v;
        switch (op) {
        case OP_NEG: return rt_float(-f);
        case OP_POS: return self;
        case OP_BOOL: return PV_BOOL(f != 0);
        case OP_HASH:
            if (f == float_from_int(float_trunc(f))) return rt_int(float_trunc(f));
            {
                uint32_t bits;
                memcpy(&bits, &f, 4);
                return PV_FROM_INT(bits >> 2);
            }
        default: return PV_NULL;
        }
    }
    int64_t v = rt_to_int(self);
    switch (op) {
    case OP_NEG:
        if (v == INT64_MIN) overflow();
        return rt_int(-v);
    case OP_POS: return rt_int(v);
    case OP_INVERT: return rt_int(~v);
    case OP_BOOL: return PV_BOOL(v != 0);
    case OP_HASH: return rt_int(v);
    default: return PV_NULL;
    }
}

static void int_print(pout *o, pv self, bool repr) { out_int(o, rt_to_int(self)); }

void int_print_base(pout *o, pv v, int base, bool upper) {
    int64_t i = rt_to_int(v);
    uint64_t u = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
    char buf[66];
    int k = sizeof buf;
    do {
        int d = (int)(u % (unsigned)base);
        buf[--k] = (char)(d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10);
        u /= (unsigned)base;
    } while (u);
    if (i < 0) buf[--k] = '-';
    out_n(o, buf + k, sizeof buf - (size_t)k);
}
static void float_obj_print(pout *o, pv self, bool repr) { float_print(o, ((pfloat *)self)->v, 'g', -1); }

static pv str_to_number(pv s, int base, bool want_float) {
    pbuf b;
    rt_need_buffer(s, &b, false);
    bool ok;
    pv v = want_float ? float_from_str((const char *)b.data, b.len, &ok) : int_from_str((const char *)b.data, b.len, base, &ok);
    if (v && ok) return v;
    vstr msg;
    vstr_init(&msg, 48);
    gc_root_push((pv *)&msg.buf);
    if (want_float) {
        out_str(&msg.out, "could not convert string to float: ");
    } else {
        out_str(&msg.out, "invalid syntax for integer with base ");
        out_int(&msg.out, base ? base : 10);
        out_str(&msg.out, ": ");
    }
    pv str = str_new(&t_str, (const char *)b.data, b.len);
    gc_root_push(&str); /* printing it grows msg */
    rt_print(&msg.out, str, true);
    pv m = vstr_to_str(&msg, &t_str);
    gc_root_pop(2);
    rt_raise_arg(&t_ValueError, m);
}

static pv int_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 0, 2);
    if (n == 0) return PV_FROM_INT(0);
    pv x = args[0];
    if (n == 2) {
        if (!pv_is(x, &t_str) && !pv_is(x, &t_bytes) && !pv_is(x, &t_bytearray))
            rt_raise_msg(&t_TypeError, "can't convert non-string with explicit base");
        return str_to_number(x, (int)rt_to_int(args[1]), false);
    }
    if (is_intlike(x)) return rt_int(rt_to_int(x));
    if (is_float(x)) {
        float f = ((pfloat *)x)->v;
        if (f != f) rt_raise_msg(&t_ValueError, "can't convert NaN to int");
        if (f >= 9.2233720e18f || f <= -9.2233720e18f) rt_raise_msg(&t_OverflowError, "can't convert inf to int");
        return rt_int(float_trunc(f));
    }
    pbuf b;
    if (rt_get_buffer(x, &b, false)) return str_to_number(x, 10, false);
    rt_raise_fmt(&t_TypeError, "can't convert %s to int", rt_type_name(x));
}

static pv float_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args(n, 0, 1);
    if (n == 0) return rt_float(0);
    if (is_float(args[0])) return args[0];
    if (is_intlike(args[0])) return rt_float(float_from_int(rt_to_int(args[0])));
    pbuf b;
    if (rt_get_buffer(args[0], &b, false)) return str_to_number(args[0], 10, true);
    rt_raise_fmt(&t_TypeError, "can't convert %s to float", rt_type_name(args[0]));
}

/* int.to_bytes(length, byteorder) and int.from_bytes(bytes, byteorder) */
static pv int_to_bytes_fn(int n, const pv *args, int nkw, const pv *kw) {
    int64_t v = rt_to_int(args[0]);
    int64_t len = rt_to_int(args[1]);
    bool big = n > 2 && pv_is(args[2], &t_str) && ((pstr *)args[2])->len == 3;
    if (len < 0) rt_raise_msg(&t_ValueError, "negative length");
    uint8_t buf[8];
    if (len > 8) len = 8;
    for (int i = 0; i < len; i++) buf[big ? len - 1 - i : i] = (uint8_t)((uint64_t)v >> (8 * i));
    return str_new(&t_bytes, (const char *)buf, (size_t)len);
}
static BUILTIN(int_to_bytes, to_bytes, 2, 3, false);

static pv int_from_bytes_fn(int n, const pv *args, int nkw, const pv *kw) {
    pbuf b;
    rt_need_buffer(args[0], &b, false);
    bool big = n > 1 && pv_is(args[1], &t_str) && ((pstr *)args[1])->len == 3;
    uint64_t v = 0;
    for (size_t i = 0; i < b.len && i < 8; i++) {
        size_t k = big ? i : b.len - 1 - i;
        v = (v << 8) | b.data[k];
    }
    return rt_int((int64_t)v);
}
static BUILTIN(int_from_bytes, from_bytes, 1, 3, false);

TABLE(int_locals, MEMBER(to_bytes, &int_to_bytes), MEMBER(from_bytes, &int_from_bytes));

const ptype t_int = {TYPE_HEAD(int), .make = int_make, .print = int_print, .unary = num_unary,
                     .binary = num_binary, .locals = &int_locals};
const ptype t_float = {TYPE_HEAD(float), .make = float_make, .print = float_obj_print,
                       .unary = num_unary, .binary = num_binary};
