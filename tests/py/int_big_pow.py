# powers: big results, pow(b, e, m) as CPython (negative e: modular inverse), and sizes
# that cannot fit refused at once with MemoryError
print(2 ** 100, (-3) ** 41, 10 ** 30, 2 ** 0, 0 ** 0, (-1) ** (2 ** 70), 1 ** (2 ** 70), 0 ** (2 ** 70))
print(len(str(2 ** 1000)), (2 ** 1000) % 1000007, 3 ** 200 // 3 ** 199, 7 ** 7 ** 2)
print(2 ** -1, 2 ** -2, (-2) ** -3, 10 ** -2 == 0.01, (2 ** 70) ** 2 == 2 ** 140)
print(pow(2, 100), pow(2, 100, 1000), pow(3, 200, 10 ** 9 + 7), pow(-7, 3, 10), pow(7, 3, -10))
print(pow(2 ** 70, 2 ** 70, 97), pow(5, 0, 7), pow(5, 0, 1), pow(0, 0, 3), pow(-2 ** 65, 3, 2 ** 33))
print(pow(3, -1, 7), pow(38, -1, 97), pow(2, -3, 11), pow(-3, -1, 7), pow(3, -1, -7), pow(5, -1, 1))
print(pow(2 ** 61 - 1, -1, 2 ** 89 - 1) * (2 ** 61 - 1) % (2 ** 89 - 1), pow(True, 2, 3))
for args in [(2, 3, 0), (2, -1, 4), (6, -1, 9), (2.0, 3, 5), (2, 3, 5.0)]:
    try:
        print(pow(*args))
    except ValueError as e:
        print('ValueError', e)
    except TypeError as e:
        print('TypeError', e)
huge = [lambda: 10 ** 100000, lambda: 2 ** (2 ** 40), lambda: 7 ** 100000, lambda: 1 << 100000,
        lambda: -1 << (2 ** 40), lambda: (2 ** 70) ** 5000]
for i in range(len(huge)):
    try:
        huge[i]()
        print('no error', i)
    except MemoryError:
        print('MemoryError', i)
print((2 ** 70) >> (2 ** 40), -(2 ** 70) >> (2 ** 40), 5 >> 100, -5 >> 100, 0 << (2 ** 40))
try:
    0 ** -1
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    (2 ** 70) ** -1 == 2.0 ** -70
    print('ok', (2 ** 70) ** -1 == 2.0 ** -70)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
