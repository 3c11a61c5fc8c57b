# yield from: delegation of next, send, throw and close; return values through a chain
def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield 'caught ' + str(e)
    finally:
        print('inner finally')
    return 'ret'
def outer():
    r = yield from inner()
    print('inner returned', r)
    yield 'outer done'
g = outer()
print(next(g))
print(g.throw(ValueError('x')))
print(next(g))
print(next(g, 'end'))
g = outer()
print(next(g))
g.close()
print('closed')
def chain(n):
    if n:
        r = yield from chain(n - 1)
        return r + 1
    yield 'bottom'
    return 0
c = chain(5)
print(next(c))
try:
    next(c)
except StopIteration as e:
    print('value', e.value)
print(list(chain(3)))
def echo():
    while True:
        x = yield
        print('got', x)
def deleg():
    yield from echo()
d = deleg()
next(d)
d.send(1)
d.send(2)
