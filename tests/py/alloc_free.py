# a for over range and a simple call allocate nothing: the heap is unchanged
import gc
def f(x):
    return x + 1
a = b = t = i = 0
f(0)  # the first call makes the call stack's room; later calls reuse it
gc.collect()
a = gc.mem_free()
for i in range(1000):
    t = f(t)
b = gc.mem_free()
print(t, a == b)
