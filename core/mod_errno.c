/* mod_errno.c — the errno module: MicroPython's error numbers (Linux's
 * values) and errorcode, a read-only dict from number to name kept in flash
 * like the rest of the module. */
#include "obj.h"

#define ERRNOS(X) \
    X(EPERM, 1) X(ENOENT, 2) X(EIO, 5) X(EBADF, 9) X(EAGAIN, 11) X(ENOMEM, 12) X(EACCES, 13) \
    X(EEXIST, 17) X(ENODEV, 19) X(EISDIR, 21) X(EINVAL, 22) X(EOPNOTSUPP, 95) X(EADDRINUSE, 98) \
    X(ECONNABORTED, 103) X(ECONNRESET, 104) X(ENOBUFS, 105) X(ENOTCONN, 107) X(ETIMEDOUT, 110) \
    X(ECONNREFUSED, 111) X(EHOSTUNREACH, 113) X(EALREADY, 114) X(EINPROGRESS, 115)

#define ENTRY(name, num) {PV_FROM_INT(num), PV_FROM_PTR(&N(name))},
static const pentry errorcode_entries[] = {ERRNOS(ENTRY)};
#define COUNT (sizeof errorcode_entries / sizeof errorcode_entries[0])
/* No index: a dict this small is searched linearly. */
static const pdict errorcode = {&t_dict, COUNT, COUNT, COUNT, (pentry *)errorcode_entries, NULL};

#define CONSTANT(name, num) {&N(name), PV_FROM_INT(num)},
TABLE(errno_table, MEMBER(__name__, &N(uerrno)), MEMBER(errorcode, &errorcode), ERRNOS(CONSTANT));
MODULE(mod_errno, uerrno, errno_table);
