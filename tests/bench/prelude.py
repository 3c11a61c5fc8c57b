# The harness every benchmark program starts with (run.py puts it before
# the program). run() calls bench(n) REPEAT times (1 on the device, more
# on the host, where the best time shrugs off a busy machine and the wasm
# JIT's warm-up) and prints "@ MICROSECONDS RESULT"; run.py checks the
# result against CPython's, so a broken interpreter cannot post a fast time.
import gc
import utime
REPEAT = 1


def run(bench, n):
    best = None
    for k in range(REPEAT):
        gc.collect()
        t = utime.ticks_us()
        r = bench(n)
        t = utime.ticks_diff(utime.ticks_us(), t)
        if best is None or t < best:
            best = t
    print('@', best, r)
