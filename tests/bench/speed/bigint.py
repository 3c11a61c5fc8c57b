# Big-int arithmetic: Fibonacci numbers past 2**200, products and divisions.
def bench(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    c = a * a // (b + 1)
    d = (1 << 150) - 1
    for i in range(20):
        d = d * 3 // 2 + i
    return (a % 1000000007) + (c % 999983) + (d % 1000003) + len(str(a))


run(bench, 300)
