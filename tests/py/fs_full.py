# files: a full filesystem raises OSError 28 and keeps every other file; the
# space comes back, and rewriting a file many times reuses the flash
import os
def files():
    return sorted(n for n in os.listdir() if n != 'main.py')
with open('keep.txt', 'w') as f:
    f.write('precious\n' * 20)
block = 'z' * 200
n = 0
f = open('fill.bin', 'w')
try:
    while True:
        f.write(block)
        n += len(block)
except OSError as e:
    print('full', e.args, n > 50000)
try:
    f.write('more')
except ValueError as e:
    print(e)
f.close()
print(files(), open('keep.txt').read() == 'precious\n' * 20)
# the same amount fits again once the failed file is gone
g = open('fill2.bin', 'w')
m = 0
while m < n - 250:
    g.write(block)
    m += len(block)
g.close()
print(os.size("fill2.bin") == m, files())
os.remove('fill2.bin')
# far more writes than the flash holds: old versions are reclaimed
text = 'abcdefghij' * 100
for i in range(200):
    with open('log.txt', 'w') as f:
        f.write(str(i))
        f.write(text)
        f.write(text)
print(open('log.txt').read(4), os.size('log.txt'), files())
print(open('keep.txt').read() == 'precious\n' * 20)
