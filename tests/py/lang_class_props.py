# classes: property with setter, staticmethod, classmethod, decorators, introspection
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError('too cold')
        self._c = v
    @staticmethod
    def f2c(f):
        return (f - 32) * 5 // 9
    @classmethod
    def make(cls, c):
        t = cls()
        t.c = c
        return t
t = Temp.make(20)
print(t.c, Temp.f2c(212), t.f2c(32))
t.c = 30
print(t.c)
try:
    t.c = -300
except ValueError as e:
    print('ValueError', e)
class Dyn:
    def __getattr__(self, name):
        return 'dyn_' + name
dy = Dyn()
dy.real = 1
print(dy.real, dy.other, getattr(dy, 'zz'), hasattr(dy, 'q'))
class Base1:
    def who(self): return 'B1'
class Base2:
    def who(self): return 'B2'
    def only2(self): return 'only2'
class Multi(Base1, Base2):
    pass
mm = Multi()
print(mm.who(), mm.only2(), isinstance(mm, Base2))
class Slotless:
    pass
o = Slotless()
o.a = 1
setattr(o, 'b', 2)
print(o.a, getattr(o, 'b'), hasattr(o, 'c'), getattr(o, 'c', 'dflt'))
delattr(o, 'a')
print(hasattr(o, 'a'))
try:
    o.zz
except AttributeError as e:
    print('AttributeError', e)
def deco(f):
    def w(*a):
        return 'deco(' + str(f(*a)) + ')'
    return w
@deco
def plus(a, b):
    return a + b
print(plus(1, 2))
def param_deco(n):
    def d(f):
        return lambda: f() * n
    return d
@param_deco(3)
def three():
    return 2
print(three())
def cls_deco(c):
    c.tag = 'tagged'
    return c
@cls_deco
class Tagged:
    pass
print(Tagged.tag)
class WithClassVar:
    items = []
    def add(self, v):
        self.items.append(v)
w1, w2 = WithClassVar(), WithClassVar()
w1.add(1); w2.add(2)
print(WithClassVar.items)
class Fn:
    def __call__(self): return 1
print(callable(Fn()), callable(t), callable(Temp), callable(len), callable(3))

