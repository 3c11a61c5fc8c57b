# built-ins: abs min max sum divmod all any, with iterables and key/default forms
print(abs(-3), abs(3), abs(-0), abs(-2 ** 40))
print(min(3, 1, 2), max(3, 1, 2), min([7, 4]), max((7, 4)), min('zab'), max('zab'))
print(max([1, 5, 3], key=lambda x: -x), min(['bb', 'a', 'ccc'], key=len))
print(max(2, 2), min(-1, -1.5))
print(sum([]), sum([1, 2, 3]), sum(range(10)), sum([1, 2], 10), sum((-1, -2)))
print(divmod(7, 3), divmod(-7, 3), divmod(7, -3), divmod(0, 5), divmod(2 ** 40, 10))
print(all([]), all([1, 2]), all([1, 0]), all('ab'), all([[], 1]))
print(any([]), any([0, 0]), any([0, 1]), any(''), any([None, 'x']))
print(all([x > 0 for x in [1]]), any([x > 2 for x in range(5)]))
try:
    min([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    max([])
except ValueError as e:
    print(type(e).__name__, e)
try:
    sum(['a', 'b'])
except TypeError as e:
    print(type(e).__name__, e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
