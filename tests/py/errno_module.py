# errno/uerrno: MicroPython's constants and the errorcode table
import errno, uerrno
print(errno is uerrno, errno.ENOENT, errno.EIO, errno.EEXIST, errno.EINVAL, errno.ENOMEM, errno.EAGAIN)
print(errno.EPERM, errno.EBADF, errno.EACCES, errno.ENODEV, errno.EISDIR, errno.EOPNOTSUPP, errno.ETIMEDOUT)
print(errno.errorcode[errno.ENOENT], errno.errorcode[22], len(errno.errorcode) > 10, 2 in errno.errorcode)
print(errno.errorcode.get(999), errno.errorcode.get(13), sorted(errno.errorcode)[:3], type(errno.errorcode).__name__)
try:
    errno.errorcode[999]
except KeyError as e:
    print('KeyError', e)
try:
    errno.errorcode[999] = 'X'
except TypeError as e:
    print('TypeError', e)
try:
    del errno.errorcode[2]
except TypeError as e:
    print('TypeError', e)
for f in (lambda: errno.errorcode.clear(), lambda: errno.errorcode.pop(2), lambda: errno.errorcode.popitem(),
          lambda: errno.errorcode.update({}), lambda: errno.errorcode.setdefault(1000)):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
print(errno.errorcode[2], len(errno.errorcode), dict(errno.errorcode)[5])
try:
    raise OSError(errno.ENOENT)
except OSError as e:
    print(e.args[0] == errno.ENOENT, errno.errorcode[e.args[0]])
