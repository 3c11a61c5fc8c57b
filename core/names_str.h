/* names_str.h — names used by strings and text modules (obj_str.c, format, struct, binascii, io),
 * kept apart so that area's owner can extend them. Each must not repeat a
 * name listed in names.h or another names_*.h. */
#ifndef PITH_NAMES_STR_H
#define PITH_NAMES_STR_H
#define PITH_NAMES_STR(X) \
    X(rindex) X(rpartition) X(splitlines) X(keepends) X(maxsplit) X(center) X(ljust) X(rjust) \
    X(zfill) X(title) X(swapcase) X(capitalize) X(fromhex) \
    X(struct) X(ustruct) X(calcsize) X(pack) X(unpack) X(pack_into) X(unpack_from) \
    X(binascii) X(ubinascii) X(hexlify) X(unhexlify) X(a2b_base64) X(b2a_base64) X(newline) X(crc32) \
    X(io) X(uio) X(StringIO) X(getvalue) \
    X(seek) X(tell) X(flush)
#endif
