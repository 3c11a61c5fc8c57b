# floats are IEEE single precision, printed like MicroPython on the micro:bit
print(1 / 3, 2 / 3, 0.1 + 0.2)
print(2.5, 0.5, 0.25, -1.5, 100.0)
print(1e10, 1.5e20)
print(float(7), float(-2), float('1.5'), float('  -0.25 '))
print(7 / 2, 1 / 4, 10 / 5, type(10 / 5).__name__)
print(1.5 + 1, 2 * 0.5, 3 - 0.5, 7.5 // 2, 7.5 % 2)
print(-7.5 // 2, 2 ** 0.5 > 1.41, 2.0 ** 3, 4 ** -1)
print(int(2.5), int(-2.5), int(1e6))
print(1.0 == 1, 0.5 < 1, 2.5 > 2, 1e30 > 1e29)
print(abs(-2.5), max(1, 2.5), min(0.5, 1), sum([0.5, 0.25]))
print(str(3.0), repr(0.5), '%.2f' % 3.14159, '%d' % 2.9)
print(3.14, 1.1, 123.5)
x = 0.5
x *= 4
x += 1
print(x, x / 0.25)
try:
    1.5 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    float('abc')
except ValueError:
    print('ValueError')
