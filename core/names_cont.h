/* names_cont.h — names used by containers, builtins and system modules (obj_list.c, obj_dict.c, obj_set.c, builtins.c, modules.c),
 * kept apart so that area's owner can extend them. Each must not repeat a
 * name listed in names.h or another names_*.h. */
#ifndef PITH_NAMES_CONT_H
#define PITH_NAMES_CONT_H
#define PITH_NAMES_CONT(X)
#endif
