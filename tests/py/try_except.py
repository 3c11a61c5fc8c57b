# try / except / else / finally: matching, tuples of types, as, re-raise, nesting
def div(a, b):
    try:
        r = a // b
    except ZeroDivisionError:
        print('caught div by zero')
        return None
    else:
        print('no error')
        return r
    finally:
        print('finally', a, b)
print(div(7, 2))
print(div(1, 0))
try:
    [][0]
except (KeyError, IndexError) as e:
    print('tuple match', type(e).__name__)
try:
    {}['x']
except LookupError:
    print('base class LookupError')
try:
    int('x')
except Exception as e:
    print('Exception catches', type(e).__name__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        print('inner')
        raise
except ZeroDivisionError:
    print('re-raised to outer')
try:
    try:
        undefined_name
    except KeyError:
        print('wrong handler')
except NameError:
    print('propagated NameError')
try:
    pass
except Exception:
    print('never')
else:
    print('else without error')
for i in range(3):
    try:
        if i == 1:
            continue
        print('body', i)
    finally:
        print('finally', i)
try:
    raise ValueError('bad value')
except ValueError as err:
    print(err, type(err).__name__, isinstance(err, Exception))
try:
    1 + None
except:
    print('bare except')
try:
    x = 1
except:
    pass
print('done', x)
