/* names.c — the flash copies of the names in names.h. */
#include "obj.h"

#define X(n) const pstr N_##n = {&t_str, sizeof(#n) - 1, #n};
#define Y(n, t) const pstr N_##n = {&t_str, sizeof(t) - 1, t};
PITH_NAMES(X)
PITH_SNAMES(Y)
#undef X
#undef Y

#define X(n) &N_##n,
#define Y(n, t) &N_##n,
const pstr *const names_all[] = {PITH_NAMES(X) PITH_SNAMES(Y)};
#undef X
#undef Y
const unsigned names_count = sizeof(names_all) / sizeof(names_all[0]);
