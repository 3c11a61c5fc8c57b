# array / uarray module: typecodes, indexing, append, extend, slicing, conversion
import array
import uarray
a = array.array('b', [1, -2, 3])
print(a, len(a), a[0], a[-1], a[1:])
a.append(4)
a.extend([5, 6])
a.extend(array.array('b', [7]))
print(a, list(a), sum(a))
a[0] = -128
print(a[0])
h = uarray.array('H', [65535, 0])
print(h, h[0] + 1)
i = array.array('i')
for v in range(5):
    i.append(v * 1000000)
print(i)
f = array.array('f', [1.5, 0.25])
print(f, f[0] * 2)
print(array.array('B', b'AB'), array.array('B', bytearray(3)), bytes(array.array('B', [72, 105])))
print(array.array('h', [1, 2]) == array.array('h', [1, 2]), array.array('h', [1, 2]) == array.array('h', [1, 3]))
print(array.array('I', [4000000000]), array.array('q', [-2 ** 40]), array.array('d', [0.5]))
print(len(bytes(array.array('h', [1, 2, 3]))), bytes(array.array('h', [258])))
for x in array.array('B', [9, 8]):
    print(x, end=' ')
print()
try:
    array.array('z', [1])
except ValueError:
    print('ValueError bad typecode')
try:
    array.array('b', [1])[5]
except IndexError as e:
    print(type(e).__name__, e)
