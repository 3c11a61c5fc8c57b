# Integer loop: small-int arithmetic on locals in a for-range loop.
def bench(n):
    t = 0
    for i in range(n):
        t += i
    return t


run(bench, 5000)
