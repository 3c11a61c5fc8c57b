# list methods: append extend insert pop remove index count reverse, del
a = [1, 2, 3]
a.append(4)
a.extend([5, 6])
a.extend((7,))
a.extend(range(8, 10))
a.extend('ab')
print(a)
a.insert(0, 0)
a.insert(-1, 'm')
a.insert(100, 'end')
a.insert(-100, 'start')
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.pop(3))
print(a)
a.remove('b')
a.remove(1)
print(a)
print(a.index(5), a.index('a'), a.count(5), a.count(99), [1, 1, 2, 1].count(1))
a.reverse()
print(a)
del a[0]
del a[-1]
print(a)
del a[1:3]
print(a)
b = [3, 1, 2]
print(b.append(0), b)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [1, 2].index(3)
except ValueError as e:
    print(type(e).__name__, e)
c = []
for i in range(5):
    c.insert(0, i)
print(c, len(c))
print(c.pop(1), c)
