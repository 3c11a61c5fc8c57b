# tuple: literals, one-element tuples, packing/unpacking, indexing, methods
t = (1, 'two', 3.0, None)
print(t, len(t), t[0], t[-1], t[1:3])
print((), (1,), (1, 2) + (3,), (0,) * 3, tuple(), tuple([1, 2]), tuple('ab'))
x = 1, 2
a, b = x
print(x, a, b)
a, b = b, a
print(a, b)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, c in [(1, 'a'), (2, 'b')]:
    print(i, c)
print(2 in t, 'two' in t, 9 in t, t.index('two'), (1, 1, 2).count(1))
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 3), (2,) > (1, 9))
print(type(t).__name__, isinstance(t, tuple), len(()), repr((5,)))
d = {(1, 2): 'pair'}
print(d[(1, 2)], d[1, 2])
def two():
    return 3, 4
u, v = two()
print(u + v, two())
print(hash((1, 2)) == hash((1, 2)))
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    t[4]
except IndexError as e:
    print(type(e).__name__, e)
try:
    a, b = (1, 2, 3)
except ValueError:
    print('ValueError')
