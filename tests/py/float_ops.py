# float arithmetic with Python's rules: floor division and modulo signs, divmod, powers and
# their errors, int/float comparisons made exactly, inf and nan, round() and int()
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1, 0.3), (-1, 0.3), (5.0, 2.5), (-0.0, 1), (0.0, -1)]:
    print(a // b, a % b, divmod(a, b), a - (a // b) * b == a % b)
print(7 // 2.0, -7 // 2.0, 7 % -3.0, 1e10 % 7, -1e10 % 7, 5.5 % float('inf'), -5.5 // float('inf'))
print(2.0 ** 10, 2 ** 0.5, 4 ** -0.5, (-8.0) ** 3, (-2) ** -2.0, 10.0 ** -3, 0.0 ** 0, 1.5 ** 2.5)
print((-8) ** (1 / 3), 1.0 ** float('nan'), float('nan') ** 0, float('inf') ** -1, 0.5 ** float('inf'))
for expr in [lambda: 1.0 / 0, lambda: 1 / 0.0, lambda: 1.0 // 0, lambda: 1.5 % 0.0, lambda: divmod(2.0, 0),
             lambda: 0.0 ** -1, lambda: 0 ** -1.5, lambda: 2 ** 100 / 0.0]:
    try:
        print(expr())
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e)
print(16777217 == 16777216.0, 16777216 == 16777216.0, 16777217 > 16777216.0, 2 ** 30 + 1 > 1073741824.0)
print(1 == 1.0, 2 ** 53 + 1 == 2.0 ** 53, 10 ** 20 < 1e20, 10 ** 20 == 1e20, -(2 ** 70) < -1e21, 3 < 3.5 < 4)
inf, nan = float('inf'), float('nan')
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, -inf * -1, 1 / inf, -1 / inf, inf / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, 1 < nan, nan == 1, inf > 10 ** 100, -inf < -(10 ** 100))
print(inf == inf, -inf < inf, nan is nan, max(1.0, inf), min(-inf, 0))
print(float('InF'), float('-Infinity'), float(' nan '), float('+inf'), float(10 ** 30), float(-5), float('1e500'))
print(round(2.5), round(3.5), round(-0.5), round(-1.5), round(0.4999), round(1e20), round(7), round(-2.5))
print(round(2.675, 2), round(1.005, 2), round(3.14159, 3), round(1234.5, -2), round(-1.25, 1), round(5.0, 0))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(2 ** 70, -20), round(5, 2))
print(round(1.5, 50), round(1.5, -50), float('0e50'), float('-0e50'), 1e39 * 0, -(1e39 * 0))
print(int(2.9), int(-2.9), int(1e10), int(-1e20), int(1e30), int(2.0 ** 100), int(-0.5), int(3.0))
for v in [inf, -inf, nan]:
    try:
        print(int(v))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    round(nan)
except ValueError as e:
    print('ValueError', e)
print(abs(-0.0), abs(-2.5), -(0.0), +(-0.0), type(1.5).__name__, float(), float('-0'))
print(hash(1.0) == hash(1), hash(-2.0) == hash(-2), hash(0.5) == hash(0.5), {0.5: 1, 1.0: 2}[1])
try:
    float('1.2.3')
except ValueError as e:
    print('ValueError', e)
try:
    float([])
except TypeError as e:
    print('TypeError', e)
