/* float_math.h — single-precision math that computes the same bits on every
 * board (float_math.c): the math module, float ** and the float helpers use it. */
#ifndef PITH_FLOAT_MATH_H
#define PITH_FLOAT_MATH_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* a float's IEEE bits and back */
static inline uint32_t fm_bits(float f) {
    uint32_t b;
    memcpy(&b, &f, 4);
    return b;
}
static inline float fm_from_bits(uint32_t b) {
    float f;
    memcpy(&f, &b, 4);
    return f;
}

float fm_from_parts(uint64_t mant, int e2, bool sticky, bool neg); /* mant * 2**e2, top bit of mant set */
bool fm_isnan(float x);
bool fm_isinf(float x);
float fm_copysign(float x, float s);
float fm_ldexp(float x, int n);
float fm_frexp(float x, int *e);
float fm_trunc(float x);
float fm_floor(float x);
float fm_ceil(float x);
float fm_rint(float x);           /* to nearest, ties to even */
float fm_fmod(float x, float y);  /* exact */
float fm_sqrt(float x);           /* correctly rounded */
float fm_exp(float x);
float fm_log(float x);
float fm_log2(float x);
float fm_log10(float x);
float fm_log_base(float x, float base);
float fm_pow(float x, float y);
float fm_sin(float x);
float fm_cos(float x);
float fm_tan(float x);
float fm_asin(float x);
float fm_acos(float x);
float fm_atan(float x);
float fm_atan2(float y, float x);

#endif
