/* names_fs.h — names used by the filesystem, import and the REPL (fs.c, mod_os.c, import.c, repl.c),
 * kept apart so that area's owner can extend them. Each must not repeat a
 * name listed in names.h or another names_*.h. */
#ifndef PITH_NAMES_FS_H
#define PITH_NAMES_FS_H
#define PITH_NAMES_FS(X)
#endif
