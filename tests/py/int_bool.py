# bool computes as the ints 0 and 1 in every operator, but (as on v1) is not an int subclass
print(True + 1, True - 2, True * 3, True * 3.5, -True, +True, ~True, ~False, abs(True))
print(True / 2, True // 2, True % 2, 7 // True, 7 % True, True ** 10, 2 ** True, True ** -1)
print(True << 3, 256 >> True, True & 3, True | 2, True ^ 3, False | 0, 5 & True)
print(True | False, True & True, True ^ True, False ^ False)
print(True == 1, False == 0, True == 1.0, True < 2, False > -1, True > 0.5, 1 < True)
print(sum([True, True, False]), True + True + True, max(False, True), min(True, 0))
print(divmod(True, 2), divmod(7, True), round(True), int(True), float(True), int(False))
print(hash(True), hash(False), hash(True) == hash(1), {1: 'a', True: 'b'}, {True: 'x'}[1])
print([0, 10, 20][True], 'abc'[False], (5, 6)[-True])
print(isinstance(True, int), isinstance(True, bool), issubclass(bool, int), type(True + True))
print(str(True), repr(False), True is not 1, bool(2 ** 70), bool(0.0), bool(-0.0), bool(float('nan')))
try:
    True / False
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
try:
    7 % False
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)
