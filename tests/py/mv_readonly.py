# views of bytes and str are read-only; toreadonly(); readonly attribute
import array
for src in (b'abc', 'abc'):
    m = memoryview(src)
    print(m.readonly, bytes(m))
    try:
        m[0] = 65
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        m[0:1] = b'A'
    except TypeError as e:
        print(type(e).__name__, e)
    print(bytes(m))
b = bytearray(b'xyz')
w = memoryview(b)
r = w.toreadonly()
print(w.readonly, r.readonly, r, bytes(r))
try:
    r[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
w[0] = ord('X')
print(bytes(r), r[1:].readonly, memoryview(r).readonly)
print(memoryview(array.array('B', [1])).readonly, memoryview(bytearray(1))[0:].readonly)
s = memoryview(b'hello')[1:4]
try:
    s[0] = 0
except TypeError as e:
    print(type(e).__name__, e)
print(bytes(s))
