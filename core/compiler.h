/* compiler.h — source to a module code object (compiler.c). */
#ifndef PITH_COMPILER_H
#define PITH_COMPILER_H
#include "lexer.h"
#include "obj.h"
/* Compile source in memory, or read from a stream (the raw REPL): the
 * stream is read to its end (or to the first syntax error). mode: a
 * PITH_MODE_ value. The code takes its namespace as its one argument. */
pcode *compile(const char *src, size_t len, const pstr *file, int mode);
pcode *compile_stream(lex_reader read, void *ctx, const pstr *file, int mode);
#endif
