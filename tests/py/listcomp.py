# list comprehensions: filters, nesting, over strings, dicts, ranges
print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 3 == 0])
print([c.upper() for c in 'abc'])
print([(x, y) for x in range(3) for y in range(2)])
print([[i * j for j in range(3)] for i in range(3)])
print([x for x in range(10) if x > 2 if x < 6])
print([k for k in {'a': 1, 'b': 2}], [v for k, v in {'a': 1, 'b': 2}.items()])
print([len(w) for w in 'the quick brown fox'.split()])
print([x if x % 2 else -x for x in range(6)])
print([ord(c) for c in 'AZ'], [chr(n) for n in range(97, 100)])
print(sum([x * x for x in range(4)]), [] == [x for x in ()])
x = 'outer'
r = [x for x in 'in']
print(r, x)
print([a + b for a, b in zip([1, 2], [10, 20])])
m = [[1, 2], [3, 4], [5, 6]]
print([row[1] for row in m], [v for row in m for v in row])
