# random: MicroPython's errors (bare ValueError/IndexError), edge ranges, types
import random
for bad in (lambda: random.getrandbits(33), lambda: random.getrandbits(-1), lambda: random.randrange(0),
            lambda: random.randrange(5, 2), lambda: random.randrange(0, 10, 0), lambda: random.randrange(0, 10, -1),
            lambda: random.randint(3, 1), lambda: random.choice([]), lambda: random.choice(()),
            lambda: random.seed(1.5), lambda: random.randrange(1.5), lambda: random.uniform('a', 1)):
    try:
        bad()
        print('no error')
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, repr(e.args))
print(random.getrandbits(0), random.randint(1, 1), random.randrange(10, 11, 5), random.choice('a'))
print(random.randrange(-3, -2), random.randrange(5, 0, -5), random.uniform(2, 2), random.seed())
random.seed(7)
a = [random.getrandbits(32) for i in range(3)]
random.seed(7)
print(a == [random.getrandbits(32) for i in range(3)], all(0 <= x < 2 ** 32 for x in a))
r = [random.randrange(-5, 5, 3) for i in range(60)]
print(sorted(set(r)))
r = [random.randrange(10, 0, -4) for i in range(60)]
print(sorted(set(r)))
print(type(random.random()).__name__, type(random.uniform(0, 1)).__name__, type(random.randint(0, 9)).__name__)
big = random.getrandbits(32)
print(big >= 0, random.randrange(2 ** 31 - 1) < 2 ** 31, 0 <= random.randint(-2 ** 31, 2 ** 31 - 1) + 2 ** 31 < 2 ** 32)
