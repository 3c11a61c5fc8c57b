# gc module: collect, mem_free, mem_alloc; garbage is reclaimed
import gc
gc.collect()
f0 = gc.mem_free()
a0 = gc.mem_alloc()
print(f0 > 0, a0 > 0, f0 + a0 <= 13312)
for i in range(200):
    x = bytearray(100)
gc.collect()
print(abs(gc.mem_free() - f0) < 300)
keep = bytearray(2000)
print(f0 - gc.mem_free() >= 2000, gc.mem_alloc() - a0 >= 2000)
del keep
gc.collect()
print(abs(gc.mem_free() - f0) < 300)
lst = []
for i in range(50):
    lst.append([i] * 10)
del lst
gc.collect()
print(abs(gc.mem_free() - f0) < 300)
gc.collect()
gc.enable()
gc.disable()
gc.enable()
print(gc.isenabled())
