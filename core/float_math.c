/* float_math.c — single-precision math in portable C: exp, log, pow, sqrt,
 * sin, cos, tan, atan, atan2 and the exact helpers (floor, fmod, ldexp...).
 *
 * Why not the C library: glibc, musl and newlib round differently in the
 * last bit, and the device has no double hardware (soft doubles cost 8 KB).
 * These use only IEEE single operations, which every board rounds alike
 * (C11 mode keeps GCC from fusing multiply-adds), plus integer arithmetic,
 * so every board computes the same bits. Intermediate results carry a
 * second float for the bits the first cannot hold ("float-float"), which
 * keeps results within about one unit in the last place (checked against
 * CPython's doubles by tests/host/math_accuracy.py). Pure functions: no
 * Python objects here. */
#include <string.h>

#include "float_math.h"

#define F_INF fm_from_bits(0x7F800000u)
#define F_NAN fm_from_bits(0x7FC00000u)

/* ---- exact helpers ---- */
bool fm_isnan(float x) { return (fm_bits(x) & 0x7FFFFFFF) > 0x7F800000u; }
bool fm_isinf(float x) { return (fm_bits(x) & 0x7FFFFFFF) == 0x7F800000u; }

float fm_copysign(float x, float s) { return fm_from_bits((fm_bits(x) & 0x7FFFFFFF) | (fm_bits(s) & 0x80000000u)); }

/* mant * 2**e2 (mant with its top bit set) rounded to the nearest float;
 * `sticky` says bits below mant were lost (they break ties upward). */
float fm_from_parts(uint64_t mant, int e2, bool sticky, bool neg) {
    int E = e2 + 63; /* value = 1.xxx * 2**E */
    uint32_t sign = neg ? 0x80000000u : 0;
    if (E > 127) return fm_from_bits(sign | 0x7F800000u);
    int shift = 40; /* keep 24 bits */
    if (E < -126) shift += -126 - E;
    uint32_t m24;
    if (shift >= 64) {
        /* below half the smallest subnormal, or (shift 64) maybe above it */
        m24 = shift == 64 && (mant > ((uint64_t)1 << 63) || (mant == ((uint64_t)1 << 63) && sticky));
    } else {
        m24 = (uint32_t)(mant >> shift);
        uint64_t rest = mant & (((uint64_t)1 << shift) - 1), half = (uint64_t)1 << (shift - 1);
        if (rest > half || (rest == half && (sticky || (m24 & 1)))) m24++;
    }
    if (E < -126) return fm_from_bits(sign | m24); /* subnormal; a carry into bit 23 makes it normal, as it should */
    if (m24 >> 24) {
        m24 >>= 1;
        if (++E > 127) return fm_from_bits(sign | 0x7F800000u);
    }
    return fm_from_bits(sign | ((uint32_t)(E + 127) << 23) | (m24 & 0x7FFFFF));
}

/* a * 2**e2 rounded to a float, for any a (normalised here) */
static float u64_to_float(uint64_t a, int e2, bool neg) {
    if (!a) return neg ? -0.0f : 0.0f;
    while (!(a >> 63)) {
        a <<= 1;
        e2--;
    }
    return fm_from_parts(a, e2, false, neg);
}

/* A finite nonzero x as m * 2**e with m a 24-bit integer (top bit set). */
static uint32_t unpack(float x, int *e) {
    uint32_t b = fm_bits(x) & 0x7FFFFFFF, m = b & 0x7FFFFF;
    int be = (int)(b >> 23);
    if (be) {
        m |= 0x800000;
    } else {
        for (be = 1; !(m & 0x800000); be--) m <<= 1;
    }
    *e = be - 150;
    return m;
}

float fm_ldexp(float x, int n) {
    if (x == 0 || fm_isnan(x) || fm_isinf(x)) return x;
    if (n > 400) n = 400;
    if (n < -400) n = -400;
    int e;
    uint64_t m = unpack(x, &e);
    return fm_from_parts(m << 40, e + n - 40, false, fm_bits(x) >> 31);
}

