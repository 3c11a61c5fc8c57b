# bytearray: constructors (incl. from str without encoding), repr, indexing, slicing
a = bytearray(4)
print(a, len(a))
print(bytearray('ABCDE'), bytearray([1, 2]), bytearray(b'\x00\xff'))
print(bytearray(), bytearray(range(4)), bytearray(b'xy'), bytearray(bytearray(b'q')))
b = bytearray(b'hello')
print(b[0], b[-1], b[1:3], b[::-1], b[::2], len(b))
b[0] = 72
b[-1] = ord('O')
print(b)
b[1:3] = b'EL'
print(b)
b[1:3] = b'abcd'
print(b)
b[0:2] = b''
print(b)
print(bytearray(b'ab') + bytearray(b'cd'), bytearray(b'ab') + b'!', bytearray(b'x') * 3)
print(bytearray(b'abc') == b'abc', b'abc' == bytearray(b'abc'), bytearray(b'a') < bytearray(b'b'))
print(list(bytearray(b'\x01\x02\x03')), 2 in bytearray(b'\x01\x02'))
print(type(a).__name__, isinstance(a, bytearray), isinstance(a, bytes))
print(bytes(bytearray(b'r')), bytearray(b'\x00\x80\xff\n'))
try:
    a[4]
except IndexError as e:
    print(type(e).__name__, e)
try:
    a[-5] = 1
except IndexError as e:
    print(type(e).__name__, e)
