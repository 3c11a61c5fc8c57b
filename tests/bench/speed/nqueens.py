# Recursive search: the solutions of n-queens with bit masks, four times
# (5 queens, the last row counted without a call: v1's C stack holds no
# deeper search).
def solve(n, row, cols, d1, d2):
    count = 0
    for col in range(n):
        if not (cols >> col) & 1 and not (d1 >> (row + col)) & 1 and not (d2 >> (row - col + n)) & 1:
            if row + 1 == n:
                count += 1
            else:
                count += solve(n, row + 1, cols | 1 << col, d1 | 1 << (row + col), d2 | 1 << (row - col + n))
    return count


def bench(n):
    t = 0
    for k in range(4):
        t += solve(n, 0, 0, 0, 0)
    return t


run(bench, 5)
