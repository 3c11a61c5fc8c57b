# uncaught IndexError from a memoryview two calls deep
def read(view, i):
    return view[i]

def total(view, n):
    s = 0
    for i in range(n):
        s += read(view, i)
    return s

m = memoryview(bytearray(b'\x01\x02\x03'))
print(total(m, 3))
print(total(m[1:], 2))
print(total(m[1:], 3))
