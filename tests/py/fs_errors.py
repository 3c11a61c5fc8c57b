# files: MicroPython v1's errors for missing files, bad modes and names, closed and removed files
import os
def check(f, *args):
    try:
        print(f(*args))
    except Exception as e:
        print(type(e).__name__, e.args)
check(open, 'missing.txt')
check(open, 'missing.txt', 'rb')
check(os.remove, 'missing.txt')
check(os.size, 'missing.txt')
check(os.rename, 'missing.txt', 'other.txt')
for mode in ('x', 'r+', 'rw', 'wa', 'bb', 'rtb', 'wb+', 'U'):
    check(open, 'f.txt', mode)
for name in ('', 'a/b', 'a' * 121, '/'):
    check(open, name, 'w')
name = 'n' * 120
with open(name, 'w') as f:
    f.write('longest name')
print(open(name).read(), name in os.listdir(), len(name))
os.remove(name)
check(open, 42)
check(open, 'f.txt', 1)
check(os.remove, b'f.txt')
f = open('f.txt', 'w')
check(f.read)
check(f.readline)
f.write('abc')
f.close()
check(f.write, 'more')
check(f.close)
check(f.read)
f = open('f.txt')
check(f.write, 'x')
check(f.read, 1)
f.close()
check(f.read)
check(f.readline)
check(f.readlines)
check(f.readinto, bytearray(2))
# a file removed or replaced while open for reading
f = open('f.txt')
os.remove('f.txt')
check(f.read)
f.close()
with open('f.txt', 'w') as g:
    g.write('one')
f = open('f.txt')
with open('f.txt', 'w') as g:
    g.write('two')
check(f.read)
print(open('f.txt').read())
# writing what is not text or bytes
with open('g.txt', 'w') as g:
    check(g.write, 5)
    check(g.write, None)
print(repr(open('g.txt').read()))
check(open('f.txt').readinto, b'ro')
