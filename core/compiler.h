/* compiler.h — source to a module code object (compiler.c). */
#ifndef PITH_COMPILER_H
#define PITH_COMPILER_H
#include "obj.h"
pcode *compile(const char *src, size_t len, const pstr *file, int mode);
#endif
