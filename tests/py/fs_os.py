# os: stat, ilistdir, statvfs, rename, uname, and the paths MicroPython's tools use ("/x", "./x")
import os
import uos
print(uos is os, os.__name__)
def files():
    return sorted(n for n in os.listdir() if n != 'main.py')
with open('/a.txt', 'w') as f:
    f.write('12345')
with open('./b.py', 'wb') as f:
    f.write(b'print(1)\n')
print(files(), os.size('./a.txt'), os.size('/b.py'))
print(os.stat('a.txt'))
print(os.stat('/b.py')[0] == 0x8000, os.stat('b.py')[6])
for root in ('', '/', '.', './'):
    print(repr(root), os.stat(root)[0] == 0x4000)
try:
    os.stat('missing')
except OSError as e:
    print('stat', e.args)
try:
    os.listdir('sub')
except OSError as e:
    print('listdir', e.args)
entries = sorted(e for e in os.ilistdir() if e[0] != 'main.py')
print(entries)
print(sorted(e[0] for e in os.ilistdir('/') if e[0] != 'main.py'))
print(os.listdir('') == os.listdir('/') == os.listdir())
v = os.statvfs('/')
print(len(v), v[0], v[1] == v[0], v[2] > 400, v[3] <= v[2], v[3] == v[4], v[9])
with open('c.txt', 'w') as f:
    f.write('x' * 1000)
v2 = os.statvfs('')
print(v[3] - v2[3] >= 1000 // v[0])
# rename: the data stay, an existing target is replaced
os.rename('a.txt', 'd.txt')
print(files(), open('d.txt').read())
os.rename('d.txt', 'c.txt')
print(files(), open('c.txt').read())
os.rename('c.txt', 'c.txt')
print(files())
try:
    os.rename('c.txt', 'x/y')
except OSError as e:
    print('rename', e.args)
os.remove('/c.txt')
os.remove('./b.py')
print(files())
u = os.uname()
print(len(u), u[0] == u.sysname, u[4] == u.machine, type(u.release), u.version.startswith('pith '))
try:
    u.nodename = 'x'
except AttributeError:
    print('read only')
print(str(u).startswith("(sysname='"), list(u) == [u[0], u[1], u[2], u[3], u[4]])
