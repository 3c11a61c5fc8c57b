/* num.h — what the number files share: obj_int.c (int, bool, None, the
 * numeric built-ins), obj_bigint.c (ints of any size), obj_float.c (single
 * precision floats) and mod_math.c. Nothing outside them includes it. */
#ifndef PITH_NUM_H
#define PITH_NUM_H

#include "obj.h"

/* A big int: the magnitude in 16-bit limbs, least significant first, stored
 * in the object itself (a 70-bit value is 8 + 10 bytes: 3 blocks of 8 on
 * the device). 16-bit limbs because the Cortex-M0 multiplies 16x16->32 in
 * one instruction and has no 32x32->64. Invariants: d[len-1] != 0, and the
 * value never fits a small int, so equal values have one representation. */
typedef uint16_t limb;
typedef struct {
    const ptype *type; /* &t_int */
    uint16_t len;
    bool neg;
    limb d[];
} pbig;
#define LIMB_BITS 16
#define BIG_MAX_LIMBS 0xFFFF

/* Any int-like value (small, big, bool, or an integral float's whole part)
 * seen as sign and magnitude. `d` may point into `tmp`, so a view is used
 * in place and never copied. */
typedef struct {
    const limb *d;
    size_t n;   /* limbs; 0 for zero */
    bool neg;
    limb tmp[9]; /* int64 values and the integer part of any float (< 2**128) */
} nview;

pbig *big_alloc(size_t n);              /* a zeroed big int of n limbs, to fill in */
pv big_finish(pbig *r, bool neg);      /* trimmed, or a small int when it fits */
bool num_is_int(pv v);                 /* int (small or big) or bool */
void num_view(pv v, nview *w);         /* v: an int or a bool */
int big_cmp_views(const nview *a, const nview *b);
bool big_view_float(nview *w, float f); /* w = trunc(f); false (and w zero) when f is inf or nan */
pv big_from_view(const nview *w);
pv big_binary(int op, pv a, pv b);     /* a and b ints or bools; PV_NULL when op is not an int op */
pv big_unary(int op, pv v);
float big_to_float(pv v);              /* rounded to nearest even */
float big_truediv(pv a, pv b);         /* a / b of ints, b nonzero */
pv big_from_float(float f);            /* trunc(f) exactly; f finite */
pv big_hash(const nview *w);           /* for an int beyond small ints, or a float equal to one */
size_t big_bits(const nview *w);       /* bit length of the magnitude */
pv big_divmod(pv a, pv b);             /* (a // b, a % b) of two ints */
pv big_pow3(pv b, pv e, pv m);         /* pow(b, e, m) */
void big_print(pout *o, pv v, int base, bool upper);
pv big_from_digits(const char *s, size_t n, size_t ndigits, int base, bool neg); /* digits checked */

/* The slots of int, bool and float (obj_int.c). */
pv num_binary(int op, pv a, pv b);
pv num_unary(int op, pv self);

/* Floats. */
pv float_binary(int op, float x, float y);
pv float_result(float r, float x, float y); /* r as a float object; a nan made from x and y as v1 gives it */
pv float_unary(int op, pv self);
pv float_int_compare(int op, pv i, float f, bool int_left);
pv float_divmod_pv(float x, float y);   /* divmod with a float among them */
float num_to_float(pv v);              /* int, bool or float */
_Noreturn void num_zero_div(void);
pv num_int_from_float(float f);          /* int(f): ValueError for nan, OverflowError for inf */
pv num_from_special(pv x, const pstr *name, const ptype *want); /* int(x)/float(x) through __int__/__float__ */
extern const float float_inf;

#endif
