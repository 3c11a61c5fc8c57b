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
    rt_check_args("bool", n, 0, 1);
    return PV_BOOL(n && rt_truthy(args[0]));
}
static pv num_unary(int op, pv self);
static pv num_binary(int op, pv a, pv b);
const ptype t_bool = {TYPE_HEAD(bool), .base = &t_int, .make = bool_make, .print = bool_print,
                      .unary = num_unary, .binary = num_binary};
const pobj o_true = {&t_bool}, o_false = {&t_bool};

/* ---- floats: digits ---- */
static const double pow10_tab[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

static double pow10d(int e) {
    double r = 1;
    int a = e < 0 ? -e : e;
    while (a > 22) {
        r *= 1e22;
        a -= 22;
    }
    r *= pow10_tab[a];
    return e < 0 ? 1 / r : r;
}

/* n significant digits (1..17) of d > 0, rounded; returns the decimal
 * exponent of the first digit. */
static int float_digits(double d, int n, char *out) {
    int e = 0;
    while (d >= pow10d(e + 1)) e++;
    while (d < pow10d(e)) e--;
    int shift = n - 1 - e;
    double scaled = shift >= 0 ? d * pow10d(shift) : d / pow10d(-shift);
    uint64_t m = (uint64_t)scaled;
    double frac = scaled - (double)m;
    if (frac > 0.5 || (frac == 0.5 && (m & 1))) m++;
    uint64_t lim = 1;
    for (int i = 0; i < n; i++) lim *= 10;
    if (m >= lim) {
        m /= 10;
        e++;
    }
    for (int i = n - 1; i >= 0; i--) {
        out[i] = (char)('0' + m % 10);
        m /= 10;
    }
    return e;
}

static void out_digits(pout *o, const char *d, int n, int start, int count) {
    for (int i = start; i < start + count; i++) out_char(o, i >= 0 && i < n ? d[i] : '0');
}

/* fmt: 'g' (repr when prec < 0), 'e', 'f' */
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
    char d[20];
    int e;
    if (fmt == 'f') {
        if (f == 0) {
            e = 0;
            memset(d, '0', sizeof d);
        } else {
            /* digits up to 10^-prec, at most 17 significant */
            int e0 = float_digits(f, 1, d);
            int n = e0 + 1 + prec;
            if (n > 17) n = 17;
            if (n < 1) {
                /* rounds to zero or to one unit in the last place */
                double unit = pow10d(-prec);
                e = -prec;
                d[0] = (double)f >= unit / 2 ? '1' : '0';
                n = 1;
                if (d[0] == '0') e = 0;
            } else {
                e = float_digits(f, n, d);
                if (e > e0) {
                    /* rounding carried into a new digit: recompute with one more */
                    n = e + 1 + prec > 17 ? 17 : e + 1 + prec;
                    e = float_digits(f, n, d);
                }
            }
            if (e < -prec) e = 0, memset(d, '0', sizeof d);
            int intdigits = e + 1;
            if (intdigits <= 0) out_char(o, '0');
            else out_digits(o, d, n, 0, intdigits);
            if (prec > 0) {
                out_char(o, '.');
                out_digits(o, d, n, intdigits, prec);
            }
            return;
        }
        out_char(o, '0');
        if (prec > 0) {
            out_char(o, '.');
            for (int i = 0; i < prec; i++) out_char(o, '0');
        }
        return;
    }
    if (fmt == 'e') {
        if (f == 0) {
            memset(d, '0', sizeof d);
            e = 0;
        } else {
            e = float_digits(f, prec + 1 > 17 ? 17 : prec + 1, d);
        }
        out_char(o, d[0]);
        if (prec > 0) {
            out_char(o, '.');
            out_digits(o, d, 17, 1, prec);
        }
    } else {
        /* %g: prec significant digits, trailing zeros dropped */
        if (prec == 0) prec = 1;
        int n = prec > 17 ? 17 : prec;
        if (f == 0) {
            memset(d, '0', sizeof d);
            e = 0;
        } else {
            e = float_digits(f, n, d);
        }
        int last = n - 1;
        while (last > 0 && d[last] == '0') last--;
        if (e >= -4 && e < prec) {
            if (e < 0) {
                out_str(o, "0.");
                for (int i = 0; i < -e - 1; i++) out_char(o, '0');
                out_n(o, d, (size_t)last + 1);
            } else {
                out_n(o, d, (size_t)e + 1 <= (size_t)n ? (size_t)e + 1 : (size_t)n);
                if (last > e) {
                    out_char(o, '.');
                    out_n(o, d + e + 1, (size_t)(last - e));
                } else if (repr) {
                    out_str(o, ".0");
                }
            }
            return;
        }
        out_char(o, d[0]);
        if (last > 0) {
            out_char(o, '.');
            out_n(o, d + 1, (size_t)last);
        }
    }
    out_char(o, 'e');
    out_char(o, e < 0 ? '-' : '+');
    if (e < 0) e = -e;
    if (e < 10) out_char(o, '0');
    out_int(o, e);
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
        return rt_float(neg ? -3.4028235e38f * 10 : 3.4028235e38f * 10);
    }
    if (n - i == 3 && (s[i] | 32) == 'n' && (s[i + 1] | 32) == 'a' && (s[i + 2] | 32) == 'n') {
        *ok = true;
        float z = 0;
        return rt_float(z / z);
    }
    uint64_t m = 0;
    int exp = 0, digits = 0;
    bool any = false;
    for (; i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_'); i++) {
        if (s[i] == '_') continue;
        any = true;
        if (digits < 19) {
            m = m * 10 + (uint64_t)(s[i] - '0');
            if (m) digits++;
        } else {
            exp++;
        }
    }
    if (i < n && s[i] == '.') {
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
            any = true;
            if (digits < 19) {
                m = m * 10 + (uint64_t)(s[i] - '0');
                if (m) digits++;
                exp--;
            }
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
    double d = (double)m;
    if (m && exp > 60) d = 1e300;
    else if (m && exp < -80) d = 0;
    else d = exp < 0 ? d / pow10d(-exp) : d * pow10d(exp);
    *ok = true;
    return rt_float((float)(neg ? -d : d));
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
    if (is_intlike(v)) return (float)rt_to_int(v);
    rt_raise_fmt(&t_TypeError, "can't convert %s to float", rt_type_name(v));
}

