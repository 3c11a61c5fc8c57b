# slicing a memoryview gives a view (no copy); views of views; writes reach the base
b = bytearray(b'0123456789')
m = memoryview(b)
s = m[2:6]
print(s, len(s), bytes(s), list(s))
t = s[1:3]
print(t, bytes(t), t[0], t.obj is b)
print(bytes(m[::1]), bytes(m[:]), bytes(m[7:]), bytes(m[:3]), bytes(m[-3:]), bytes(m[-100:2]))
print(bytes(m[5:2]), len(m[5:2]), bytes(m[8:100]), len(m[100:]))
t[0] = ord('X')
print(b)
m[0:2][1] = ord('Y')
print(b)
s2 = m[1:][1:][1:]
print(bytes(s2), len(s2), s2[0] == b[3])
b[3] = ord('Z')
print(chr(s2[0]), chr(s[1]))
whole = m[:]
print(whole is m, bytes(whole) == bytes(b))
r = memoryview(b'hello world')[6:]
print(bytes(r), bytes(r).decode(), r.readonly)
