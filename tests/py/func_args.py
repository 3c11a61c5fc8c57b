# functions: positional, default, keyword arguments, *args, return values
def add(a, b):
    return a + b
def greet(name, greeting='Hello', punct='!'):
    return greeting + ', ' + name + punct
def total(*args):
    s = 0
    for a in args:
        s += a
    return s
def head(first, *rest):
    return first, rest
def nothing():
    pass
print(add(1, 2), add('a', 'b'), add([1], [2]))
print(greet('Bob'), greet('Amy', 'Hi'), greet('Cy', punct='?'))
print(greet(greeting='Yo', name='Di'), greet('Ed', 'Hey', '.'))
print(total(), total(1), total(1, 2, 3, 4))
print(head(1), head(1, 2, 3))
print(nothing(), add(*[3, 4]), total(*range(5)))
def kw(a, b=2, c=3):
    return a * 100 + b * 10 + c
print(kw(1), kw(1, c=9), kw(c=1, b=1, a=1), kw(4, 5, 6))
def count_calls(n, acc=None):
    if acc is None:
        acc = []
    acc.append(n)
    return acc
print(count_calls(1), count_calls(2))
def early(x):
    if x > 0:
        return 'pos'
    elif x < 0:
        return 'neg'
    return
print(early(5), early(-5), early(0))
f = add
print(f(10, 20), type(add).__name__)
def apply(fn, v):
    return fn(v)
print(apply(len, 'abc'), apply(str, 5), apply(early, 1))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(20))
try:
    add(1, 2, 3)
except TypeError:
    print('TypeError too many')
try:
    add(1)
except TypeError:
    print('TypeError too few')
try:
    kw(1, d=4)
except TypeError:
    print('TypeError bad keyword')
