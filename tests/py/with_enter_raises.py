# __enter__ that raises: the block's handler does not exist yet, so
# __exit__ is not called (MicroPython's basics/with_raise).
class C:
    def __enter__(self): raise ValueError('enter')
    def __exit__(self, *a): print('exit called')
try:
    with C(): print('body')
except ValueError as e: print('caught', e)

class D:
    def __enter__(self): print('enter'); return 5
    def __exit__(self, *a): print('exit', a[0] is None); return False
with D() as x, D() as y:
    print('body', x, y)

