# list slicing with steps, slice assignment, slice deletion
a = list(range(10))
print(a[2:5], a[-3:], a[:-7], a[::3], a[1::2], a[::-1], a[8:2:-2], a[-1:-4:-1])
print(a[5:2], a[20:30], a[-20:2], a[::-3])
b = a[:]
b[2:4] = ['x', 'y', 'z']
print(b)
b[0:1] = []
print(b)
b[len(b):] = [100]
print(b)
b[:0] = ['front']
print(b)
b[1:3] = ()
print(b)
c = [0, 1, 2, 3, 4, 5]
c[1:5] = c[1:3]
print(c)
d = list(range(8))
del d[1:3]
print(d)
del d[-2:]
print(d)
del d[:]
print(d, len(d))
e = [1, 2, 3]
e[:] = [9]
print(e)
t = (0, 1, 2, 3, 4)
print(t[1:3], t[::-1], t[::2])
