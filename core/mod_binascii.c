/* mod_binascii.c — the binascii module (ubinascii): hexlify, unhexlify,
 * a2b_base64, b2a_base64 and crc32, as MicroPython. hexlify and unhexlify
 * are bytes.hex and bytes.fromhex returning bytes (str_methods.c). */
#include <string.h>

#include "str.h"

static pv ba_hexlify_fn(int n, const pv *args, int nkw, const pv *kw) {
    pbuf b;
    rt_need_buffer(args[0], &b, false);
    return hex_encode(b.data, b.len, n - 1, args + 1, &t_bytes);
}

static pv ba_unhexlify_fn(int n, const pv *args, int nkw, const pv *kw) { return hex_decode(args[0], &t_bytes); }

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Characters outside the alphabet are skipped; padding may end the data
 * early, as in MicroPython; leftover bits mean the padding was wrong. */
static pv ba_a2b_base64_fn(int n, const pv *args, int nkw, const pv *kw) {
    pbuf b;
    rt_need_buffer(args[0], &b, false);
    pv r = str_new(&t_bytes, NULL, b.len * 3 / 4);
    pstr *s = (pstr *)r;
    char *out = (char *)s->data;
    uint32_t bits = 0;
    int nbits = 0;
    bool pad = false;
    s->len = 0;
    for (size_t i = 0; i < b.len; i++) {
        uint8_t c = b.data[i];
        if (c == '=') {
            if (nbits == 2 || (nbits == 4 && pad)) {
                nbits = 0;
                break;
            }
            pad = true;
        }
        const char *k = c && c != '=' ? memchr(b64, c, 64) : NULL;
        if (!k) continue;
        pad = false;
        bits = (bits << 6) | (uint32_t)(k - b64);
        if ((nbits += 6) >= 8) out[s->len++] = (char)(bits >> (nbits -= 8));
    }
    if (nbits) rt_raise_msg(&t_ValueError, "incorrect padding");
    out[s->len] = 0;
    return r;
}

static pv ba_b2a_base64_fn(int n, const pv *args, int nkw, const pv *kw) {
    pbuf b;
    rt_need_buffer(args[0], &b, false);
    bool newline = rt_truthy(rt_kwarg(&N(newline), nkw, kw, PV_TRUE));
    size_t len = (b.len + 2) / 3 * 4;
    pv r = str_new(&t_bytes, NULL, len + newline);
    char *out = (char *)((pstr *)r)->data;
    for (size_t i = 0; i < b.len; i += 3) {
        uint32_t v = (uint32_t)b.data[i] << 16;
        if (i + 1 < b.len) v |= (uint32_t)b.data[i + 1] << 8;
        if (i + 2 < b.len) v |= b.data[i + 2];
        for (int k = 0; k < 4; k++) *out++ = i + (size_t)k <= b.len ? b64[(v >> (18 - 6 * k)) & 63] : '=';
    }
    if (newline) *out = '\n';
    return r;
}

static pv ba_crc32_fn(int n, const pv *args, int nkw, const pv *kw) {
    pbuf b;
    rt_need_buffer(args[0], &b, false);
    uint32_t crc = ~(uint32_t)(n > 1 ? rt_to_int(args[1]) : 0);
    for (size_t i = 0; i < b.len; i++) {
        crc ^= b.data[i];
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
    }
    return rt_int(~crc);
}

static BUILTIN(ba_hexlify, hexlify, 1, 2, false);
static BUILTIN(ba_unhexlify, unhexlify, 1, 1, false);
static BUILTIN(ba_a2b_base64, a2b_base64, 1, 1, false);
static BUILTIN(ba_b2a_base64, b2a_base64, 1, 1, true);
static BUILTIN(ba_crc32, crc32, 1, 2, false);
TABLE(binascii_table, MEMBER(__name__, &N(binascii)), MEMBER(hexlify, &ba_hexlify), MEMBER(unhexlify, &ba_unhexlify),
      MEMBER(a2b_base64, &ba_a2b_base64), MEMBER(b2a_base64, &ba_b2a_base64), MEMBER(crc32, &ba_crc32));
MODULE(mod_binascii, binascii, binascii_table);
