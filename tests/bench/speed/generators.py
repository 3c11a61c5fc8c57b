# A generator pipeline: three chained generators and a generator expression.
def numbers(n):
    for i in range(n):
        yield i


def squares(it):
    for x in it:
        yield x * x


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def bench(n):
    return sum(evens(squares(numbers(n)))) + sum(x & 7 for x in range(n))


run(bench, 500)
