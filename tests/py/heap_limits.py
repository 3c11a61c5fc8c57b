# the heap arena is 13,312 bytes on every board: 12000 bytes fit, 14000 do not
import gc
gc.collect()
b = bytearray(12000)
print(len(b), b[0], b[-1])
b[11999] = 9
print(b[-1])
del b
gc.collect()
try:
    c = bytearray(14000)
    print('allocated?!')
except MemoryError as e:
    print(type(e).__name__, e)
gc.collect()
d = bytearray(12000)
print('after MemoryError', len(d))
