# extend and slice assignment from a strided memoryview copy its items
# first; the copy must stay alive while the target grows (was read after
# being freed: found under host-strict while fixing a fuzzer report; CPython
# refuses strided sources, pith copies their selected items)
b = bytearray(b'abcdef')
c = bytearray(b'xy')
c.extend(memoryview(b)[::-1])
print(c)
c[0:1] = memoryview(b)[::-2]
print(c)
a = bytearray()
a.extend(memoryview(b)[1::2])
print(a, len(a))
