# v1: n/a (MicroPython v1 has no memoryview)
# Slicing with memoryview: the same slices as slice_copy, as views (no copy).
def bench(n):
    b = bytearray(512)
    for i in range(512):
        b[i] = i & 255
    m = memoryview(b)
    t = 0
    for i in range(n):
        c = m[i & 63:400]
        t += c[10] + len(c)
    return t


run(bench, 400)
