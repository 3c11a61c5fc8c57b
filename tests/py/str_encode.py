# str.encode, bytes.decode, str(b, 'utf-8'), non-ASCII strings
s = 'hé€'
b = s.encode()
print(b, len(b), len(s))
print(b.decode() == s, str(b, 'utf-8') == s)
print('abc'.encode(), 'abc'.encode('utf-8'))
print(b'xyz'.decode(), b'xyz'.decode('utf-8'), str(b'xyz', 'utf-8'))
print(bytes('hi', 'utf-8'), bytearray('hi', 'utf-8'))
print(s[1], s[-1] == '€', ord('é'), chr(233) == 'é')
print(list('é'.encode()), [hex(x) for x in '€'.encode()])
print(str(bytearray(b'ok'), 'utf-8'), bytearray(b'ok').decode())
print(str(b'ab'))
