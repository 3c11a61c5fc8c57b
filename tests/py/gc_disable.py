# gc.disable stops automatic collection (a full heap raises MemoryError), threshold collects early
import gc
gc.collect()
print(gc.isenabled(), gc.threshold(), gc.disable(), gc.isenabled())
n = 0
try:
    for i in range(100000):
        x = [i]
        n += 1
except MemoryError:
    x = None
print(n > 50, n < 5000, gc.isenabled())
gc.enable()
keep = []
for i in range(2000):
    keep.append([i])
    if len(keep) > 20:
        keep.pop(0)
print(len(keep), gc.isenabled())
keep = None
gc.collect()
print(gc.threshold(1024), gc.threshold())
f0 = gc.mem_free()
for i in range(40):
    b = bytearray(100)
print(f0 - gc.mem_free() < 1500)
gc.threshold(-1)
print(gc.threshold(), gc.collect(), gc.mem_alloc() > 0, gc.mem_free() > 1000)
gc.disable()
gc.disable()
gc.enable()
print(gc.isenabled())
