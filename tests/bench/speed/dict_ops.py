# Dict insert and lookup, with int keys and with string keys.
def bench(n):
    d = {}
    for i in range(n):
        d[i * 7 % 128] = i
    names = {}
    for i in range(64):
        names['key' + str(i)] = i
    s = 0
    for i in range(n):
        s += d[i % 128] + names['key' + str(i & 63)]
        if i in d:
            s += 1
    return s + len(d) + len(names)


run(bench, 600)
