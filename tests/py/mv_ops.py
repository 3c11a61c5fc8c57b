# memoryview operators: ==, del, +, hash
import array
m = memoryview(b'abc')
b = bytearray(b'abc')
print(m == b'abc', m == b, m == memoryview(b), m == b'abd', m == b'ab', m != b'xyz')
print(b'abc' == m, b == m, m == [97, 98, 99], m == m)
print(memoryview(array.array('B', [97, 98, 99])) == m)
print(memoryview(array.array('h', [1, 2])) == array.array('h', [1, 2]))
print(memoryview(b'')[0:0] == b'', m[1:] == b'bc')
w = memoryview(b)
try:
    del w[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    w + b''
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(w)
except TypeError as e:
    print(type(e).__name__, e)
print(hash(m) == hash(b'abc'), hash(m[1:]) == hash(b'bc'))
print(hash(memoryview(b'zz')) == hash(memoryview(b'zz')))
print(b'x' + bytes(w), bytes(w) + b'!', bytearray(w) + b'?')
print(len(w), list(w) == [97, 98, 99])
