# Fill the heap with objects of every size class until MemoryError, then
# print how many were made and the free heap at each step of the way: the
# figures must be identical on every board with the boards' object sizes.
import gc
gc.collect()
start = gc.mem_free()
keep = []
n = 0
try:
    while True:
        keep.append([n, n * 1.5, 'x' * (n % 9), 2 ** 40 + n, {n: n},
                     bytearray(n % 5), (n,), str(n)])
        n += 1
except MemoryError:
    pass
full = gc.mem_free()
keep = None
gc.collect()
print(start, n, full, gc.mem_free())
