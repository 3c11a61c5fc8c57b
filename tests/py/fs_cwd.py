# os.getcwd and os.chdir (one directory: the root) and file.flush, as mpremote and Thonny use them
import os
print(repr(os.getcwd()))
for p in ('/', '', '.', './'):
    print(os.chdir(p))
print(repr(os.getcwd()))
with open('f.txt', 'w') as f:
    f.write('abc')
    print(f.flush())
    f.write('def')
print(open('f.txt').read())
for p in ('f.txt', '/f.txt', 'nope', 'a/b', '/x/'):
    try:
        os.chdir(p)
    except OSError as e:
        print(p, e.args)
print(os.stat(os.getcwd())[0] == 0x4000, 'f.txt' in os.listdir(os.getcwd()))
f = open('f.txt', 'rb')
print(f.flush(), f.read(2))
f.close()
try:
    f.flush()
except ValueError as e:
    print('ValueError', e)
os.remove('f.txt')
try:
    os.chdir(5)
except TypeError as e:
    print('TypeError', e)
