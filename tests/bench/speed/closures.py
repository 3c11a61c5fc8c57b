# Closures: made in a loop, called often, one writing a nonlocal counter.
def make_adder(k):
    def add(x):
        return x + k
    return add


def make_counter():
    count = 0

    def inc():
        nonlocal count
        count += 1
        return count
    return inc


def bench(n):
    adders = [make_adder(k) for k in range(8)]
    inc = make_counter()
    t = 0
    for i in range(n):
        t = adders[i & 7](t) & 0xffff
        inc()
    scale = lambda v: v * 3
    return scale(t) + inc()


run(bench, 1000)
