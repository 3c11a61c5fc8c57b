# memoryview.cast between a byte format and wider formats
import array
b = bytearray(b'\x01\x00\x02\x00\xff\xff\x00\x80')
m = memoryview(b)
h = m.cast('h')
print(h.format, h.itemsize, len(h), h.tolist(), h.nbytes)
H = m.cast('H')
print(H.tolist())
i = m.cast('i')
print(i.tolist(), len(i))
print(m.cast('B').tolist() == list(b), m.cast('b').tolist()[4:])
h[0] = 258
print(b[:2], h.obj is b)
back = h.cast('B')
print(back.format, len(back), back[0], back[1])
a = array.array('h', [1, -1])
c = memoryview(a).cast('B')
print(c.tolist(), c.format)
print(m[0:2].cast('B').tolist())
try:
    m[0:3].cast('h')
except TypeError:
    print('TypeError length not a multiple')
try:
    h.cast('i')
except TypeError:
    print('TypeError two non-byte formats')
f = memoryview(bytearray(4)).cast('f')
f[0] = 1.5
print(f[0], len(f))
