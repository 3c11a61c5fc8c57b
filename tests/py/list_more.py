# lists and tuples: index(x, start, end), count, comparison and concatenation rules, messages
l = [1, 2, 3, 2, 1]
print(l.index(2), l.index(2, 2), l.index(2, -2), l.index(1, -100, 100), l.index(3, 0, 3))
print((1, 2, 1).index(1, 1), (1, 2).index(2, -1), l.count(2), l.count(9), [[2], 2].count([2]))
for args in ((2, 2, 3), (9,), (1, 1, -1), (1, 5)):
    try:
        l.index(*args)
    except ValueError as e:
        print('ValueError', e)
try:
    l.index()
except TypeError as e:
    print('TypeError', e)
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] < [0], [1, 2] == [1, 2], [1] != [1])
print((1, 2) < (1, 3), (1,) <= (1,), (3,) >= (2, 9), () == (), [1] == (1,), (1,) != [1])
print([1, 2] + [3], (1,) + (2,), [0] * 3, 3 * (7,), [1] * -1, 2 * [[]], [1, 2] * 0)
for bad in (lambda: [1] + (2,), lambda: (1,) + [2], lambda: [1] < (1,), lambda: [1] + 'a', lambda: [1] * 'a'):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
m = [1]
m += (2, 3)
m += 'ab'
m += range(2)
print(m)
m *= 2
print(len(m), m[:4])
n = [5, 6]
n.extend(n)
n += n
print(n)
n[1:3] = n
print(n, len(n))
for bad in (lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [].insert('a', 1)):
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(list.pop([7, 8]), list.copy([1]), tuple.index((4, 5), 5), tuple.count((1, 1), 1))
for bad in (lambda: list.append(1, 2), lambda: list.pop("ab"), lambda: tuple.index([1], 1)):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
