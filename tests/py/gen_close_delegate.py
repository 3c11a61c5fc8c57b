# close() of a generator in `yield from` closes the inner one first, then
# raises GeneratorExit in the delegating one even when the inner one
# returned (PEP 380); a StopIteration leaving a generator becomes
# RuntimeError (PEP 479, as today's MicroPython).
def gen3():
    yield 1
    try:
        yield 2
    except GeneratorExit:
        print("leaf caught GeneratorExit and swallowed it")
        return
    yield 3
def gen4():
    yield -1
    try:
        print((yield from gen3()))
    except GeneratorExit:
        print("delegating caught GeneratorExit")
        raise
    yield 10
g = gen4(); next(g); next(g); next(g); g.close()
print('closed')

def inner():
    try:
        yield 1
    finally:
        print('inner finally')
def outer():
    try:
        yield from inner()
    finally:
        print('outer finally')
g = outer(); next(g); g.close(); print('closed 2')

def bad_inner():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError('from inner close')
def outer2():
    try:
        yield from bad_inner()
    except ValueError as e:
        print('outer2 got', e)
        raise
g = outer2(); next(g)
try:
    g.close()
except ValueError as e:
    print('close raised', e)

def g():
    yield 1
    raise StopIteration
it = g()
print(next(it))
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
try:
    next(it)
except StopIteration:
    print('StopIteration')
def h():
    yield 1
    next(iter([]))
print(list(x for x in [1]))
try:
    print(list(h()))
except RuntimeError as e:
    print('RuntimeError', e)
def k():
    yield 1
    yield 2
it = k()
next(it)
try:
    it.throw(StopIteration)
except RuntimeError as e:
    print('RuntimeError', e)
def ret():
    yield 1
    return 5
try:
    it = ret(); next(it); next(it)
except StopIteration as e:
    print('value', e.value)
