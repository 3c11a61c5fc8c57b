# Float math: arithmetic with sqrt, sin and cos from math.
import math


def bench(n):
    s = 0.0
    x = 0.1
    for i in range(n):
        s += math.sqrt(i) + math.sin(x) * math.sin(x) + math.cos(x) * math.cos(x)
        x = x * 1.5 + 0.25
        if x > 10.0:
            x = x / 7.0
    return s


run(bench, 500)
