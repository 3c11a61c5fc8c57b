# comparisons of ints, chained comparisons, is / is not, mixed int/float/bool
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 3 > 2, 1 == 1, 1 != 1)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 < 2 > 0)
print(0 <= 5 < 10, 0 <= 15 < 10)
x = 5
print(1 < x <= 5, x == 5 != 6)
print(-1 < 0, -10 < -9, 1 == 1.0, 2 > 1.5, True == 1)
print(max(3, 9, 2), min(3, 9, 2), max([4, -1, 7]), min('bca'))
def noisy(v):
    print('eval', v)
    return v
print(noisy(1) < noisy(0) < noisy(5))
print(noisy(1) < noisy(2) < noisy(3))
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), [1, 2] == [1, 2], (1,) != (1,))
print('abc' < 'abd', 'ab' < 'abc', 'B' < 'a', '' == '')
a = [1]
b = a
print(a is b, a is not [1], a == [1])
