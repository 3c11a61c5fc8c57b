/* import.h — running Python kept in the heap or in files: modules from
 * files and main.py (import.c), compiled as they are read from flash, and
 * compiling a heap block that is freed before the code runs (pith.c), so a
 * big source does not hold the heap. */
#ifndef PITH_IMPORT_H
#define PITH_IMPORT_H

#include "lexer.h"
#include "obj.h"

/* sys.modules: the modules loaded from files (made on first use). */
pv import_modules(void);

/* help('modules'): the names `import` finds built in. */
void import_help_modules(void);

/* pith_exec for src in a heap block `owned` (or NULL): kept rooted while
 * it compiles, then freed before the code runs. */
int pith_exec_owned(const char *src, size_t len, const char *filename, int mode, void *owned);
/* The same for source from a reader (lexer.h): a file in flash. */
int pith_exec_read(lex_reader read, void *ctx, const char *filename, int mode, void *owned);

#endif
