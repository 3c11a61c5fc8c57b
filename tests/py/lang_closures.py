# closures: nonlocal, late binding, shared cells, global declarations
def make_counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    return inc
c = make_counter()
print(c(), c(), c(5))
def outer():
    x = 1
    def mid():
        def inner():
            return x + 1
        return inner()
    x = 10
    return mid()
print(outer())
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def adders():
    r = []
    for k in range(3):
        r.append(lambda v: v + k)
    return r
print([a(10) for a in adders()])
x = 'global'
def g():
    global x
    x = 'changed'
g()
print(x)
def shared():
    v = []
    def add(a): v.append(a)
    def get(): return v
    return add, get
add, get = shared()
add(1); add(2)
print(get())
