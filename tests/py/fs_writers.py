# files: several open at once; a new file being written is listed (as in v1), empty until
# closed; a new version replaces the old one only when closed
import os
def files():
    return sorted(n for n in os.listdir() if n != 'main.py')
a = open('a.txt', 'w')
b = open('b.txt', 'w')
for i in range(40):
    a.write('a%d,' % i)
    b.write('b%d;' % i)
print(files())
print('sizes while open:', os.size('a.txt'), os.stat('b.txt')[6])
a.close()
print(os.size('a.txt'), files())
b.close()
print(open('a.txt').read()[:12], open('b.txt').read()[-8:])
# an old version stays readable until the new one is closed
old = open('a.txt')
new = open('a.txt', 'w')
new.write('replaced')
print(old.read(6), open('a.txt').read(6))
new.close()
print(open('a.txt').read())
try:
    old.read()
except OSError as e:
    print('old version gone:', e.args)
# two writers of one name: the last to close wins
w1 = open('c.txt', 'w')
w2 = open('c.txt', 'w')
w1.write('first')
w2.write('second')
w2.close()
w1.close()
print(open('c.txt').read(), files())
# a writer dropped unclosed: the file stays listed, empty, until a reboot
w3 = open('d.txt', 'w')
w3.write('lost')
w3 = None
print('d.txt' in os.listdir(), os.size('d.txt'))
