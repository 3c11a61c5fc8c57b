# Method calls (issue 8): 4000 calls of a method that reads and writes an
# attribute of its instance.
class Counter:
    def __init__(self):
        self.total = 0

    def add(self, k):
        self.total = self.total + k
        return self.total


def bench(n):
    c = Counter()
    for i in range(n):
        c.add(i)
    return c.total


run(bench, 4000)
