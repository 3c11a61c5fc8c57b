# a view of a str exposes its UTF-8 bytes, item size 1, read-only
m = memoryview('hé')
print(list(m), len(m), m.itemsize, m.format, m.readonly, m.nbytes)
print(bytes(m), bytes(m).decode(), str(m, 'utf-8'), bytes(m[1:]).decode())
s = 'Hello World'
v = memoryview(s)
print(v, v[0], chr(v[4]), bytes(v[6:]), v.obj is s)
print(bytes(v[::2]), v.tolist()[:3], v.hex()[:6])
print(memoryview('') == b'', memoryview('abc') == b'abc', len(memoryview('€')))
print(bytearray(memoryview('xyz')), int(memoryview('42')) * 2)
try:
    v[0] = 72
except TypeError as e:
    print(type(e).__name__, e)
try:
    v[0:1] = b'J'
except TypeError as e:
    print(type(e).__name__, e)
print(s)
try:
    hash(v) == hash(b'Hello World')
    print('hashable', hash(v) == hash(bytes(v)))
except TypeError as e:
    print(type(e).__name__, e)
