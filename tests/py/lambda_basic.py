# lambda: expressions, defaults, as arguments, stored in containers
sq = lambda x: x * x
print(sq(7), (lambda: 'no args')(), (lambda a, b=10: a + b)(1))
ops = {'add': lambda a, b: a + b, 'mul': lambda a, b: a * b}
print(ops['add'](3, 4), ops['mul'](3, 4))
fs = [lambda x: x + 1, lambda x: x * 2, lambda x: -x]
print([f(5) for f in fs])
print(sorted(['ccc', 'a', 'bb'], key=lambda s: len(s)))
print((lambda *a: len(a))(1, 2, 3), type(sq).__name__)
def make_const():
    return lambda: 99
print(make_const()())
cond = lambda n: 'even' if n % 2 == 0 else 'odd'
print(cond(4), cond(7))
