# raise: classes, instances, messages, inside functions, catching by base class
def check(v):
    if v < 0:
        raise ValueError('negative')
    if v == 0:
        raise ZeroDivisionError
    return 10 // v
for v in (2, 0, -1):
    try:
        print(check(v))
    except ValueError as e:
        print('ValueError', e)
    except ZeroDivisionError as e:
        print('ZeroDivisionError', repr(str(e)))
for exc in (TypeError, IndexError, KeyError, RuntimeError, NotImplementedError, OSError):
    try:
        raise exc('msg')
    except Exception as e:
        print(type(e).__name__, type(e) is exc)
try:
    raise IndexError('idx')
except LookupError as e:
    print('LookupError caught', type(e).__name__, e)
try:
    raise StopIteration
except StopIteration:
    print('StopIteration')
e = ValueError('kept')
try:
    raise e
except ValueError as e2:
    print(e2 is e, e2)
try:
    raise Exception('plain')
except BaseException as b:
    print(type(b).__name__, b)
try:
    raise 5
except TypeError:
    print('TypeError raising non-exception')
