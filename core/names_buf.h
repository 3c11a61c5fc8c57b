/* names_buf.h — names used by obj_array.c (bytearray, array, memoryview), kept
 * apart so that file's owner can extend them. Each must not repeat a name
 * listed in names.h. */
#ifndef PITH_NAMES_BUF_H
#define PITH_NAMES_BUF_H
#define PITH_NAMES_BUF(X)
#endif
