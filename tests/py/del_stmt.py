# del of names, list items and slices, dict keys; NameError after del
x = 5
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
a = [0, 1, 2, 3, 4]
del a[1]
print(a)
del a[-1], a[0]
print(a)
d = {'k': 1, 'j': 2}
del d['k']
print(d)
p, q = 1, 2
del p, q
try:
    q
except NameError as e:
    print(type(e).__name__, e)
def f():
    v = 1
    del v
    return 'deleted local'
print(f())
g = [1, 2]
h = g
del g
print(h)
