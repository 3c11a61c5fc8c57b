# memoryview slice assignment: same length works, mismatch fails, lists not allowed
import array
b = bytearray(b'abcdef')
m = memoryview(b)
m[0:3] = b'XYZ'
print(b)
m[3:] = bytearray(b'123')
print(b)
m[1:3] = memoryview(b'pq')
print(b)
m[:] = b'ABCDEF'
print(b)
m[2:2] = b''
print(b)
m[4:2] = b''
print(b)
m[1:3] = m[3:5]
print(b)
for rhs in (b'toolong', b'', b'x'):
    try:
        m[0:2] = rhs
    except ValueError as e:
        print(type(e).__name__, e)
print(b)
try:
    m[0:2] = [1, 2]
except NotImplementedError as e:
    print(type(e).__name__, e)
h = array.array('h', [1, 2, 3])
mh = memoryview(h)
mh[0:2] = array.array('h', [7, 8])
print(h)
try:
    mh[0:1] = b'xy'
except ValueError as e:
    print(type(e).__name__, e)
print(h)
ov = bytearray(b'012345')
mo = memoryview(ov)
mo[1:5] = mo[0:4]
print(ov)