static _Noreturn void overflow(void) { rt_raise_msg(&t_OverflowError, "small int overflow"); }
static _Noreturn void zero_div(void) { rt_raise_msg(&t_ZeroDivisionError, "divide by zero"); }

static float fmodf_py(float x, float y) {
    float q = x / y;
    /* floor without libm */
    float fl = (float)(int64_t)q;
    if (fl > q) fl -= 1;
    float r = x - fl * y;
    if (r != 0 && ((r < 0) != (y < 0))) r += y;
    return r;
}

static float floorf_py(float q) {
    if (q > 9.2e18f || q < -9.2e18f) return q;
    float fl = (float)(int64_t)q;
    return fl > q ? fl - 1 : fl;
}

/* exp and log in double, for non-integral powers: same code, same bits on every board */
static double exp_d(double x) {
    if (x > 709) return 1e308 * 10;
    if (x < -745) return 0;
    int k = (int)(x / 0.6931471805599453 + (x < 0 ? -0.5 : 0.5));
    double r = x - k * 0.6931471805599453, term = 1, sum = 1;
    for (int i = 1; i < 30; i++) {
        term *= r / i;
        sum += term;
    }
    while (k > 0) { sum *= 2; k--; }
    while (k < 0) { sum /= 2; k++; }
    return sum;
}

static double log_d(double x) {
    int k = 0;
    while (x > 2) { x /= 2; k++; }
    while (x < 1) { x *= 2; k--; }
    /* log(x) = 2 atanh((x-1)/(x+1)) */
    double y = (x - 1) / (x + 1), y2 = y * y, term = y, sum = 0;
    for (int i = 1; i < 60; i += 2) {
        sum += term / i;
        term *= y2;
    }
    return 2 * sum + k * 0.6931471805599453;
}

static pv float_pow(float x, float y) {
    if (y == (float)(int32_t)y && y > -1e9f && y < 1e9f) {
        int32_t n = (int32_t)y;
        double r = 1, b = x;
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
        return rt_float((float)r);
    }
    if (x < 0) rt_raise_msg(&t_ValueError, "math domain error");
    if (x == 0) return rt_float(0);
    return rt_float((float)exp_d(y * log_d(x)));
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
        return rt_float((float)((double)x / (double)y));
    case OP_POW: {
        if (y < 0) return float_pow((float)x, (float)y);
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
            if (f == (float)(int64_t)f) return rt_int((int64_t)f);
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
    rt_print(&msg.out, str, true);
    pv m = vstr_to_str(&msg, &t_str);
    gc_root_pop(1);
    pv t = tuple_new(1);
    ((ptuple *)t)->items[0] = m;
    rt_raise(exc_new(want_float ? &t_ValueError : &t_ValueError, t));
}

static pv int_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args("int", n, 0, 2);
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
        return rt_int((int64_t)f);
    }
    pbuf b;
    if (rt_get_buffer(x, &b, false)) return str_to_number(x, 10, false);
    rt_raise_fmt(&t_TypeError, "can't convert %s to int", rt_type_name(x));
}

static pv float_make(const ptype *t, int n, const pv *args, int nkw, const pv *kw) {
    rt_check_args("float", n, 0, 1);
    if (n == 0) return rt_float(0);
    if (is_float(args[0])) return args[0];
    if (is_intlike(args[0])) return rt_float((float)rt_to_int(args[0]));
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
