/* names_str.h — names used by strings and text modules (obj_str.c, format, struct, binascii, io),
 * kept apart so that area's owner can extend them. Each must not repeat a
 * name listed in names.h or another names_*.h. */
#ifndef PITH_NAMES_STR_H
#define PITH_NAMES_STR_H
#define PITH_NAMES_STR(X) \
    X(rindex) X(rpartition) X(splitlines) X(keepends) X(maxsplit) X(center) X(ljust) X(rjust) \
    X(zfill) X(title) X(swapcase) X(capitalize) X(fromhex)
#endif
