# bytearray: append, extend, decode, str(b, 'utf-8'), in-place growth
b = bytearray()
b.append(65)
b.append(66)
print(b, len(b))
b.extend(b'CD')
b.extend(bytearray(b'E'))
b.extend([70, 71])
print(b)
b.extend(range(72, 74))
print(b, len(b))
print(b.decode(), str(b, 'utf-8'), bytes(b))
b += b'!!'
print(b)
c = b
c.append(63)
print(b is c, b[-1])
for i in range(len(b)):
    b[i] = b[i] + 32 if 65 <= b[i] <= 90 else b[i]
print(b)
e = bytearray(b'x')
for i in range(20):
    e.append(48 + i % 10)
print(e)
print(bytearray(3) + bytearray(2) == bytearray(5))
