# io.StringIO and BytesIO: write/read([n])/readline/getvalue/seek/tell/close, iteration, with
import io
import uio
print(io is uio)
s = io.StringIO()
print(s.write('hello\n'), s.write('wörld\n'), s.tell(), s.getvalue() == 'hello\nwörld\n')
s.seek(0)
print(repr(s.readline()), repr(s.read(2)), repr(s.read()), repr(s.read()), repr(s.readline()))
s = io.StringIO('a\nb\nc')
print([l for l in s], s.tell())
print(s.seek(1), s.write('X'), repr(s.getvalue()), s.seek(0, 2), s.seek(-2, 1), repr(s.read()))
print(s.seek(-10, 2), repr(s.read(1)), repr(s.read(-1)), repr(s.read(None)), s.seek(0, 1))
b = io.BytesIO(b'abc')
print(b.read(1), b.tell(), b.seek(5), b.write(b'Z'), b.getvalue(), b.read())
b.seek(0)
buf = bytearray(4)
print(b.readinto(buf), buf, b.read(), b.readinto(buf))
b = io.BytesIO(b'l1\nl2\n')
print(b.readline(), b.readline(1), b.readline(), b.readline(), list(io.BytesIO(b'x\ny')))
b = io.BytesIO(100)
print(b.getvalue(), b.write(bytearray(b'ok')), b.write(memoryview(b'!')), b.write('é'), b.getvalue())
with io.BytesIO() as f:
    f.write(b'x')
    print(f.getvalue(), f.flush())
for op in (f.read, f.getvalue, f.tell, lambda: f.write(b'y'), lambda: f.seek(0)):
    try:
        op()
    except ValueError as e:
        print('ValueError', e)
f.close()
s = io.StringIO()
for op in (lambda: s.seek(-1), lambda: s.seek(0, 3), lambda: s.write(5), lambda: s.write(b'x'), lambda: io.StringIO(b'x')):
    try:
        op()
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__)
print(type(s).__name__, type(b).__name__)
