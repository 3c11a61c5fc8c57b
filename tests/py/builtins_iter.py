# built-ins: iter next enumerate zip sorted reversed, StopIteration
it = iter([1, 2, 3])
print(next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print('StopIteration')
print(next(iter('xy')), next(iter(range(5, 9))), next(iter((7,))))
s = iter('ab')
print(list(s), list(s))
print(list(enumerate('abc')), list(enumerate(['x', 'y'], 10)))
for i, v in enumerate('hi'):
    print(i, v)
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip(range(3), range(3, 6), 'xyz')))
for a, b in zip('ab', [1, 2]):
    print(a, b)
print(sorted('hello'), sorted({3: 'c', 1: 'a'}), sorted((5, -1)))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(3))), list(reversed((1, 2))))
d = {'one': 1, 'two': 2}
it = iter(d)
print(next(it), next(it))
e = enumerate(['q'])
print(next(e))
z = zip('a', 'b')
print(next(z))
it = iter(bytearray(b'\x05\x06'))
print(next(it) + next(it))
try:
    next(iter([]))
except StopIteration as ex:
    print(type(ex).__name__)
