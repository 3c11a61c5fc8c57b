# OrderedDict == OrderedDict compares order too; with a dict, order does not matter
from collections import OrderedDict
x = OrderedDict()
y = OrderedDict()
x['a'] = 1
x['b'] = 2
y['a'] = 1
y['b'] = 2
print(x == y, x != y)
z = OrderedDict()
z['b'] = 2
z['a'] = 1
print(y == z, y != z)
print(z == {'a': 1, 'b': 2})
del x['a']
x['a'] = 1
print(x == z, x == y)
y['a'] = 5
print(y == z)
z['c'] = 3
print(x == z, z == x)
