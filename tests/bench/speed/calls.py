# Function calls: a two-argument global function called in a loop.
def add(a, b):
    return a + b


def bench(n):
    t = 0
    for i in range(n):
        t = add(t, i)
    return t


run(bench, 2000)
