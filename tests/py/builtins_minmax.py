# min max sum sorted reversed: key=, default=, start, stability, reverse=
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('hello'), min((9,)), max(range(5)))
print(min([], default=5), max((), default=None), min([2], default=0), min([3, 1], key=lambda x: -x))
print(max(1, 2, key=lambda x: -x), max(['a', 'ccc', 'bb'], key=len), min([[2], [1, 1]], key=len))
print(max([1, 5, 5, 2], key=lambda x: x // 5), min([(1, 'b'), (1, 'a')], key=lambda p: p[0]))
for bad in (lambda: max([]), lambda: min(()), lambda: max(), lambda: max(5), lambda: min(1, 'a')):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sum([1, 2]), sum([1, 2], 10), sum([[1], [2]], []), sum(()), sum([0.5, 0.25]), sum(range(4), -6))
print(sum(((1,), (2,)), ()), sum([True, True]))
try:
    sum([1, 'a'])
except TypeError as e:
    print('TypeError', e)
pairs = [(1, 'b'), (0, 'x'), (1, 'a'), (0, 'y'), (2, 'z'), (1, 'c')]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted([3, 1, 2], reverse=True), sorted('bca'), sorted((2, 1)), sorted({2: 0, 1: 0}))
print(sorted([], key=len), sorted([1.5, 1, True, 0]), sorted(['b', 'A', 'a'], key=lambda s: s.lower()))
l = [5, 3, 4, 3]
l.sort()
print(l, l.sort(reverse=True), l, sorted(l, key=None))
for bad in (lambda: sorted([3, 1], None), lambda: [1, 'a'].sort(), lambda: sorted(5), lambda: [].sort(1)):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
m = [3, 1, 2]
def key(x):
    m.append(x)
    return x
try:
    m.sort(key=key)
except ValueError as e:
    print('ValueError', e)
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(4))), list(reversed((1,))))
print(list(reversed(b'ab')), list(reversed(bytearray(b'xy'))), list(reversed([])))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
try:
    reversed(5)
except TypeError as e:
    print('TypeError', e)
