# files: errors for missing files (OSError ENOENT, as today's MicroPython: tools depend on it; v1 said 'file not found'), bad modes and names, closed and removed files
import os
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e.args)
check(lambda: open('missing.txt'))
check(lambda: open('missing.txt', 'rb'))
check(lambda: os.remove('missing.txt'))
check(lambda: os.size('missing.txt'))
check(lambda: os.rename('missing.txt', 'other.txt'))
for mode in ('x', 'r+', 'rw', 'wa', 'bb', 'rtb', 'wb+', 'U'):
    check(lambda: open('f.txt', mode))
for name in ('', 'a/b', 'a' * 121, '/'):
    check(lambda: open(name, 'w'))
name = 'n' * 120
with open(name, 'w') as f:
    f.write('longest name')
print(open(name).read(), name in os.listdir(), len(name))
os.remove(name)
check(lambda: open(42))
check(lambda: open('f.txt', 1))
check(lambda: os.remove(b'f.txt'))
f = open('f.txt', 'w')
check(f.read)
check(f.readline)
f.write('abc')
f.close()
check(lambda: f.write('more'))
check(f.close)
check(f.read)
f = open('f.txt')
check(lambda: f.write('x'))
check(lambda: f.read(1))
f.close()
check(f.read)
check(f.readline)
check(f.readlines)
check(lambda: f.readinto(bytearray(2)))
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
    check(lambda: g.write(5))
    check(lambda: g.write(None))
print(repr(open('g.txt').read()))
check(lambda: open('f.txt').readinto(b'ro'))