float fm_frexp(float x, int *e) {
    *e = 0;
    if (x == 0 || fm_isnan(x) || fm_isinf(x)) return x;
    uint32_t m = unpack(x, e);
    *e += 24;
    return fm_from_bits((fm_bits(x) & 0x80000000u) | (126u << 23) | (m & 0x7FFFFF));
}

float fm_trunc(float x) {
    uint32_t b = fm_bits(x);
    int e = (int)((b >> 23) & 0xFF) - 127;
    if (e >= 23) return x;
    if (e < 0) return fm_from_bits(b & 0x80000000u);
    return fm_from_bits(b & ~(0x7FFFFFu >> e));
}

float fm_floor(float x) {
    float t = fm_trunc(x);
    return t > x ? t - 1 : t;
}

float fm_ceil(float x) {
    float t = fm_trunc(x);
    return t < x ? t + 1 : t;
}

/* nearest integer, ties to even */
float fm_rint(float x) {
    float t = fm_floor(x), d = x - t;
    if (d > 0.5f || (d == 0.5f && fm_floor(t * 0.5f) != t * 0.5f)) t += 1;
    return t == 0 ? fm_copysign(0, x) : t;
}

/* x - n*y exactly, n = trunc(x/y): long division on the mantissas */
float fm_fmod(float x, float y) {
    uint32_t bx = fm_bits(x) & 0x7FFFFFFF, by = fm_bits(y) & 0x7FFFFFFF, sx = fm_bits(x) & 0x80000000u;
    if (by == 0 || bx >= 0x7F800000u || by > 0x7F800000u) return F_NAN;
    if (bx < by) return x;
    int ex, ey;
    uint32_t mx = unpack(x, &ex), my = unpack(y, &ey);
    for (; ex > ey; ex--) {
        if (mx >= my) mx -= my;
        mx <<= 1;
    }
    if (mx >= my) mx -= my;
    return u64_to_float(mx, ex, sx);
}

/* correctly rounded: the integer square root of the mantissa times 2**52,
 * two bits at a time, with the remainder deciding the rounding. 32-bit
 * arithmetic only: the root has 26 bits and the remainder 28. */
static void sqrt_step(uint32_t *root, uint32_t *rem, uint32_t two_bits) {
    *rem = (*rem << 2) | two_bits;
    *root <<= 1;
    if (*rem >= 2 * *root + 1) {
        *rem -= 2 * *root + 1;
        ++*root;
    }
}

float fm_sqrt(float x) {
    if (x < 0) return F_NAN;
    if (x == 0 || fm_isinf(x) || fm_isnan(x)) return x;
    int e;
    uint32_t m = unpack(x, &e);
    if (e & 1) {
        m <<= 1;
        e--;
    }
    uint32_t root = 0, rem = 0;
    for (int i = 24; i >= 0; i -= 2) sqrt_step(&root, &rem, (m >> i) & 3);
    for (int i = 0; i < 13; i++) sqrt_step(&root, &rem, 0); /* the 26 zero bits below */
    int shift = 32 + __builtin_clz(root);
    return fm_from_parts((uint64_t)root << shift, e / 2 - 13 - shift, rem != 0, false);
}

/* ---- float-float: a value as hi + lo, lo below hi's last bit ---- */
typedef struct {
    float hi, lo;
} ff;

static ff two_sum(float a, float b) {
    float s = a + b, bb = s - a;
    return (ff){s, (a - (s - bb)) + (b - bb)};
}

static ff fast_two_sum(float a, float b) { /* |a| >= |b| */
    float s = a + b;
    return (ff){s, b - (s - a)};
}

