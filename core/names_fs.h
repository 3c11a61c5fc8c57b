/* names_fs.h — names used by the filesystem, import and the REPL (fs.c, mod_os.c, import.c, repl.c),
 * kept apart so that area's owner can extend them. Each must not repeat a
 * name listed in names.h or another names_*.h. */
#ifndef PITH_NAMES_FS_H
#define PITH_NAMES_FS_H
#define PITH_NAMES_FS(X) \
    X(os) X(uos) X(open) X(readlines) \
    X(writable) X(TextIO) X(listdir) X(ilistdir) X(size) X(stat) X(statvfs) \
    X(rename) X(uname) X(sysname) X(nodename) X(machine) X(uname_result) \
    X(builtins) X(getcwd) X(chdir)
#endif
