# String formatting (% and str.format) and splitting, joining, int().
def bench(n):
    total = 0
    for i in range(n):
        s = '%d,%s,%d' % (i, 'abc', i * 3)
        parts = s.split(',')
        total += int(parts[0]) + len(parts[1]) + int(parts[2])
        t = '{}:{}:{}'.format(parts[1], i, i & 15)
        total += len(t) + len('-'.join(parts))
    return total


run(bench, 300)
