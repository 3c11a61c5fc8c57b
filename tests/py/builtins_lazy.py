# zip map filter enumerate reversed are lazy; iter(f, sentinel); their reprs
def noisy(x):
    print('f', x)
    return x * 10
m = map(noisy, [1, 2, 3])
print('made')
print(next(m))
print(list(m), list(m))
z = zip(map(noisy, [1, 2]), 'abc')
print('zipped')
print(list(z))
f = filter(lambda x: print('t', x) or x % 2, range(5))
print(next(f), next(f))
e = enumerate(map(noisy, [7]), 1)
print('enum')
print(list(e))
print(list(zip()), list(zip([1])), list(zip([1, 2], [3])), list(map(max, [1, 5], [4, 2])))
print(list(filter(None, [0, 1, '', 'a', [], [0]])), list(enumerate('ab', start=-1)))
stack = [1, 2, 3, 4]
print(list(iter(stack.pop, 2)), stack)
calls = []
def counter():
    calls.append(1)
    return len(calls)
it = iter(counter, 3)
print(next(it), next(it), list(it), list(it), len(calls))
print(repr(zip()), repr(map(abs, [])), repr(enumerate([])), repr(filter(None, [])))
print(repr(reversed([])), repr(iter([])), repr(iter(counter, 0)))
print(type(zip()).__name__, type(enumerate([])).__name__)
big = []
for i, (a, b) in enumerate(zip(range(100), map(lambda x: x * x, range(100)))):
    if i % 30 == 0:
        big.append((a, b))
print(big)
try:
    next(iter(stack.pop, 'x'))
    next(iter(stack.pop, 'x'))
except IndexError as e:
    print('IndexError', e)
for bad in (lambda: zip(1), lambda: map(abs, 5), lambda: enumerate(3), lambda: iter(5), lambda: next([])):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
