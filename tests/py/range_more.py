# range: start stop step, slicing, equality, in, len beyond small ints, iteration at the limits
r = range(1, 10, 2)
print(r.start, r.stop, r.step, range(5).start, range(5).step, len(r), r[-1], r[1:3])
print(range(10)[2:8:2], range(10)[::-1], range(10)[::-3], range(0, 10, 3)[1:], range(5)[10:])
print(range(10, 0, -2)[1::2], list(range(10)[7:2:-2]), range(3)[:], range(-5, 5)[-3:])
print(range(0) == range(5, 5), range(1, 4) == range(1, 4), range(1, 4) == range(1, 5), range(0, 3, 2) == range(0, 4, 2))
print(range(3) != range(3), range(1, 2, 5) == range(1, 3, 7), range(3) == [0, 1, 2], range(2) == (0, 1))
print(3 in r, 4 in r, 9 in r, 11 in r, -1 in range(-3, 3), 2.0 in range(3), 'a' in range(3), True in range(2))
big = range(-2 ** 30, 2 ** 30)
print(len(big), big[-1], big[2 ** 30], -5 in big, len(range(0, 2 ** 31 - 1, 2 ** 29)))
print(list(range(2 ** 31 - 3, 2 ** 31 - 1)), list(range(-2 ** 31, -2 ** 31 + 2)))
print(list(range(2 ** 31 - 2, 0, -2 ** 30)), list(range(0, 2 ** 31 - 1, 2 ** 30)))
print(range(7)[2], range(7)[-7], bool(range(0)), bool(range(1)))
for bad in (lambda: range(3)[3], lambda: range(3)['a'], lambda: range(1, 2, 0), lambda: range(1.5)):
    try:
        bad()
    except (IndexError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    range(3) < range(4)
except TypeError as e:
    print('TypeError', e)
x = range(4)
try:
    x[0] = 1
except TypeError as e:
    print('TypeError', e)
try:
    x.start = 2
except AttributeError as e:
    print('AttributeError')
print(x, reversed(x) is not None, list(reversed(range(1, 8, 3))), sum(range(0, 100, 7)))
