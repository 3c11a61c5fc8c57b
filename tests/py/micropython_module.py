# micropython: const, opt_level, heap_lock/unlock, stack_use, kbd_intr, schedule, reports
import micropython
from micropython import const
X = const(5)
print(X, micropython.const('s'), micropython.opt_level(), micropython.opt_level(2), micropython.opt_level())
micropython.opt_level(0)
ok = got = None
micropython.heap_lock()
try:
    x = [1, 2, 3]
    ok = True
except MemoryError:
    ok = False
got = micropython.heap_unlock()
print(ok, got)
micropython.heap_lock()
micropython.heap_lock()
a = micropython.heap_unlock()
b = micropython.heap_unlock()
c = micropython.heap_unlock()
print(a, b, c, [1] * 2)
u = micropython.stack_use()
def deeper(n):
    return micropython.stack_use() if n == 0 else deeper(n - 1)
print(type(u).__name__, u >= 0, deeper(3) >= u)
print(micropython.kbd_intr(-1), micropython.kbd_intr(3))
done = []
def cb(arg):
    done.append(arg)
micropython.schedule(cb, 'a')
micropython.schedule(cb, 'b')
n = 0
while len(done) < 2 and n < 100000:
    n += 1
print(done, n < 100000)
for i in range(4):
    micropython.schedule(cb, i)
try:
    micropython.schedule(cb, 9)
except RuntimeError as e:
    print('RuntimeError', e)
while len(done) < 6:
    pass
print(done)
def bad(arg):
    raise ValueError(arg)
micropython.schedule(bad, 'from callback')
try:
    for i in range(1000):
        pass
except ValueError as e:
    print('ValueError', e)
micropython.schedule(cb, 'after')
while len(done) < 7:
    pass
print(done[-1])
