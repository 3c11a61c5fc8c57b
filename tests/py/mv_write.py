# writing through a memoryview into bytearray and array; range checks per typecode
import array
b = bytearray(4)
m = memoryview(b)
m[0] = 255
m[1] = 0
m[-1] = 7
print(b)
for v in (256, -1, 1000):
    try:
        m[2] = v
    except OverflowError as e:
        print(type(e).__name__, e)
print(b)
try:
    m[0] = 'a'
except TypeError as e:
    print(type(e).__name__, e)
try:
    m[0] = b'a'
except TypeError:
    print('TypeError bytes into int view')
a = array.array('h', [0, 0, 0])
ma = memoryview(a)
ma[0] = -32768
ma[1] = 32767
print(a)
try:
    ma[2] = 40000
except OverflowError as e:
    print(type(e).__name__, e)
sb = memoryview(array.array('b', [0]))
sb[0] = -128
print(sb[0])
try:
    sb[0] = 128
except OverflowError as e:
    print(type(e).__name__, e)
fa = array.array('f', [0.0, 0.0])
mf = memoryview(fa)
mf[0] = 2.5
mf[1] = 3
print(fa, mf[0] + mf[1])
ia = array.array('I', [0])
memoryview(ia)[0] = 4294967295
print(ia)
for i in range(len(m)):
    m[i] = i * 10
print(b, list(m))
