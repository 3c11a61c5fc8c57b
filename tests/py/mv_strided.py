# strided memoryview slices (CPython semantics): steps, negative steps, writes, copies
import array
b = bytearray(b'abcdefghij')
m = memoryview(b)
e = m[::2]
print(e, len(e), bytes(e), list(e)[:2], e.strides, e.contiguous)
print(bytes(m[1::2]), bytes(m[::3]), bytes(m[1:8:2]), bytes(m[::-1]), bytes(m[-1:0:-2]))
print(bytes(m[::-3]), bytes(m[8:2:-2]), len(m[::-1]), bytes(m[5:5:-1]), m[::-1].strides)
e[1] = ord('C')
print(b)
m[::-1][0] = ord('J')
print(b)
ee = e[::2]
print(bytes(ee), len(ee), ee.strides, bytes(e[::-1]))
print(bytearray(m[::4]), m[::2].tolist()[:3], m[1::2].tobytes())
a = array.array('h', [10, 20, 30, 40, 50])
ma = memoryview(a)[::2]
print(ma.tolist(), len(ma), ma.strides, ma.nbytes, ma.itemsize)
ma[2] = -5
print(a)
print(memoryview(a)[::-2].tolist(), memoryview(a)[4:0:-3].tolist())
print(m[::2] == b'acegi', m[::2] == m[::2].tobytes())
c = m[::2]
c[0:2] = b'12'
print(b)
