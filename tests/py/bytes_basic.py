# bytes: literals, escapes, repr with hex escapes, indexing, slicing, constructors
b = b'abc'
print(b, b[0], b[-1], len(b), b[1:], b[::-1], b[::2])
print(b'\x00\x01\x7f\x80\xff', b'\t\n\r', b'q"\'\\')
print(b'\x41\x42', b'A\x00B', repr(b'x'), str(b'y'))
print(bytes(3), bytes(range(3)), bytes([65, 66, 67]), bytes(b'cp'))
print(bytes(), len(bytes(0)), bytes((1, 2)))
print(b'ab' + b'cd', b'ab' * 2, b'b' in b'abc', 98 in b'abc', b'z' in b'abc')
print(b'abc' == b'abc', b'abc' != b'abd', b'abc' < b'abd', b'ab' == 'ab')
print(list(b'hi'), tuple(b'\x01\x02'), [x for x in b'AB'])
print(b'ABC'.decode(), b'hello'.find(b'l'))
print(type(b).__name__, isinstance(b, bytes), bytes(b) == b)
print(hex(b[0]), b[0] + 1, chr(b[1]))
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    b[3]
except IndexError as e:
    print(type(e).__name__, e)
try:
    bytes([256])
except ValueError:
    print('ValueError')
