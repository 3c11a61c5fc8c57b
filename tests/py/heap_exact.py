# allocating just under the free heap succeeds; just over fails with the exact size
import gc
SLACK = 256
# bind every global first, so measuring the heap does not grow the globals dict
free = n = big = 0
b = t = msg = None
gc.collect()
free = gc.mem_free()
n = free - SLACK
b = bytearray(n)
print(len(b) == n, len(b) > 8000)
b = None
gc.collect()
n = gc.mem_free() + 100
try:
    bytearray(n)
    print('allocated?!')
except MemoryError as e:
    msg = str(e)
    print(type(e).__name__, msg == 'memory allocation failed, allocating %d bytes' % n)
msg = None
gc.collect()
big = gc.mem_free() - SLACK
try:
    t = bytes(big)
    print('bytes fit', len(t) == big)
except MemoryError:
    print('bytes failed')
t = None
gc.collect()
print(gc.mem_free() > big - 1000)
