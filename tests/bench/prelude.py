# The harness every benchmark program starts with (run.py puts it before
# the program). run() times REPEAT calls of bench(n) in guest microseconds
# and prints "@ MICROSECONDS RESULT"; the result is checked against
# CPython's, so a broken interpreter cannot post a fast time.
import gc
import utime
REPEAT = 1


def run(bench, n):
    gc.collect()
    t = utime.ticks_us()
    for k in range(REPEAT):
        r = bench(n)
    t = utime.ticks_diff(utime.ticks_us(), t)
    print('@', t // REPEAT, r)
