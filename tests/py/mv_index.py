# memoryview indexing: positive, negative, out of range (read and write), bad index type
b = bytearray(b'ABCDE')
m = memoryview(b)
print(m[0], m[4], m[-1], m[-5], chr(m[2]))
for i in (5, -6, 100):
    try:
        print(m[i])
    except IndexError as e:
        print(type(e).__name__, e)
try:
    m[5] = 1
except IndexError as e:
    print(type(e).__name__, e)
try:
    m[-6] = 1
except IndexError as e:
    print(type(e).__name__, e)
try:
    m['a']
except TypeError as e:
    print(type(e).__name__, e)
try:
    m[1.0]
except TypeError:
    print('TypeError float index')
s = m[1:3]
print(s[0], s[-1], s[1])
try:
    s[2]
except IndexError as e:
    print(type(e).__name__, e)
m[True] = 98
print(b, m[False])
e = memoryview(b'')
try:
    e[0]
except IndexError as ex:
    print(type(ex).__name__, ex)
