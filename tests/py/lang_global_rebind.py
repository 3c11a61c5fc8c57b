# global and builtin names read in loops see every rebinding, deletion and re-adding
G = 0


def read_g():
    return G


def bump():
    global G
    G = G + 1


out = []
for i in range(4):
    bump()
    out.append(read_g())
    globals()['G'] = G * 10  # rebound through the dict itself
    out.append(read_g())
print(out)

# deleted and re-added: it moves to the end of the dict
del G
try:
    read_g()
except NameError as e:
    print('NameError')
G = 'back'
print(read_g())
globals().pop('G')
try:
    read_g()
except NameError as e:
    print('NameError')
globals()['G'] = 'again'
print(read_g())


# a builtin shadowed by a global, then unshadowed
def size(x):
    return len(x)


print(size('abc'))
len = lambda x: 'shadowed'
print(size('abc'))
del len
print(size('abc'))
globals()['le' + 'n'] = lambda x: 'equal key'  # not the interned name
print(size('abc'))
del globals()['len']
print(size('abc'))

# many globals added (the dict grows and compacts) and removed while read
H = 'h'


def read_h():
    return H


seen = set()
for i in range(40):
    globals()['v%d' % i] = i
    if i % 3 == 0 and i:
        del globals()['v%d' % (i - 1)]
    seen.add(read_h())
    if i == 20:
        H = 'h2'
print(sorted(seen), v39, 'v38' in globals(), 'v37' in globals())
for i in range(40):
    globals().pop('v%d' % i, None)

# the same names in another globals dict (exec) and in this one, alternately
g = {}
exec('def size(x):\n    return len(x)\nlen = lambda x: -1\nG = 5\ndef read_g():\n    return G\n', g)
r = []
for i in range(3):
    r.append((size('ab'), g['size']('ab'), read_g(), g['read_g']()))
    g['G'] += 1
    G = G + '!'
print(r)

# module-level loops read and store names in the module's dict
total = 0
for k in range(5):
    total = total + k
    if k == 2:
        del total
        total = 100
print(total)

# a class body finds its own names before the module's
x = 'module'


class C:
    y = x
    x = 'class'
    z = x


print(C.y, C.z, x)
try:
    read_nothing = undefined_name
except NameError as e:
    print('NameError')
