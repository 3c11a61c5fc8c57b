# files: write and read back text and bytes; read(n), readline, readlines, iteration, with, append
import os
def files():
    return sorted(n for n in os.listdir() if n != 'main.py')
f = open('notes.txt', 'w')
print(f, f.writable())
print(f.write('first line\n'), f.write('second'), f.write(' line\nthird\n'))
f.close()
print(files(), os.size('notes.txt'))
f = open('notes.txt')
print(f, f.writable(), f.name())
print(repr(f.read(5)), repr(f.readline()), repr(f.readline(3)))
print(repr(f.read()))
print(repr(f.read()), repr(f.readline()))
f.close()
with open('notes.txt') as f:
    print(f.readlines())
with open('notes.txt', 'r') as f:
    for line in f:
        print(repr(line))
with open('data.bin', 'wb') as f:
    print(f, f.write(b'\x00\x01\xfe\xff'), f.write(bytearray(b'ab')), f.write('cd'))
with open('data.bin', 'rb') as f:
    print(f.read(2), f.read(), f.read())
print(open('data.bin', 'rb').read(-1), open('data.bin').read(0) == '')
b = bytearray(4)
with open('data.bin', 'rb') as f:
    print(f.readinto(b), b)
    print(f.readinto(b, 1), b)
    print(f.readinto(b), b, f.readinto(b))
# 'a' keeps what was there; 'w' starts again
with open('notes.txt', 'a') as f:
    f.write('fourth\n')
print(open('notes.txt').read().split('\n'))
with open('notes.txt', 'w') as f:
    f.write('new')
print(open('notes.txt').read(), os.size('notes.txt'))
# an empty file, and a file of several chunks
open('empty.txt', 'w').close()
print(os.size('empty.txt'), repr(open('empty.txt').read()))
with open('big.txt', 'w') as f:
    for i in range(60):
        f.write('line %d %s\n' % (i, 'x' * (i % 7)))
n = 0
total = 0
with open('big.txt') as f:
    for line in f:
        n += 1
        total += len(line)
print(n, total, os.size('big.txt'))
with open('big.txt') as f:
    lines = f.readlines()
print(len(lines), lines[0], lines[57], lines[-1])
print(files())
os.remove('big.txt')
os.remove('empty.txt')
print(files())
