# a view keeps its base alive: the base may be deleted and the heap collected
import gc
def make_view():
    buf = bytearray(b'persistent data')
    return memoryview(buf)[0:10]
v = make_view()
gc.collect()
junk = [bytearray(50) for i in range(20)]
del junk
gc.collect()
print(bytes(v), len(v), v.obj)
b = bytearray(range(200))
m = memoryview(b)[100:110]
del b
gc.collect()
for i in range(10):
    x = bytearray(100)
    x[0] = 255
gc.collect()
print(list(m), m[9], m.obj[0], len(m.obj))
s = memoryview(b'const')[1:4]
del s
gc.collect()
t = memoryview(bytes(range(65, 75)))[2:5]
gc.collect()
print(bytes(t), t.readonly)
w = memoryview(bytearray(8))
w2 = w[2:6]
del w
gc.collect()
w2[0] = 7
print(list(w2), list(w2.obj))
u = memoryview('text ' + str(12345))[5:]
gc.collect()
print(bytes(u), str(u, 'utf-8'))
