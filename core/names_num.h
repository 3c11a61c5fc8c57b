/* names_num.h — names used by numbers (obj_int.c, big ints, floats, math),
 * kept apart so that area's owner can extend them. Each must not repeat a
 * name listed in names.h or another names_*.h. */
#ifndef PITH_NAMES_NUM_H
#define PITH_NAMES_NUM_H
#define PITH_NAMES_NUM(X)
#endif
