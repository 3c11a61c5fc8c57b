# slice objects: construction, attributes, indices(), use as an index
s = slice(1, 10, 2)
print(s, slice(5), slice(1, 2), slice(None, None, -1), slice('a', [1], None))
print(s.start, s.stop, s.step, slice(5).start, slice(5).stop, slice(3, 4).step)
print(slice(5).indices(3), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
print(slice(1, 100, 3).indices(10), slice(-100, 100).indices(5), slice(None, -1, -2).indices(7))
print(slice(0, 0).indices(0), slice(2, 1).indices(5))
L = list(range(10))
print(L[s], L[slice(None, None, -3)], 'hello'[slice(1, 4)], (1, 2, 3)[slice(2)])
print(range(20)[slice(5, None, 5)], b'abcdef'[slice(1, None, 2)])
L[slice(0, 3)] = ['a']
print(L)
del L[slice(None, None, 2)]
print(L)
print(type(s).__name__, isinstance(s, slice), s == s)
for bad in (lambda: slice(1, 2, 0).indices(5), lambda: slice(1).indices(-1), lambda: slice(), lambda: slice(1, 2, 3, 4)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    slice(1, 2).indices('a')
except TypeError as e:
    print('TypeError')
