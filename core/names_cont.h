/* names_cont.h — names used by containers, builtins and system modules (obj_list.c, obj_dict.c, obj_set.c, builtins.c, modules.c),
 * kept apart so that area's owner can extend them. Each must not repeat a
 * name listed in names.h or another names_*.h. */
#ifndef PITH_NAMES_CONT_H
#define PITH_NAMES_CONT_H
#define PITH_NAMES_CONT(X) \
    X(set) X(frozenset) X(add) X(discard) X(difference) X(difference_update) \
    X(intersection) X(intersection_update) X(isdisjoint) X(issubset) X(issuperset) \
    X(symmetric_difference) X(symmetric_difference_update) X(union) \
    X(indices) X(__reversed__) X(dict_view) X(OrderedDict) X(default) X(file) \
    X(Ellipsis) X(NotImplemented) X(NotImplementedType) X(callable_iterator) \
    X(collections) X(ucollections) X(namedtuple) X(deque) X(appendleft) X(popleft) \
    X(_fields) X(_asdict) X(_replace) X(maxlen) \
    X(argv) X(modules) X(path) X(stdin) X(stdout) X(stderr) X(print_exception) \
    X(version_info) X(TextIOWrapper) \
    X(threshold) X(opt_level) X(qstr_info) X(stack_use) X(heap_lock) X(heap_unlock) \
    X(kbd_intr) X(schedule) X(ticks_cpu) \
    X(errno) X(uerrno) X(errorcode) X(EPERM) X(ENOENT) X(EIO) X(EBADF) X(EAGAIN) \
    X(ENOMEM) X(EACCES) X(EEXIST) X(ENODEV) X(EISDIR) X(EINVAL) X(EOPNOTSUPP) \
    X(EADDRINUSE) X(ECONNABORTED) X(ECONNRESET) X(ENOBUFS) X(ENOTCONN) X(ETIMEDOUT) \
    X(ECONNREFUSED) X(EHOSTUNREACH) X(EALREADY) X(EINPROGRESS)
#endif
