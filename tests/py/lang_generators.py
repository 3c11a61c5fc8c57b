# generators: yield, send, return values, yield from, lazy generator expressions
def gen(n):
    for i in range(n):
        yield i * i
    return 'done'
print(list(gen(4)), sum(gen(5)))
g2 = gen(2)
print(next(g2), next(g2))
try:
    next(g2)
except StopIteration as e:
    print('stop', e.value)
def echo():
    r = yield 1
    while True:
        r = yield r * 2
e = echo()
print(next(e), e.send(5), e.send(7))
def sub():
    yield 1
    yield 2
    return 3
def deleg():
    r = yield from sub()
    yield r
print(list(deleg()))
print(any(x > 5 for x in range(100000)))
ge = (x * 2 for x in range(3))
print(next(ge), list(ge))
