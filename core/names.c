/* names.c — the flash copies of the names in names.h, in one array. */
#include "obj.h"

#define X(n) {&t_str, sizeof(#n) - 1, #n},
#define Y(n, t) {&t_str, sizeof(t) - 1, t},
const pstr names_table[NAMES_COUNT] = {PITH_NAMES(X) PITH_SNAMES(Y)};
