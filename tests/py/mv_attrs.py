# memoryview attributes: itemsize nbytes readonly format obj ndim shape strides contiguous
import array
b = bytearray(b'abcdef')
m = memoryview(b)
print(m.itemsize, m.nbytes, m.readonly, m.format, m.obj is b, m.ndim, m.shape, m.strides, m.contiguous)
s = m[1:5]
print(s.itemsize, s.nbytes, s.readonly, s.format, s.obj is b, s.ndim, s.shape, s.strides, s.contiguous)
t = m[::2]
print(t.nbytes, t.shape, t.strides, t.contiguous, len(t))
a = array.array('i', [1, 2, 3])
ma = memoryview(a)
print(ma.itemsize, ma.nbytes, ma.format, ma.shape, ma.strides, ma.obj is a, ma.readonly)
print(ma[1:].nbytes, ma[::-1].strides, ma[::-1].shape)
r = memoryview(b'xy')
print(r.readonly, r.format, r.nbytes, r.obj)
print(memoryview(b'').shape, memoryview(b'').nbytes, memoryview(b'').contiguous)
q = memoryview(array.array('q', [1]))
print(q.itemsize, q.format, q.nbytes, q.strides)
d = memoryview(array.array('d', [1.5, 2.5]))
print(d.itemsize, d.format, d.nbytes, d[1])
