# starred and nested assignment, walrus, keyword-only and **kwargs, f-strings, try/finally in loops, with
a, *b = [1, 2, 3]
*c, d = 'xyz'
print(a, b, c, d)
(p, q), r = (1, 2), 3
print(p, q, r)
if (n := 10) > 5:
    print('walrus', n)
def kw(a, *, b=2, **rest):
    return a, b, rest
print(kw(1), kw(1, b=3, z=9))
def va(*args, **kwargs):
    return args, kwargs
print(va(1, *[2, 3], x=1, **{'y': 2}))
x = "val"
print(f"{1+1} {'a'!r} {3.5:>6} {x=} {x!r:>8}|{2**10:,} {'{'}")
for i in range(3):
    try:
        if i == 1:
            raise ValueError(i)
        print('ok', i)
    except ValueError:
        continue
    finally:
        print('fin', i)
def ret_in_finally():
    try:
        return 1
    finally:
        return 2
print(ret_in_finally())
try:
    pass
except Exception as e:
    pass
try:
    raise KeyError('k')
except KeyError as e:
    print(repr(e))
try:
    e
except NameError:
    print('e unbound')
while True:
    break
else:
    print('no')
for i in []:
    pass
else:
    print('for else')
class Ctx:
    def __enter__(self): print('enter'); return self
    def __exit__(self, *a): print('exit', a[0]); return True
with Ctx() as c1, Ctx() as c2:
    raise ValueError
print('after with')

