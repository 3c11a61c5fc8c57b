# urandom: properties only (pith's own generator): determinism, ranges, choice
import urandom
def run(seed):
    urandom.seed(seed)
    return [urandom.getrandbits(8) for i in range(8)] + [urandom.randint(1, 6) for i in range(8)]
a = run(42)
b = run(42)
c = run(7)
print(a == b, a != c, len(a))
print(all([0 <= x < 256 for x in a[:8]]), all([1 <= x <= 6 for x in a[8:]]))
urandom.seed(1)
r = [urandom.getrandbits(1) for i in range(100)]
print(0 in r, 1 in r, min(r), max(r))
r = [urandom.randint(-3, 3) for i in range(150)]
print(min(r) == -3, max(r) == 3, len([v for v in range(-3, 4) if v in r]))
r = [urandom.randrange(10) for i in range(100)]
print(min(r) >= 0, max(r) <= 9, all([0 <= urandom.randrange(5, 10) < 10 for i in range(50)]))
print(all([urandom.randrange(0, 10, 2) % 2 == 0 for i in range(50)]))
seq = ['a', 'b', 'c']
r = [urandom.choice(seq) for i in range(60)]
print(all([p in seq for p in r]), 'a' in r and 'b' in r and 'c' in r)
print(urandom.choice('xyz') in 'xyz', urandom.choice((5,)) == 5)
r = [urandom.random() for i in range(100)]
print(min(r) >= 0.0, max(r) < 1.0, type(r[0]).__name__)
r = [urandom.uniform(2, 5) for i in range(50)]
print(min(r) >= 2, max(r) <= 5)
r = None
urandom.seed(99)
x1 = urandom.random()
urandom.seed(99)
print(urandom.random() == x1, urandom.getrandbits(30) < 2 ** 30)
import random
random.seed(42)
print(random.getrandbits(8) == a[0])
try:
    urandom.choice([])
except IndexError:
    print('IndexError empty choice')
