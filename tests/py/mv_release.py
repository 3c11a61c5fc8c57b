# release() and the with statement; any use after release raises ValueError
b = bytearray(b'abc')
m = memoryview(b)
print(m[0])
m.release()
m.release()
def show(f):
    try:
        f()
        print('no error')
    except ValueError as e:
        print(type(e).__name__, e)
show(lambda: m[0])
show(lambda: len(m))
show(lambda: bytes(m))
show(lambda: m[0:1])
show(lambda: m.tolist())
show(lambda: m.tobytes())
show(lambda: list(m))
show(lambda: m.itemsize)
show(lambda: m.nbytes)
def store():
    m[0] = 1
show(store)
print(b)
with memoryview(b) as w:
    print(w[1], bytes(w))
show(lambda: w[1])
b.append(100)
print(b)
v = memoryview(b)
s = v[1:3]
v.release()
print(bytes(s))
with memoryview(b'xyz') as r:
    print(r.readonly, len(r))
try:
    with memoryview(b) as w2:
        raise KeyError('in with')
except KeyError:
    print('KeyError')
show(lambda: w2[0])
s.release()
b.append(101)
print(b)
print(w2[0])
