# Slicing without memoryview: each slice of a bytearray copies its bytes.
def bench(n):
    b = bytearray(512)
    for i in range(512):
        b[i] = i & 255
    t = 0
    for i in range(n):
        c = b[i & 63:400]
        t += c[10] + len(c)
    return t


run(bench, 400)
