# runtime misuse of functions, generators and classes: each raises the right exception
def check(f):
    try:
        r = f()
        print('ok', r)
    except Exception as e:
        print(type(e).__name__, e)
def g():
    yield gen.send(None)
gen = g()
check(lambda: next(gen))
def g2():
    x = yield 1
check(lambda: g2().send(5))
def rec(n):
    yield from rec(n + 1)
check(lambda: next(rec(0)))
def fa(a, b, *, c): return a
check(lambda: fa(1))
check(lambda: fa(1, 2, 3))
check(lambda: fa(1, 2))
check(lambda: fa(1, 2, c=3, d=4))
check(lambda: fa(1, 2, a=1, c=3))
def noargs(): pass
check(lambda: noargs(1))
class A:
    def m(self): return 'm'
    def __init__(self): return 5
check(lambda: A())
class B:
    def __getattr__(self, n): return self.missing
check(lambda: B().x)
class C:
    def __repr__(self): raise ValueError('no repr')
check(lambda: repr(C()))
class D:
    def __hash__(self): return 'x'
check(lambda: hash(D()))
class E: pass
def delmissing():
    e = E()
    del e.nothing
check(delmissing)
class F:
    def __eq__(self, o): return NotImplemented
f1 = F()
check(lambda: (f1 == f1, f1 == F(), f1 != F()))
def badbase():
    class X(1): pass
check(badbase)
def conflict():
    class Y(list, dict): pass
check(conflict)
check(lambda: 1 + A.__new__(A))
check(lambda: len(E()))
check(lambda: E()[0])
check(lambda: E()())
check(lambda: iter(E()))
check(lambda: [x for x in E()])
def unbound():
    print(v)
    v = 1
check(unbound)
def free():
    def inner(): return w
    r = inner()
    w = 1
    return r
check(free)
check(lambda: int.bit_length('x'))
class Eq:
    def __eq__(self, o): return True
check(lambda: hash(Eq()))
check(lambda: {Eq()})
class NoHash:
    __hash__ = None
check(lambda: hash(NoHash()))
