# dict views and the rest of dict: fromkeys popitem update(iterable, **kw) dict(**kw) errors
d = {'a': 1, 'b': 2}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), len(v), len(i))
print('a' in k, 'z' in k, 2 in v, 5 in v, ('a', 1) in i, ('a', 2) in i, 'a' in i, (1,) in i)
d['c'] = 3
print(list(k), list(v), list(i), len(i))
print([x for x in k], sorted(v), bool({}.keys()), bool(k))
print(type(k).__name__, type(i).__name__)
print(dict.fromkeys([1, 2], 0), dict.fromkeys('ab'), dict.fromkeys(range(0)))
e = {1: 'x', 2: 'y'}
print(e.popitem(), e, e.popitem(), e)
try:
    e.popitem()
except KeyError as ex:
    print('KeyError', ex)
e.update([(1, 2), [3, 4], 'ab'], z=26)
print(e)
e.update(e)
e.update({5: 6}, y=25)
print(e, e.update(), e.update(k=0) is None)
print(dict(a=1, b=2), dict([(1, 2)], b=2), dict({1: 2}, c=3), dict(), dict(zip('xy', (1, 2))))
print(e.pop(1), e.pop(99, 'dflt'), e.setdefault(7), e.setdefault(7, 8), e.get(7, 9))
c = e.copy()
c[1] = 'new'
print(1 in e, c[1], type(c).__name__, c == e, c != e)
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} == {2: 1}, {} == [], {1: 2} != {1: 2})
for bad in (lambda: dict([1]), lambda: dict([(1, 2, 3)]), lambda: dict(5), lambda: {}.pop(3)):
    try:
        bad()
    except (TypeError, ValueError, KeyError) as ex:
        print(type(ex).__name__, ex)
try:
    hash({})
except TypeError as ex:
    print('TypeError', ex)
try:
    {[1]: 2}
except TypeError as ex:
    print('TypeError', ex)
for bad in (lambda: dict.keys(3), lambda: dict.get([], 1), lambda: dict.update(5, {})):
    try:
        bad()
    except TypeError as ex:
        print('TypeError', ex)
big = dict.fromkeys(range(20), 'v')
for j in range(0, 20, 3):
    del big[j]
print(len(big), list(big.keys())[:4], 19 in big, 18 in big, big.popitem())
