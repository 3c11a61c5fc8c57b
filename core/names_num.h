/* names_num.h — names used by numbers (obj_int.c, big ints, floats, math),
 * kept apart so that area's owner can extend them. Each must not repeat a
 * name listed in names.h or another names_*.h. */
#ifndef PITH_NAMES_NUM_H
#define PITH_NAMES_NUM_H
#define PITH_NAMES_NUM(X) \
    X(bit_length) X(signed) X(math) X(e) X(pi) X(tau) X(inf) X(nan) X(sqrt) X(exp) X(log) \
    X(log2) X(log10) X(cos) X(sin) X(tan) X(acos) X(asin) X(atan) X(atan2) X(ceil) \
    X(copysign) X(fabs) X(floor) X(fmod) X(frexp) X(ldexp) X(modf) X(isfinite) X(isinf) \
    X(isnan) X(trunc) X(radians) X(degrees)
#endif
