# list.sort with key and reverse, sorted(), stability
a = [5, 2, 9, 1, 5, 6]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
w = ['banana', 'Apple', 'cherries', 'fig', 'kiwi']
w.sort()
print(w)
w.sort(key=len)
print(w)
w.sort(key=lambda s: s[-1], reverse=True)
print(w)
print(sorted([3, 1, 2]), sorted('cab'), sorted((2, 1)), sorted([3, 1, 2], reverse=True))
pairs = [(1, 'b'), (0, 'z'), (1, 'a'), (0, 'y')]
print(sorted(pairs))
print(sorted(pairs, key=lambda p: p[0] * 10 + ord(p[1]) % 10))
print(sorted(pairs, key=lambda p: p[1], reverse=True))
r = [3, 1, 2]
s = sorted(r)
print(r, s, s is r)
print(r.sort(), r)
e = []
e.sort()
print(e, sorted([]), sorted([1.5, -2, 0]))
def neg(x):
    return -x
print(sorted(range(6), key=neg))
n = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 11, 12, 15, 14, 13]
n.sort()
print(n)
try:
    [1, 'a'].sort()
except TypeError:
    print('TypeError')
