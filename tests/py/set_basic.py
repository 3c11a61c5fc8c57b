# set: construction from iterables, repr in MicroPython's order, len, in, methods
s = set([1, 2, 3])
print(s, set(), set((3, 4)), set([2, 1]), set(range(5)), set('aaa'))
print(len(s), 2 in s, 7 in s, 7 not in s, bool(set()), bool(s))
print(set([1, 18, 2, 17, 30]), set([-1, -5, 3]), len(set([(1, 2), (1, 2), (3,)])))
print(set({'k': 1}), set(x * 2 for x in [1, 2, 2]), sorted(set('hello')))
print(set([True, 1, 1.0]), set([0, False]), list(set([5])))
s.add(4)
s.add(4)
print(s, len(s))
s.discard(9)
s.discard(1)
s.remove(2)
print(s)
try:
    s.remove(2)
except KeyError as e:
    print('KeyError', e)
t = set([10, 20])
print(t.pop() in (10, 20), len(t), t.pop() in (10, 20), t)
try:
    t.pop()
except KeyError as e:
    print('KeyError', e)
u = s.copy()
u.add(100)
print(s, u, u is s, s.copy() == s)
u.clear()
print(u, len(u))
u.update([1, 2], (3,), 'a')
print(len(u), 'a' in u, 3 in u)
n = 0
for x in set([7, 8, 9]):
    n += x
print(n)
big = set()
for i in range(30):
    big.add(i * 7)
for i in range(0, 30, 2):
    big.discard(i * 7)
print(len(big), sorted(big)[:5], 203 in big, 196 in big)
try:
    set([[1]])
except TypeError as e:
    print('TypeError', e)
try:
    set(5)
except TypeError as e:
    print('TypeError', e)
try:
    set([1], [2])
except TypeError as e:
    print('TypeError', e)
try:
    hash(set())
except TypeError as e:
    print('TypeError', e)
print(type(s).__name__, isinstance(s, set))
