# time: ticks_us counts real microseconds, ticks wrap at 2**30, sleep in ms/us/s
import time, utime
print(time is utime, time.ticks_diff(5, 2 ** 30 - 3), time.ticks_diff(2 ** 30 - 3, 5), time.ticks_diff(7, 7))
print(time.ticks_add(2 ** 30 - 1, 2), time.ticks_add(1, -2), time.ticks_add(0, 2 ** 29 - 1), time.ticks_add(5, 0))
for bad in (lambda: time.ticks_add(0, 2 ** 29), lambda: time.ticks_add(0, -2 ** 29), lambda: time.ticks_diff(1.5, 1),
            lambda: time.sleep('a'), lambda: time.sleep_ms(None)):
    try:
        bad()
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
t0 = time.ticks_us()
t1 = time.ticks_us()
while t1 == t0:
    t1 = time.ticks_us()
print(0 < time.ticks_diff(t1, t0) < 900)
steps = set()
t = time.ticks_us()
for i in range(40):
    n = time.ticks_us()
    steps.add(time.ticks_diff(n, t) % 1000)
    t = n
print(len(steps) > 1)
u0, m0 = time.ticks_us(), time.ticks_ms()
time.sleep_us(2500)
u1, m1 = time.ticks_us(), time.ticks_ms()
print(2400 <= time.ticks_diff(u1, u0) < 50000, 2 <= time.ticks_diff(m1, m0) < 50)
time.sleep_ms(3)
time.sleep(0.004)
time.sleep(0)
time.sleep_ms(-5)
time.sleep_us(-1)
time.sleep(-1)
u2 = time.ticks_us()
print(7000 <= time.ticks_diff(u2, u1) < 60000)
c0 = time.ticks_cpu()
print(type(c0).__name__, 0 <= c0 < 2 ** 30, type(time.time()).__name__, time.time() >= 0)
print(0 <= time.ticks_ms() < 2 ** 30, 0 <= time.ticks_us() < 2 ** 30)
