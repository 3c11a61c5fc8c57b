/* names_lang.h — names used by the language core (compiler.c, vm.c, runtime.c, obj_fun.c, obj_class.c),
 * kept apart so that area's owner can extend them. Each must not repeat a
 * name listed in names.h or another names_*.h. */
#ifndef PITH_NAMES_LANG_H
#define PITH_NAMES_LANG_H
#define PITH_NAMES_LANG(X)
#endif
