# big ints: every operator, mixed with small ints, bools and floats, shrinking back to small
a = 2 ** 70 + 12345
b = -(3 ** 45)
print(a, b, -a, +b, abs(b), ~a, ~b)
print(a + b, a - b, b - a, a + 1, 1 + a, a + True, a - a)
print(a * b, a * -1, 7 * a, a * 0, b * b)
print(a // 7, a % 7, -a // 7, -a % 7, a // -7, a % -7, -a // -7, -a % -7)
print(a // b, a % b, b // a, b % a, divmod(a, b), divmod(b, 12345), divmod(-a, 10 ** 9))
print(a // 2 ** 40, a % 2 ** 40, (a * b) // b == a, (a * b) % a)
print(a << 3, a >> 3, b >> 5, b >> 100, b << 64, -1 >> 200, 1 << 100)
print(a & b, a | b, a ^ b, a & 0xffff, b & 0xffff, b | 1, b ^ -1, -a & -b)
print(a & -a, (a | b) + (a & b) == a + b, (a ^ b) == (a | b) - (a & b))
print(a ** 2, b ** 3, (-2) ** 101, 2 ** 200 // 2 ** 199, 10 ** 40)
print(a == a + 0, a != b, a < b, a > b, a <= a, b >= a, a > 5, 5 < a, b < -5, -5 > b)
print(a == 2 ** 70 + 12345.0, 2 ** 70 == 2.0 ** 70, 2 ** 70 < 2.0 ** 71, 2 ** 71 > 2.0 ** 70)
print(a > 1e20, a < 1e22, b < -1e21, b > -1e22, a == 1.5, 1e30 > a, a > float('-inf'), a < float('inf'))
print(a / 2 ** 60, b / 7, a / b, 2 ** 100 / 3, float(a), float(b), float(2 ** 200))
c = 2 ** 64 + 1
d = c - 2 ** 64
print(d, type(d) is int, d == 1, d + 1, (2 ** 62 * 4) // 2 ** 63, -(2 ** 30), -(2 ** 30) - 1)
print(hash(a) == hash(a + 0), hash(2 ** 70) == hash(2.0 ** 70), hash(3.0) == hash(3))
t = {a: 'big', 2.0 ** 70: 'float', 3: 'three'}
print(t[2 ** 70 + 12345], t[2 ** 70], t[3.0], len(t))
x = 1
for i in range(30):
    x = x * 3 + i
print(x, x % 1000000007, x.bit_length(), (-x).bit_length())
y = x
for i in range(30):
    y = (y - i) // 3
print(y, y == 1)
print(sum([2 ** 40] * 5), max(a, b, 3), min(a, b, 3), sorted([a, b, 0, -1]))
print(int(a), int(-a), int('-' + str(a)) == -a, bool(a), not b)
try:
    a // 0
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    a % False
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    a << -1
except ValueError as e:
    print('ValueError', e)
try:
    a + 'x'
except TypeError as e:
    print('TypeError', e)
