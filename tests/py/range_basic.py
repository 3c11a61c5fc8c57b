# range: one/two/three arguments, negative steps, len, indexing, in, list()
print(list(range(5)), list(range(2, 6)), list(range(0, 10, 3)))
print(list(range(10, 0, -3)), list(range(5, 5)), list(range(5, 0)), list(range(-3)))
print(len(range(10)), len(range(1, 10, 2)), len(range(10, 0, -1)), len(range(0)))
r = range(2, 20, 3)
print(r[0], r[1], r[-1], 5 in r, 6 in r, 20 in r)
print(range(3), range(1, 4), range(0, 9, 2))
print(sum(range(101)), max(range(7)), min(range(3, 9)))
total = 0
for i in range(1, 11):
    total += i * i
print(total)
for i in range(3, -4, -2):
    print(i, end=' ')
print()
print(list(reversed(range(4))), list(enumerate(range(3, 6))))
print(tuple(range(3)), [x for x in range(10) if x % 4 == 0])
try:
    range(1, 5, 0)
except ValueError as e:
    print(type(e).__name__, e)
