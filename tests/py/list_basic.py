# list: literals, indexing, negative index, slicing, +, *, in, len, nesting
a = [1, 2, 3, 'four', [5, 6]]
print(a, len(a), a[0], a[-1], a[-1][1], a[3][0])
print(a[1:3], a[:2], a[3:], a[::-1], a[::2], a[-2:], a[10:])
print([] + [1], [1, 2] + [3], [0] * 4, [1, 2] * 0, 2 * ['x'])
print(3 in a, 'four' in a, 7 in a, [5, 6] in a, 7 not in a)
a[0] = 'one'
a[-1] = None
print(a)
b = a
b.append(9)
print(a is b, len(a), a == b)
c = a[:]
c.append(10)
print(len(a), len(c), c is a)
print(list(), list('ab'), list(range(3)), list((1, 2)), list([]))
print([[0] * 2 for i in range(2)], [i * i for i in range(5)])
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, [2]] == [1, [2]])
m = [[1, 2], [3, 4]]
m[1][0] = 30
print(m, m[1][0] + m[0][1])
x, y, z = [7, 8, 9]
print(x, y, z)
print(sum([1, 2, 3]), max([5, 1, 9]), min([5, 1, 9]), sorted([3, 1, 2]))
print(str([1, 'a', None, True]), repr(['q']))
