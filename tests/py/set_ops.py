# set and frozenset operators: | & - ^ comparisons, in-place forms, mixing types
a = set([1, 2, 3])
b = set((3, 4))
print(a | b, a & b, a - b, a ^ b, b - a)
print(a <= b, a < a, a <= a, set([1]) < a, a >= set([1, 2]), a > a, a > set([3]))
print(a == set([3, 2, 1]), a != b, a == [1, 2, 3], set() == frozenset(), a != 3)
c = set(a)
c |= b
print(c)
c &= set([1, 4, 9])
print(c)
c -= set([4])
print(c)
c ^= set([1, 5])
print(c)
d = c
d |= set([6])
print(c is d, c)
f = frozenset([1, 2])
print(f, frozenset(), frozenset('aa'), frozenset(f) is f)
print(f | a, type(f | a).__name__, type(a | f).__name__, type(f & a).__name__)
print(f - set([1]), f ^ set([2, 3]), f & set([2, 9]), f == set([1, 2]), set([1, 2]) == f)
g = f
g |= set([3])
print(g, f, g is f)
print(hash(f) == hash(frozenset([2, 1])), f in set([f]), {f: 'x'}[frozenset([1, 2])])
fs = [f, frozenset([2, 1]), frozenset()]
print(len(set(fs)))
s = set(['ab', 'ab', 'cd'])
print(len(s), 'ab' in s, 'a' in s, sorted(s))
print(set([1, 2]) | set(), set() & set([1]), set([1]) ^ set([1]))
def bad_op(f):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
bad_op(lambda: a | [1])
bad_op(lambda: a & [1])
bad_op(lambda: a - [1])
bad_op(lambda: a ^ [1])
bad_op(lambda: a < [1])
bad_op(lambda: a <= [1])
bad_op(lambda: a > [1])
bad_op(lambda: a >= [1])
try:
    [1] | a
except TypeError as e:
    print('TypeError', e)
x = set(range(20)) - set(range(3, 18))
print(x, sorted(x ^ set(range(2, 5))))
