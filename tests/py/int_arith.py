# int arithmetic: + - * // % ** and unary operators, floor semantics with negatives
print(1 + 2, 7 - 10, 6 * 7, -3 * 4)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(2 ** 10, 3 ** 0, (-2) ** 3, 0 ** 0)
print(-5, +5, -(-5), - -5, ~5, ~-1)
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x %= 3
print(x)
y = 3
y **= 3
print(y)
print(1000000 * 1000, 123456789 + 987654321)
print(100 // 7 * 7 + 100 % 7)
print(2 + 3 * 4 ** 2 // 5 - 1)
print((2 + 3) * 4, 2 + 3 * 4, -2 ** 2, (-2) ** 2)
print(abs(-7), abs(7), abs(0))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(int('42'), int('-17'), int('  8  '), int('+3'))
print(int('ff', 16), int('777', 8), int('101', 2), int('z', 36))
print(int(3.7), int(-3.7), int(True))
print(0x1f, 0o17, 0b101, 1_000)
