# memoryview construction: bytes, bytearray, str, array, memoryview; non-buffers fail
import array
b = bytearray(b'abc')
for obj in (b'xyz', b, array.array('B', [1, 2]), memoryview(b'q')):
    m = memoryview(obj)
    print(m, len(m), list(m), type(m).__name__)
s = memoryview('Hi')
print(s, len(s), s[0], s[1], s.readonly)
m = memoryview(b)
mm = memoryview(m)
print(mm, list(mm), mm.obj is b, m.obj is b)
mm[0] = 65
print(b, m[0])
print(memoryview(b''), len(memoryview(b'')), list(memoryview(bytearray())))
print(repr(m), str(m), '%s' % m, '{}'.format(m))
print(isinstance(m, memoryview), type(m) is memoryview)
for bad in (1, [1], None, (1, 2), {'a': 1}, 2.5, range(3)):
    try:
        memoryview(bad)
        print('no error for', bad)
    except TypeError as e:
        print(type(e).__name__, e)
