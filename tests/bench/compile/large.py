# Compile-time benchmark: about 300 lines of ordinary code in three parts.
# run.py times the compile of part 1 alone and of all three: the program
# prints the microsecond clock as its first statement (the whole module is
# compiled before it runs), and a one-line program's figure is subtracted.
import utime
print('@', utime.ticks_us())
check = 0
# ---- part 1: functions, loops, lists and dicts


def clamp(v, lo, hi):
    if v < lo:
        return lo
    if v > hi:
        return hi
    return v


def mean(values):
    if not values:
        return 0
    return sum(values) // len(values)


def histogram(values, buckets):
    counts = [0] * buckets
    top = max(values) + 1
    for v in values:
        counts[v * buckets // top] += 1
    return counts


def word_lengths(text):
    lengths = {}
    for word in text.split():
        n = len(word)
        lengths[n] = lengths.get(n, 0) + 1
    return lengths


def running_total(values):
    total = 0
    out = []
    for v in values:
        total += v
        out.append(total)
    return out


def primes_below(n):
    sieve = bytearray(n)
    found = []
    for i in range(2, n):
        if not sieve[i]:
            found.append(i)
            for j in range(i * i, n, i):
                sieve[j] = 1
    return found


def transpose(rows):
    return [[row[i] for row in rows] for i in range(len(rows[0]))]


def flatten(rows):
    out = []
    for row in rows:
        out.extend(row)
    return out


def part1():
    data = [clamp(v * 7 % 23, 3, 19) for v in range(40)]
    t = mean(data) + sum(histogram(data, 4))
    t += sum(word_lengths('the quick brown fox jumps over the lazy dog').values())
    t += running_total(data)[-1] + len(primes_below(60))
    grid = [[r * 3 + c for c in range(3)] for r in range(4)]
    t += sum(flatten(transpose(grid)))
    return t


check += part1()
# ---- part 2: classes, exceptions, string handling


class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    def area(self):
        return 0

    def describe(self):
        return '%s with %d sides' % (self.name, self.sides)


class Rect(Shape):
    sides = 4

    def __init__(self, w, h):
        Shape.__init__(self, 'rect')
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        Rect.__init__(self, s, s)
        self.name = 'square'


class Triangle(Shape):
    sides = 3

    def __init__(self, b, h):
        Shape.__init__(self, 'triangle')
        self.b = b
        self.h = h

    def area(self):
        return self.b * self.h // 2


class Inventory:
    def __init__(self):
        self.items = {}

    def add(self, name, count=1):
        self.items[name] = self.items.get(name, 0) + count

    def remove(self, name, count=1):
        have = self.items.get(name, 0)
        if have < count:
            raise ValueError('not enough ' + name)
        self.items[name] = have - count

    def total(self):
        return sum(self.items.values())


def parse_pairs(text):
    out = {}
    for part in text.split(';'):
        if '=' not in part:
            continue
        key, value = part.split('=')
        out[key.strip()] = int(value)
    return out


def caesar(text, shift):
    out = []
    for ch in text:
        if 'a' <= ch <= 'z':
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        else:
            out.append(ch)
    return ''.join(out)


def part2():
    shapes = [Rect(3, 4), Square(5), Triangle(6, 2)]
    t = sum(s.area() for s in shapes)
    t += len(shapes[1].describe())
    inv = Inventory()
    for name in ('apple', 'pear', 'apple', 'plum'):
        inv.add(name)
    try:
        inv.remove('pear', 2)
    except ValueError as e:
        t += len(str(e))
    t += inv.total()
    pairs = parse_pairs('a=1; b=22;junk; c = 333')
    t += sum(pairs.values()) + len(pairs)
    t += len(caesar('hello, world', 3))
    return t


check += part2()
# ---- part 3: generators, closures, a small state machine


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def pairs_of(seq):
    it = iter(seq)
    for a in it:
        for b in it:
            yield a, b
            break


def make_scaler(k):
    def scale(v):
        return v * k
    return scale


def make_accumulator():
    total = 0

    def add(v):
        nonlocal total
        total += v
        return total
    return add


def compose(f, g):
    return lambda v: f(g(v))


class Light:
    order = ('red', 'green', 'yellow')

    def __init__(self):
        self.state = 0
        self.ticks = 0

    def step(self):
        self.ticks += 1
        limit = 3 if self.state == 1 else 2
        if self.ticks >= limit:
            self.ticks = 0
            self.state = (self.state + 1) % 3
        return self.order[self.state]


def tokenize(text):
    tokens = []
    number = ''
    for ch in text + ' ':
        if ch.isdigit():
            number += ch
            continue
        if number:
            tokens.append(int(number))
            number = ''
        if ch in '+-*':
            tokens.append(ch)
    return tokens


def evaluate(tokens):
    total = tokens[0]
    i = 1
    while i < len(tokens):
        op, v = tokens[i], tokens[i + 1]
        if op == '+':
            total += v
        elif op == '-':
            total -= v
        else:
            total *= v
        i += 2
    return total


def part3():
    t = sum(countdown(10))
    t += sum(a * b for a, b in pairs_of(range(8)))
    double = make_scaler(2)
    acc = make_accumulator()
    for v in range(5):
        acc(double(v))
    t += acc(0) + compose(double, make_scaler(3))(7)
    light = Light()
    seen = [light.step() for _ in range(10)]
    t += seen.count('green') * 10 + len(seen[-1])
    t += evaluate(tokenize('12 + 30 * 2 - 4'))
    return t


check += part3()
# ---- end
print('=', check)
