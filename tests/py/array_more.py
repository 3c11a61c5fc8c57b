# array: every typecode with its range, MicroPython's O (objects) and P, comparison and concatenation
from array import array
for tc, good, bad in (('b', -128, 128), ('B', 255, -1), ('h', -32768, 32768), ('H', 65535, 65536),
                      ('i', -2 ** 31, 2 ** 31), ('I', 2 ** 32 - 1, -1), ('l', 2 ** 31 - 1, -2 ** 31 - 1),
                      ('L', 0, 2 ** 32), ('Q', 2 ** 62, -1), ('P', 2 ** 32 - 1, -1)):
    a = array(tc, [good])
    try:
        a.append(bad)
        print(tc, 'no error')
    except OverflowError as e:
        print(tc, a[0], a.itemsize, 'OverflowError', e)
print(array('f', [0.5, -2]), array('d', [1.25]), array('f', [1]) == array('d', [1.0]), array('f', [3])[0])
o = array('O', [1, 'a', None, [2]])
print(o, len(o), o[1], o[-1], 'a' in o, [2] in o, 5 in o, o[1:3], list(o))
o.append((3,))
o[0] = {1: 2}
o.extend(['x'])
print(o, o.pop(), o == array('O', [{1: 2}, 'a', None, [2], (3,)]), o != array('O'))
print(array('O', [1]) + array('O', [2]), array('O', ['z']) * 2, array('O'), array('O', range(3)))
for bad in (lambda: memoryview(o), lambda: array('O', b'ab'), lambda: array('q', [1]) + array('O', [2]),
            lambda: bytearray(array('O', [1])), lambda: o.extend(b'x'), lambda: array('O', [1]) < array('O', [2])):
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
keep = array('O', [str(i) * 3 for i in range(20)])
import gc
gc.collect()
print(keep[19], keep[0], len(keep))
print(array('b', [1, 2]) + array('b', [3]), array('B', [1]) + b'\x02', array('h', [5]) * 3, 2 * array('b', [1]))
print(array('b', [1, 2]) == array('b', [1, 2]), array('b', [1, 2]) == [1, 2], array('B', [1]) < array('B', [2]))
print(array('i', [1, 2]) == array('h', [1, 2]), array('b', [1]) == b'\x01', array('B', b'ab') == b'ab')
for bad in (lambda: array('b', [1]) < array('b', [2]), lambda: array('b', [1]) + [2], lambda: array('h', [1]) + b'ab',
            lambda: array('b', [1]) + array('h', [1]), lambda: array('i', 5), lambda: array('bb')):
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
