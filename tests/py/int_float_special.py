# int(x) calls x.__int__(), float(x) calls x.__float__() (today's MicroPython, CPython)
class Cud:
    def __int__(self):
        print('__int__ called')
        return 42
    def __float__(self):
        return 2.5
print(int(Cud()), float(Cud()))

class Bad:
    def __int__(self):
        return None
    def __float__(self):
        return 1
for f in (int, float):
    try:
        f(Bad())
    except TypeError as e:
        print('TypeError', e)

class Plain:
    pass
for f in (int, float):
    try:
        f(Plain())
    except TypeError as e:
        print('TypeError', e)
