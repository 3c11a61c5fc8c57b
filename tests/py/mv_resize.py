# a bytearray with a live view cannot be resized; after release() it can
b = bytearray(b'abc')
m = memoryview(b)
def grow_append():
    b.append(100)
def grow_extend():
    b.extend(b'de')
def grow_slice():
    b[0:1] = b'XYZ'
def shrink_slice():
    b[0:2] = b''
def grow_inplace():
    global b
    b += b'!'
for f in (grow_append, grow_extend, grow_slice, shrink_slice, grow_inplace):
    try:
        f()
        print('resized')
    except BufferError as e:
        print(type(e).__name__, e)
print(b, bytes(m), len(m))
b[0:1] = b'A'
m[2] = ord('C')
print(b, bytes(m))
m.release()
b.append(100)
b.extend(b'ef')
print(b)
with memoryview(b) as w:
    try:
        b.append(0)
    except BufferError:
        print('BufferError inside with')
    print(len(w))
b.append(103)
print(b, len(b))
