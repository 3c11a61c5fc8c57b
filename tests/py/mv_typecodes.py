# memoryview of every array typecode: itemsize (fixed on every board), format, values
import array
for code, vals in (('b', [-128, -1, 127]), ('B', [0, 128, 255]),
                   ('h', [-32768, -2, 32767]), ('H', [0, 65535, 7]),
                   ('i', [-100000, 0, 2147483647]), ('I', [0, 4294967295, 1]),
                   ('l', [-2147483648, 5, 6]), ('L', [4000000000, 9, 8]),
                   ('q', [-2 ** 40, 1, 2 ** 40]), ('Q', [2 ** 50, 0, 3]),
                   ('f', [0.5, -2.0, 1.25]), ('d', [0.25, 1.5, -4.0])):
    a = array.array(code, vals)
    m = memoryview(a)
    print(code, m.format, m.itemsize, len(m), m.nbytes, m[0], m[-1], m.tolist() == list(a))
m = memoryview(array.array('h', [1, 2, 3, 4]))
print(m[1:3].nbytes, m[1:3].tolist(), len(bytes(m)), m.itemsize)
print(memoryview(b'ab').itemsize, memoryview(b'ab').format, memoryview('x').format)
