# List building and sorting: append, a comprehension, sort and sorted.
def bench(n):
    a = []
    x = 1
    for i in range(n):
        x = (x * 75 + 74) % 65537
        a.append(x)
    b = [v // 3 for v in a if v & 1]
    a.sort()
    b = sorted(b, reverse=True)
    return a[0] + a[n // 2] + a[-1] + len(b) + b[0] + b[-1]


run(bench, 300)
