# dict: literals, lookup, assignment, in, del, len, insertion-ordered iteration
d = {'a': 1, 'b': 2}
print(d['a'], len(d), 'a' in d, 'z' in d, 'z' not in d)
d['c'] = 3
d['a'] = 10
print(d)
del d['b']
print(d, len(d))
for k in d:
    print(k, d[k])
e = {}
for i in range(8):
    e[i * 3 % 8] = i
print(e)
print(list(e), list(e.keys()), list(e.values()))
f = {1: 'int', 'k': 'str', (1, 2): 'tuple', None: 'none', True: 'bool?'}
print(f[1], f['k'], f[(1, 2)], f[None], len(f))
print(dict(), dict(a=1, b=2), dict([('x', 1), ('y', 2)]), dict({'q': 0}))
print({} == {}, {'a': 1} == {'a': 1}, {'a': 1, 'b': 2} == {'b': 2, 'a': 1}, {'a': 1} != {'a': 2})
g = {'x': [1]}
g['x'].append(2)
print(g)
h = {}
for w in 'the cat the hat the end'.split():
    h[w] = h.get(w, 0) + 1
print(h)
try:
    d['nope']
except KeyError as e:
    print(type(e).__name__)
try:
    del d['nope']
except KeyError:
    print('KeyError on del')
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