static ff two_prod(float a, float b) {
    /* split each factor into halves whose products are exact (Veltkamp) */
    float ca = 4097.0f * a, ah = ca - (ca - a), al = a - ah;
    float cb = 4097.0f * b, bh = cb - (cb - b), bl = b - bh;
    float p = a * b;
    return (ff){p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
}

/* (a.hi + a.lo) * (b.hi + b.lo), to about 2**-44 */
static ff ff_mul(ff a, ff b) {
    ff p = two_prod(a.hi, b.hi);
    return fast_two_sum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

static ff ff_add(ff a, ff b) {
    ff s = two_sum(a.hi, b.hi);
    return fast_two_sum(s.hi, s.lo + a.lo + b.lo);
}

static ff ff_div(ff a, ff b) {
    float q = a.hi / b.hi;
    ff p = ff_mul((ff){q, 0}, b);
    float r = ((a.hi - p.hi) - p.lo + a.lo) / b.hi;
    return fast_two_sum(q, r);
}

static float ff_round(ff a) { return a.hi + a.lo; }

/* constants as float-float pairs (hi, lo): the nearest float and the rest */
static const ff INV_LN2 = {1.44269502f, 1.92596303e-08f};
static const ff INV_LN10 = {0.434294492f, -1.010305e-08f};
static const ff PI = {3.14159274f, -8.74227766e-08f};
static const ff PI_2 = {1.57079637f, -4.37113883e-08f};
static const ff PI_6 = {0.52359879f, -1.45704631e-08f};
static const ff SQRT3 = {1.73205078f, 3.10872501e-08f};
#define LN2_HI 0.693145751953125f /* ln 2 in 15 bits, so k * LN2_HI is exact */
#define LN2_LO 1.42860677e-06f

/* ---- exp and log ---- */

/* exp(t.hi + t.lo): t = n ln2 + r with |r| <= ln2/2, then a Taylor series */
static float exp_ff(ff t) {
    if (fm_isnan(t.hi)) return t.hi;
    if (t.hi > 89) return F_INF;
    if (t.hi < -104) return 0;
    float kf = fm_rint(t.hi * INV_LN2.hi);
    int k = (int)kf;
    ff r = fast_two_sum(t.hi - kf * LN2_HI, t.lo - kf * LN2_LO);
    float x = r.hi;
    ff h = two_prod(x, x); /* x*x/2 exactly: the largest term after 1 + x */
    h.hi *= 0.5f;
    h.lo *= 0.5f;
    float rest = x * x * x * (1.66666672e-01f + x * (4.16666679e-02f + x * (8.33333377e-03f +
                 x * (1.38888892e-03f + x * (1.98412701e-04f + x * 2.48015876e-05f)))));
    ff s = ff_add(two_sum(1, x), (ff){h.hi, h.lo + r.lo + rest});
    return fm_ldexp(ff_round(s), k);
}

float fm_exp(float x) { return exp_ff((ff){x, 0}); }

/* log(x) for finite x > 0: x = 2**k * m with m near 1, log m = 2 atanh(f/(2+f)) */
static ff log_ff(float x) {
    int k;
    uint32_t mi = unpack(x, &k);
    float m = fm_from_bits((127u << 23) | (mi & 0x7FFFFF)); /* in [1, 2) */
    k += 23;
    if (m > 1.41421354f) {
        m *= 0.5f;
        k++;
    }
    float f = m - 1; /* exact: m is within a factor 2 of 1 */
    ff d = two_sum(2, f);
    float s = f / d.hi;
    ff p = two_prod(s, d.hi);
    float slo = ((f - p.hi) - p.lo - s * d.lo) / d.hi;
    float z = s * s;
    float tail = s * z * (0.666666687f + z * (0.400000006f + z * (0.285714298f + z * (0.222222224f + z * 0.181818187f))));
    ff lm = fast_two_sum(2 * s, 2 * slo + tail);
    ff kl = fast_two_sum((float)k * LN2_HI, (float)k * LN2_LO);
    return ff_add(kl, lm);
}

float fm_log(float x) {
    if (fm_isnan(x) || x < 0) return F_NAN;
    if (x == 0) return -F_INF;
    if (fm_isinf(x)) return x;
    return ff_round(log_ff(x));
}

/* log(x) / log(base) without rounding either first */
float fm_log_base(float x, float base) {
    if (fm_isnan(x) || fm_isnan(base) || x < 0 || base < 0) return F_NAN;
    if (x == 0 || fm_isinf(x) || base == 0 || fm_isinf(base) || base == 1) return fm_log(x) / fm_log(base);
    return ff_round(ff_div(log_ff(x), log_ff(base)));
}

float fm_log2(float x) {
    if (!(x > 0) || fm_isinf(x)) return fm_log(x);
    return ff_round(ff_mul(log_ff(x), INV_LN2));
}

float fm_log10(float x) {
    if (!(x > 0) || fm_isinf(x)) return fm_log(x);
    return ff_round(ff_mul(log_ff(x), INV_LN10));
}

static bool is_odd_int(float y) {
    float h = y * 0.5f;
    return fm_trunc(y) == y && fm_trunc(h) != h;
}

/* C99's pow, special cases included */
float fm_pow(float x, float y) {
    if (y == 0 || x == 1) return 1;
    if (fm_isnan(x) || fm_isnan(y)) return F_NAN;
    float ax = x < 0 ? -x : x;
    if (fm_isinf(y)) {
        if (ax == 1) return 1;
        return (ax > 1) == (y > 0) ? F_INF : 0;
    }
    bool odd = x < 0 && is_odd_int(y);
    if (x == 0 || fm_isinf(x)) {
        float r = (x == 0) == (y < 0) ? F_INF : 0;
        return odd ? -r : r;
    }
    if (x < 0 && fm_trunc(y) != y) return F_NAN;
    ff l = log_ff(ax);
    float th = y * l.hi;
    if (th > 200 || th < -200) { /* far beyond the float range: no float-float products */
        float r = th > 0 ? F_INF : 0;
        return odd ? -r : r;
    }
    ff t = two_prod(y, l.hi);
    t = fast_two_sum(t.hi, t.lo + y * l.lo);
    float r = exp_ff(t);
    return odd ? -r : r;
}

/* ---- trigonometry ---- */

/* 2/pi in binary, from its first fraction bit: enough for any float */
static const uint32_t TWO_OVER_PI[] = {0xA2F9836E, 0x4E441529, 0xFC2757D1, 0xF534DDC0,
                                       0xDB629599, 0x3C439041, 0xFE5163AB, 0xDEBBC561};

/* bits p .. p+31 of 2/pi (bit 1 is the first after the point) */
static uint32_t two_over_pi_bits(int p) {
    if (p <= -31) return 0;
    if (p <= 0) return TWO_OVER_PI[0] >> (1 - p);
    int i = (p - 1) / 32, s = (p - 1) % 32;
    return (TWO_OVER_PI[i] << s) | (s ? TWO_OVER_PI[i + 1] >> (32 - s) : 0);
}

/* x = q * pi/2 + r with |r| <= pi/4, r as float-float; returns q mod 4.
 * Exact reduction (Payne and Hanek): x = m * 2**e, and only the bits of 2/pi
 * from about e on matter modulo 4, so 96 of them times m give the
 * quadrant and a fraction of 94 bits, enough even when x is very close to
 * a multiple of pi/2. */
static int reduce(float x, ff *r) {
    if ((fm_bits(x) & 0x7FFFFFFF) <= 0x3F490FDBu) { /* |x| <= pi/4 */
        *r = (ff){x, 0};
        return 0;
    }
    int e;
    uint64_t m = unpack(x, &e);
    uint32_t w0 = two_over_pi_bits(e - 1), w1 = two_over_pi_bits(e + 31), w2 = two_over_pi_bits(e + 63);
    /* the low 96 bits of m * (w0:w1:w2) */
    uint64_t t2 = m * w2, t1 = m * w1 + (t2 >> 32), t0 = m * w0 + (t1 >> 32);
    uint32_t p0 = (uint32_t)t0, p1 = (uint32_t)t1, p2 = (uint32_t)t2;
    int q = (int)(p0 >> 30);
    uint64_t frac = ((uint64_t)p0 << 34) | ((uint64_t)p1 << 2) | (p2 >> 30); /* 64 bits after the point */
    if (frac >> 63) q++; /* past one half: round to the next quadrant, r negative */
    /* the signed fraction in [-1/2, 1/2) as a float-float: its top 24 bits and the next 40 */
    bool fneg = frac >> 63;
    uint64_t a = fneg ? 0 - frac : frac;
    int lz = a ? __builtin_clzll(a) : 0;
    a <<= lz;
    ff fr = {u64_to_float(a & ~(((uint64_t)1 << 40) - 1), -64 - lz, fneg), u64_to_float(a << 24, -88 - lz, fneg)};
    *r = ff_mul(fr, PI_2);
    if (fm_bits(x) >> 31) {
        r->hi = -r->hi;
        r->lo = -r->lo;
        q = -q;
    }
    return q & 3;
}

/* sin and cos of r, |r| <= pi/4, as Taylor series */
static ff sin_k(ff r) {
    float x = r.hi, z = x * x;
    float tail = x * z * (-1.66666672e-01f + z * (8.33333377e-03f + z * (-1.98412701e-04f +
                 z * (2.75573188e-06f - z * 2.50521079e-08f))));
    return fast_two_sum(x, r.lo + tail);
}

static ff cos_k(ff r) {
    float x = r.hi, z = x * x;
    ff hz = two_prod(x, x);
    hz.hi *= 0.5f;
    hz.lo *= 0.5f;
    float tail = z * z * (4.16666679e-02f + z * (-1.38888892e-03f + z * (2.48015876e-05f +
                 z * (-2.755732e-07f + z * 2.08767559e-09f))));
    ff w = two_sum(1, -hz.hi);
    return fast_two_sum(w.hi, w.lo + (tail - hz.lo - x * r.lo));
}

static ff neg(ff a) { return (ff){-a.hi, -a.lo}; }

float fm_sin(float x) {
    if (fm_isinf(x) || fm_isnan(x)) return F_NAN;
    ff r;
    int q = reduce(x, &r);
    ff v = q & 1 ? cos_k(r) : sin_k(r);
    return ff_round(q & 2 ? neg(v) : v);
}

float fm_cos(float x) {
    if (fm_isinf(x) || fm_isnan(x)) return F_NAN;
    ff r;
    int q = reduce(x, &r);
    ff v = q & 1 ? sin_k(r) : cos_k(r);
    return ff_round((q + 1) & 2 ? neg(v) : v);
}

float fm_tan(float x) {
    if (fm_isinf(x) || fm_isnan(x)) return F_NAN;
    ff r;
    int q = reduce(x, &r);
    ff s = sin_k(r), c = cos_k(r);
    return ff_round(q & 1 ? neg(ff_div(c, s)) : ff_div(s, c));
}

/* atan(a) for a >= 0, as float-float: a > 1 is pi/2 - atan(1/a), and the
 * rest is brought below tan(pi/12) by atan(a) = pi/6 + atan((a*sqrt3 - 1)/(a + sqrt3)) */
static ff atan_pos(ff a) {
    bool inv = a.hi > 1;
    ff t = inv ? ff_div((ff){1, 0}, a) : a;
    bool shift = t.hi > 0.267949194f;
    if (shift) {
        ff num = ff_add(ff_mul(t, SQRT3), (ff){-1, 0});
        t = ff_div(num, ff_add(t, SQRT3));
    }
    float u = t.hi, z = u * u;
    float tail = u * z * (-0.333333343f + z * (0.200000003f + z * (-0.142857149f + z * (0.111111112f +
                 z * (-0.0909090936f + z * (0.0769230798f - z * 0.0666666701f))))));
    ff v = fast_two_sum(u, t.lo + tail);
    if (shift) v = ff_add(PI_6, v);
    if (inv) v = ff_add(PI_2, neg(v));
    return v;
}

#define BIG 1e30f /* beyond it, the float-float products would overflow */

float fm_atan(float x) {
    if (fm_isnan(x)) return x;
    float a = x < 0 ? -x : x;
    if (a > BIG) return fm_copysign(ff_round(PI_2), x); /* pi/2 - 1/a rounds to pi/2 */
    return fm_copysign(ff_round(atan_pos((ff){a, 0})), x);
}

/* atan2 from |y| and |x| (finite, nonzero) as float-float, then the quadrant */
static float atan2_ff(ff ay, ff ax, bool xneg, bool yneg) {
    ff v = ay.hi > ax.hi * BIG ? PI_2 : atan_pos(ff_div(ay, ax));
    if (xneg) v = ff_add(PI, neg(v));
    float r = ff_round(v);
    return yneg ? -r : r;
}

float fm_atan2(float y, float x) {
    if (fm_isnan(x) || fm_isnan(y)) return F_NAN;
    bool xneg = fm_bits(x) >> 31, yneg = fm_bits(y) >> 31;
    float ax = x < 0 ? -x : x, ay = y < 0 ? -y : y;
    ff v;
    if (y == 0) {
        v = xneg ? PI : (ff){0, 0};
    } else if (x == 0) {
        v = PI_2;
    } else if (fm_isinf(ax) && fm_isinf(ay)) {
        v = xneg ? (ff){2.3561945f, -5.96244032e-09f} : (ff){0.785398185f, -2.18556941e-08f};
    } else if (fm_isinf(ax)) {
        v = xneg ? PI : (ff){0, 0};
    } else if (fm_isinf(ay)) {
        v = PI_2;
    } else {
        /* bring both into the range where float-float products cannot overflow */
        if (ax > BIG || ay > BIG) {
            ax = fm_ldexp(ax, -64);
            ay = fm_ldexp(ay, -64);
        } else if (ax < 1 / BIG && ay < 1 / BIG) {
            ax = fm_ldexp(ax, 64);
            ay = fm_ldexp(ay, 64);
        }
        return atan2_ff((ff){ay, 0}, (ff){ax, 0}, xneg, yneg);
    }
    return yneg ? -ff_round(v) : ff_round(v);
}

/* sqrt(1 - x*x) for |x| <= 1, as float-float */
static ff cosine_of_sine(float x) {
    ff p = two_prod(x, x);
    ff d = two_sum(1, -p.hi);
    d = fast_two_sum(d.hi, d.lo - p.lo);
    float s = fm_sqrt(d.hi);
    if (s == 0) return (ff){0, 0};
    ff sq = two_prod(s, s);
    return fast_two_sum(s, ((d.hi - sq.hi) - sq.lo + d.lo) / (2 * s));
}

float fm_asin(float x) {
    if (!(x >= -1 && x <= 1)) return F_NAN;
    if (x == 0) return x;
    ff c = cosine_of_sine(x);
    if (c.hi == 0) return fm_copysign(ff_round(PI_2), x);
    return atan2_ff((ff){x < 0 ? -x : x, 0}, c, false, x < 0);
}

float fm_acos(float x) {
    if (!(x >= -1 && x <= 1)) return F_NAN;
    if (x == 0) return ff_round(PI_2);
    ff c = cosine_of_sine(x);
    if (c.hi == 0) return x < 0 ? ff_round(PI) : 0;
    return atan2_ff(c, (ff){x < 0 ? -x : x, 0}, x < 0, false);
}
