# attributes read in loops see class changes, instance shadowing and deletion
class A:
    k = 'class'

    def m(self):
        return 'm1'


class B(A):
    pass


a, b = A(), B()
out = []
for i in range(3):
    out.append((a.k, b.k, a.m(), b.m()))
    if i == 0:
        A.k = 'changed'              # seen through the class by both
        A.m = lambda self: 'm2'
    elif i == 1:
        a.k = 'instance'             # shadows the class attribute for a only
        B.m = lambda self: 'mb'      # the subclass overrides
print(out)

out = []
for i in range(3):
    out.append((getattr(a, 'k', 'gone'), getattr(b, 'k', 'gone'), a.m(), b.m()))
    if i == 0:
        del a.k                      # the class attribute shows again
        del B.m
    elif i == 1:
        del A.k
        a.m = lambda: 'bound on instance'
print(out)
try:
    b.k
except AttributeError:
    print('AttributeError')


# an instance's own dict growing while one attribute is read over and over
class P:
    pass


p = P()
p.x = 0
seen = []
for i in range(12):
    setattr(p, 'a%d' % i, i)
    if i % 4 == 3:
        exec('del p.a%d' % (i - 1))
    p.x = p.x + 1
    seen.append(p.x)
print(seen, p.a11, hasattr(p, 'a10'))


# a property replaced by a plain class attribute, and a __getattr__ fallback
class Q:
    @property
    def v(self):
        return 'property'

    def __getattr__(self, name):
        return 'fallback ' + name


q = Q()
r = []
for i in range(3):
    r.append((q.v, q.w))
    if i == 0:
        Q.v = 'plain'
    elif i == 1:
        Q.w = 'now real'
print(r)
