# The benchmark program: runs as main.py on pith and on MicroPython v1 in
# QEMU, printing one "name value" line per measure (times in ms of guest
# time; QEMU's -icount makes them repeatable).
import gc
import utime

print()  # a line of its own after the firmware's boot output


def timed(name, f):
    gc.collect()
    t = utime.ticks_ms()
    f()
    print(name, utime.ticks_diff(utime.ticks_ms(), t))


def int_loop():
    t = 0
    for i in range(20000):
        t += i


def f(x):
    return x + 1


def calls():
    for i in range(5000):
        f(i)


def stores():
    b = bytearray(500)
    for k in range(10):
        for i in range(500):
            b[i] = i & 255


def slicing():
    b = bytearray(1000)
    for i in range(500):
        c = b[100:900]


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


def max_depth():
    n = 1
    try:
        while True:
            depth(n)
            n += 1
    except Exception:
        pass
    return n - 1


timed('int_loop', int_loop)
timed('calls', calls)
timed('bytearray_stores', stores)
timed('slicing', slicing)
gc.collect()
print('mem_free', gc.mem_free())
print('max_recursion', max_depth())
print('bench done')
