/* mod_math.c — the math module: v1's functions and constants, plus log2,
 * log10, inf, nan and tau from today's MicroPython. The arithmetic is in
 * float_math.c; this file converts arguments and raises where v1 raises
 * (ValueError for sqrt and log outside their domain; asin, acos, fmod and
 * overflows quietly give nan or inf, as on v1). */
#include "float_math.h"
#include "num.h"

static float arg(pv v) { return rt_to_float(v); }

/* a nan result as v1 gives it: positive, whatever the processor made */
static pv result(float r) { return rt_float(r == r ? r : __builtin_nanf("")); }

static _Noreturn void domain_error(void) { rt_raise_msg(&t_ValueError, "math domain error"); }

/* one float in, one float out */
#define MATH_FN1(name, expr) \
    static pv math_##name##_fn(int n, const pv *args, int nkw, const pv *kw) { \
        float x = arg(args[0]); \
        return result(expr); \
    } \
    static BUILTIN(math_##name, name, 1, 1, false);

MATH_FN1(exp, fm_exp(x))
MATH_FN1(sin, fm_sin(x))
MATH_FN1(cos, fm_cos(x))
MATH_FN1(tan, fm_tan(x))
MATH_FN1(asin, fm_asin(x))
MATH_FN1(acos, fm_acos(x))
MATH_FN1(atan, fm_atan(x))
MATH_FN1(fabs, fm_copysign(x, 1))
MATH_FN1(degrees, x * 57.2957802f)
MATH_FN1(radians, x * 0.0174532924f)

static pv math_sqrt_fn(int n, const pv *args, int nkw, const pv *kw) {
    float x = arg(args[0]);
    if (x < 0) domain_error();
    return rt_float(fm_sqrt(x));
}
static BUILTIN(math_sqrt, sqrt, 1, 1, false);

static float positive(pv v) {
    float x = arg(v);
    if (x <= 0) domain_error();
    return x;
}

static pv math_log_fn(int n, const pv *args, int nkw, const pv *kw) {
    float x = positive(args[0]);
    if (n < 2) return result(fm_log(x));
    float base = positive(args[1]);
    if (base == 1) num_zero_div();
    return result(fm_log_base(x, base));
}
static BUILTIN(math_log, log, 1, 2, false);

static pv math_log2_fn(int n, const pv *args, int nkw, const pv *kw) { return rt_float(fm_log2(positive(args[0]))); }
static BUILTIN(math_log2, log2, 1, 1, false);
static pv math_log10_fn(int n, const pv *args, int nkw, const pv *kw) { return rt_float(fm_log10(positive(args[0]))); }
static BUILTIN(math_log10, log10, 1, 1, false);

/* two floats in, one float out */
#define MATH_FN2(name, expr) \
    static pv math_##name##_fn(int n, const pv *args, int nkw, const pv *kw) { \
        float x = arg(args[0]), y = arg(args[1]); \
        return result(expr); \
    } \
    static BUILTIN(math_##name, name, 2, 2, false);

MATH_FN2(pow, fm_pow(x, y))
MATH_FN2(atan2, fm_atan2(x, y))
MATH_FN2(fmod, fm_fmod(x, y))

static pv math_copysign_fn(int n, const pv *args, int nkw, const pv *kw) { return rt_float(fm_copysign(arg(args[0]), arg(args[1]))); }
static BUILTIN(math_copysign, copysign, 2, 2, false);

/* the rounding functions give ints */
#define MATH_INT(name, fn) \
    static pv math_##name##_fn(int n, const pv *args, int nkw, const pv *kw) { return num_int_from_float(fn(arg(args[0]))); } \
    static BUILTIN(math_##name, name, 1, 1, false);

MATH_INT(floor, fm_floor)
MATH_INT(ceil, fm_ceil)
MATH_INT(trunc, fm_trunc)

/* (a, b) with b a float, or the int bi when b_int; the tuple is made first
 * so it holds each number as soon as it exists */
static pv pair(float a, float b, bool b_int, int bi) {
    pv t = tuple_new(2);
    gc_root_push(&t);
    ((ptuple *)t)->items[0] = result(a);
    ((ptuple *)t)->items[1] = b_int ? PV_FROM_INT(bi) : rt_float(b);
    gc_root_pop(1);
    return t;
}

static pv math_modf_fn(int n, const pv *args, int nkw, const pv *kw) {
    float x = arg(args[0]), i = fm_isinf(x) ? x : fm_trunc(x);
    return pair(fm_copysign(fm_isinf(x) ? 0 : x - i, x), i, false, 0);
}
static BUILTIN(math_modf, modf, 1, 1, false);

static pv math_frexp_fn(int n, const pv *args, int nkw, const pv *kw) {
    int e;
    float m = fm_frexp(arg(args[0]), &e);
    return pair(m, 0, true, e);
}
static BUILTIN(math_frexp, frexp, 1, 1, false);

static pv math_ldexp_fn(int n, const pv *args, int nkw, const pv *kw) {
    float x = arg(args[0]);
    int64_t e = rt_to_int(args[1]);
    return rt_float(fm_ldexp(x, e > 1000 ? 1000 : e < -1000 ? -1000 : (int)e));
}
static BUILTIN(math_ldexp, ldexp, 2, 2, false);

#define MATH_TEST(name, expr) \
    static pv math_##name##_fn(int n, const pv *args, int nkw, const pv *kw) { \
        float x = arg(args[0]); \
        return PV_BOOL(expr); \
    } \
    static BUILTIN(math_##name, name, 1, 1, false);

MATH_TEST(isfinite, !fm_isinf(x) && !fm_isnan(x))
MATH_TEST(isinf, fm_isinf(x))
MATH_TEST(isnan, fm_isnan(x))

/* v1 keeps its float constants with the two low mantissa bits cleared */
static const pfloat math_e = {&t_float, 2.71828175f};     /* 0x402DF854 */
static const pfloat math_pi = {&t_float, 3.14159203f};    /* 0x40490FD8 */
static const pfloat math_tau = {&t_float, 6.28318405f};   /* 0x40C90FD8 */
static const pfloat math_inf = {&t_float, __builtin_inff()};
static const pfloat math_nan = {&t_float, __builtin_nanf("")};

TABLE(math_table, MEMBER(__name__, &N(math)), MEMBER(e, &math_e), MEMBER(pi, &math_pi),
      MEMBER(sqrt, &math_sqrt), MEMBER(pow, &math_pow), MEMBER(exp, &math_exp), MEMBER(log, &math_log),
      MEMBER(cos, &math_cos), MEMBER(sin, &math_sin), MEMBER(tan, &math_tan), MEMBER(acos, &math_acos),
      MEMBER(asin, &math_asin), MEMBER(atan, &math_atan), MEMBER(atan2, &math_atan2), MEMBER(ceil, &math_ceil),
      MEMBER(copysign, &math_copysign), MEMBER(fabs, &math_fabs), MEMBER(floor, &math_floor),
      MEMBER(fmod, &math_fmod), MEMBER(frexp, &math_frexp), MEMBER(ldexp, &math_ldexp), MEMBER(modf, &math_modf),
      MEMBER(isfinite, &math_isfinite), MEMBER(isinf, &math_isinf), MEMBER(isnan, &math_isnan),
      MEMBER(trunc, &math_trunc), MEMBER(radians, &math_radians), MEMBER(degrees, &math_degrees),
      MEMBER(log2, &math_log2), MEMBER(log10, &math_log10), MEMBER(inf, &math_inf), MEMBER(nan, &math_nan),
      MEMBER(tau, &math_tau));
MODULE(mod_math, math, math_table);
