/* str.h — what the text files (obj_str.c, str_methods.c, str_format.c and
 * the struct, binascii and io modules) share, and the byte methods that
 * bytearray (obj_array.c) borrows so both types run one implementation. */
#ifndef PITH_STR_H
#define PITH_STR_H

#include "obj.h"

/* A read-only view of a str, bytes or bytearray receiver. The data stays
 * valid while the object is rooted: nothing here runs Python code that
 * could resize a bytearray between taking the view and using it. */
typedef struct {
    const ptype *type;  /* &t_str, &t_bytes or &t_bytearray: the type of results */
    const char *p;
    size_t n;           /* bytes */
} sview;

void str_view(pv v, sview *s);                          /* TypeError for other types */
pv str_result(const ptype *t, const char *p, size_t n); /* a new str, bytes or bytearray */
pv str_from_vstr(vstr *v, const ptype *t);              /* ditto from a builder (freed) */
_Noreturn void str_bad_conversion(pv arg, const ptype *to); /* "can't convert 'X' object to str implicitly" */
void vstr_reserve(vstr *v, size_t n);                   /* room for n more bytes */

extern const char str_hex_digits[]; /* "0123456789abcdef" */

bool utf8_valid(const char *s, size_t n);
uint32_t utf8_decode(const char *s, size_t n, size_t *i); /* the code point at *i; advances *i */
size_t utf8_offset(const char *s, size_t n, size_t i);     /* byte offset of code point i (clipped to n) */
size_t utf8_char_len(const char *s, size_t n, size_t i);   /* bytes in the code point starting at byte i */

/* Lower-case hex of n bytes with an optional separator every `per` bytes,
 * as bytes.hex(sep, bytes_per_sep); args are those optional arguments. */
pv hex_encode(const uint8_t *p, size_t n, int nargs, const pv *args, const ptype *result);
pv hex_decode(pv src, const ptype *result);             /* bytes.fromhex / binascii.unhexlify */

pv str_percent(pv fmt, pv args);                        /* the % operator of str and bytes */
pv str_decode(pv obj);                                  /* UTF-8 bytes to str: UnicodeError when malformed */
bool str_contains(const sview *h, const char *sub, size_t sn);

/* The methods str, bytes and bytearray share, and those of bytes that
 * bytearray has too (CPython's sets). */
extern const pbuiltin str_count, str_endswith, str_find, str_index, str_isalnum, str_isalpha,
    str_isdigit, str_islower, str_isspace, str_isupper, str_join, str_lower, str_lstrip,
    str_partition, str_replace, str_rfind, str_rindex, str_rpartition, str_rsplit, str_rstrip,
    str_split, str_splitlines, str_startswith, str_strip, str_upper, str_center, str_ljust,
    str_rjust, str_zfill, str_title, str_swapcase, str_capitalize, bytes_decode, bytes_hex,
    bytearray_fromhex, str_format;
#define TEXT_METHODS \
    MEMBER(count, &str_count), MEMBER(endswith, &str_endswith), MEMBER(find, &str_find), \
    MEMBER(index, &str_index), MEMBER(isalnum, &str_isalnum), MEMBER(isalpha, &str_isalpha), \
    MEMBER(isdigit, &str_isdigit), MEMBER(islower, &str_islower), MEMBER(isspace, &str_isspace), \
    MEMBER(isupper, &str_isupper), MEMBER(join, &str_join), MEMBER(lower, &str_lower), \
    MEMBER(lstrip, &str_lstrip), MEMBER(partition, &str_partition), MEMBER(replace, &str_replace), \
    MEMBER(rfind, &str_rfind), MEMBER(rindex, &str_rindex), MEMBER(rpartition, &str_rpartition), \
    MEMBER(rsplit, &str_rsplit), MEMBER(rstrip, &str_rstrip), MEMBER(split, &str_split), \
    MEMBER(splitlines, &str_splitlines), MEMBER(startswith, &str_startswith), \
    MEMBER(strip, &str_strip), MEMBER(upper, &str_upper), MEMBER(center, &str_center), \
    MEMBER(ljust, &str_ljust), MEMBER(rjust, &str_rjust), MEMBER(zfill, &str_zfill), \
    MEMBER(title, &str_title), MEMBER(swapcase, &str_swapcase), \
    MEMBER(capitalize, &str_capitalize)
#define BYTES_METHODS TEXT_METHODS, MEMBER(decode, &bytes_decode), MEMBER(hex, &bytes_hex)
#define BYTEARRAY_TEXT_METHODS BYTES_METHODS, MEMBER(fromhex, &bytearray_fromhex)

#endif
