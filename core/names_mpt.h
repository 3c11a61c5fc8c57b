/* names_mpt.h — names added while matching MicroPython's own test suite
 * (builtins.c, obj_*.c, mod_*.c). Each must not repeat a name listed in
 * names.h or another names_*.h. */
#ifndef PITH_NAMES_MPT_H
#define PITH_NAMES_MPT_H
#define PITH_NAMES_MPT(X) \
    X(iterable)
#endif
