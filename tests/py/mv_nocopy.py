# views allocate no copy of the data: slicing 4000 bytes of a view costs < 100 bytes
import gc
a = 0
v = w = x = c = y = y2 = None
b = bytearray(5000)
for i in range(0, 5000, 500):
    b[i] = i // 500
m = memoryview(b)
gc.collect()
a = gc.mem_free()
v = m[0:4000]
print(a - gc.mem_free() < 100)
gc.collect()
a = gc.mem_free()
w = memoryview(b)
x = w[100:4900][10:3000][::2]
print(a - gc.mem_free() < 400)
print(len(v), len(x), v[500], x[195], x[0])
gc.collect()
a = gc.mem_free()
c = b[0:4000]
print(a - gc.mem_free() >= 4000, len(c), c[3500])
c = None
gc.collect()
a = gc.mem_free()
y = m[1000:5000]
y2 = memoryview(y)
print(a - gc.mem_free() < 200, len(y2), y2[0], y2[-1])
