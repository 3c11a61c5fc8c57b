# enumerate(iterable, start): positional or keyword, any start, errors
print(list(enumerate('ab')), list(enumerate([], 3)))
print(list(enumerate([7, 8], -2)), list(enumerate((5,), start=10)))
print(list(enumerate(iterable=[1, 2], start=1)), list(enumerate(iterable='xy')))
e = enumerate(range(3), 2 ** 40)
print(next(e), next(e))
for bad in (lambda: enumerate(), lambda: enumerate(start=1), lambda: enumerate(5), lambda: enumerate([], 'a')):
    try:
        bad()
        print('no error')
    except TypeError as ex:
        print('TypeError')
