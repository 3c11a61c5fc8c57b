#!/usr/bin/env python3
"""gen.py — random valid, terminating Python programs for differential
fuzzing (tests/fuzz/diff.py): what they print must be byte-identical on
every board.

    tests/fuzz/gen.py SEED      print the program for SEED

A program is a few dozen statements drawn from FEATURES, each printing
what it computes. Every value has a known type, so most operations are
well typed; the ones that raise (division by zero, a bad index, a
missing key, int overflow...) run inside try/except blocks that print the
exception, so one error does not hide the rest. Loops are over small
ranges and recursion carries its own depth, so every program ends.

To cover a new language feature, write a function that takes the
generator and returns statement lines, and register it with
@feature(weight); use g.expr(TYPE) for operands and g.bind(TYPE, expr) to
make new variables the later statements can use.
"""
import random
import sys

FEATURES = []


def feature(weight):
    def register(fn):
        FEATURES.append((weight, fn))
        return fn
    return register


INT, FLOAT, STR, BYTES, LIST, DICT, TUPLE, BARR = "int float str bytes list dict tuple bytearray".split()
WORDS = ["", "a", "ab", "pith", "Hello", "x y z", "a,b,,c", "  pad  ", "MiXeD", "123", "é", "tab\t"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.vars = {}        # name -> type
        self.n = 0
        self.defs = 0

    def pick(self, seq):
        return self.r.choice(seq)

    def name(self, t):
        names = [v for v, vt in self.vars.items() if vt == t]
        return self.pick(names) if names and self.r.random() < 0.6 else None

    def bind(self, t, expr):
        self.n += 1
        v = "%s%d" % (t[0], self.n)
        self.vars[v] = t
        return "%s = %s" % (v, expr), v

    # ---- expressions of a known type ----
    def expr(self, t, depth=0):
        v = self.name(t)
        if v and depth > 0:
            return v
        deep = depth < 2 and self.r.random() < 0.5
        return getattr(self, "e_" + t)(depth + 1, deep)

    def small(self):
        return str(self.pick([0, 1, 2, 3, 5, 7, 10, 13, 100, 255, -1, -3, -128, 1000]))

    def e_int(self, d, deep):
        if not deep:
            return self.pick([self.small(), self.small(), str(self.r.randint(-2 ** 40, 2 ** 40)),
                              self.pick(["2 ** 30", "2 ** 31 - 1", "-2 ** 31", "2 ** 62", "(1 << 40)"])])
        a, b = self.expr(INT, d), self.expr(INT, d)
        return self.pick([
            "(%s %s %s)" % (a, self.pick(["+", "-", "*", "//", "%", "&", "|", "^"]), b),
            "(%s << %d)" % (a, self.r.randint(0, 40)), "(%s >> %d)" % (a, self.r.randint(0, 70)),
            "(-%s)" % a, "(~%s)" % a, "abs(%s)" % a, "len(%s)" % self.expr(STR, d),
            "len(%s)" % self.expr(LIST, d), "int(%s)" % self.expr(FLOAT, d),
            "min(%s, %s)" % (a, b), "max(%s, %s, 0)" % (a, b), "(%s ** %d)" % (a, self.r.randint(0, 3)),
            "sum(%s)" % self.pick(["range(%s)" % self.small(), "[%s, %s]" % (a, b)]),
            "%s.count(%s)" % (self.expr(STR, d), self.expr(STR, d)),
            "%s.find(%s)" % (self.expr(STR, d), self.expr(STR, d)),
            "hash(%s)" % a,
            "int(%r, %d)" % (self.pick(["ff", "101", "-7", "0", "zz"]), self.pick([16, 2, 10, 36])),
            "ord(%r)" % self.pick("aZ0é~"), "(%s if %s else %s)" % (a, self.cond(d), b),
        ])

    def e_float(self, d, deep):
        if not deep:
            return self.pick(["0.5", "1.5", "-2.25", "3.0", "0.0", "1e10", "1e-3", "100.125", "float(%s)" % self.small()])
        a, b = self.expr(FLOAT, d), self.expr(self.pick([FLOAT, INT]), d)
        return self.pick(["(%s %s %s)" % (a, self.pick(["+", "-", "*", "/"]), b), "abs(%s)" % a,
                          "(-%s)" % a, "float(%s)" % self.expr(INT, d), "(%s / 4)" % self.expr(INT, d),
                          "round(%s, %d)" % (a, self.r.randint(0, 3))])

    def e_str(self, d, deep):
        if not deep:
            return repr(self.pick(WORDS))
        a = self.expr(STR, d)
        i = self.expr(INT, d + 1)
        return self.pick([
            "(%s + %s)" % (a, self.expr(STR, d)), "(%s * %d)" % (a, self.r.randint(0, 4)),
            "%s[%s:%s]" % (a, self.small(), self.small()), "%s[::%s]" % (a, self.pick(["-1", "2", "-2", "3"])),
            "%s.%s()" % (a, self.pick(["upper", "lower", "strip", "lstrip", "rstrip"])),
            "%s.replace(%r, %r)" % (a, self.pick("a l ,".split()), self.pick(["", "-", "LL"])),
            "str(%s)" % self.expr(self.pick([INT, FLOAT, LIST, DICT, TUPLE, BYTES]), d),
            "repr(%s)" % self.expr(self.pick([STR, BYTES, LIST]), d),
            "%r.join(%s)" % (self.pick(["", ",", " - "]), self.pick(['["a", "b"]', "%s.split()" % a, "[]"])),
            "'%%d-%%s' %% (%s, %s)" % (i, a), "'{}|{:>4}'.format(%s, %s)" % (a, i),
            "hex(%s)" % i, "chr(65 + %s %% 26)" % i, "%s[%s]" % (a, i),
            "%s.format(%s)" % (repr(self.pick(["{}", "{:5d}", "{:x}", "{0}{0}"])), i),
            "bytes(%s).decode()" % self.expr(BYTES, d),
        ])

    def e_bytes(self, d, deep):
        if not deep:
            return self.pick(["b''", "b'abc'", "b'\\x00\\xff'", "bytes(3)", "'pith'.encode()"])
        a = self.expr(BYTES, d)
        return self.pick(["(%s + %s)" % (a, self.expr(BYTES, d)), "%s[%s:%s]" % (a, self.small(), self.small()),
                          "bytes(%s)" % self.expr(BARR, d), "bytes(memoryview(%s)[::-1])" % a,
                          "bytes([%s %% 256, 65])" % self.expr(INT, d)])

    def e_bytearray(self, d, deep):
        return self.pick(["bytearray(%s)" % self.expr(BYTES, d), "bytearray(%d)" % self.r.randint(0, 6),
                          "bytearray(range(%d))" % self.r.randint(0, 8)])

    def e_list(self, d, deep):
        if not deep:
            return self.pick(["[]", "[1, 2, 3]", "[3, 1, 2, 1]", "['b', 'a']", "list(range(5))", "[[1], [2, 3]]"])
        a = self.expr(LIST, d)
        t = self.pick([INT, STR, FLOAT])
        return self.pick([
            "(%s + %s)" % (a, self.expr(LIST, d)), "(%s * %d)" % (a, self.r.randint(0, 3)),
            "%s[%s:%s:%s]" % (a, self.small(), self.small(), self.pick(["1", "-1", "2"])),
            "[x * 2 for x in range(%s)]" % self.small(), "[%s for _ in range(3)]" % self.expr(t, d),
            "sorted(%s)" % self.pick(["[3, 1, 2]", "'pith'", "%s.split()" % self.expr(STR, d)]),
            "list(%s)" % self.pick([self.expr(STR, d), self.expr(BYTES, d), self.expr(TUPLE, d)]),
            "list(map(lambda x: x + 1, range(%d)))" % self.r.randint(0, 5),
            "[i for i in range(10) if i %% %d == 0]" % self.r.randint(1, 4),
            "list(zip(range(3), %s))" % self.expr(STR, d), "list(enumerate(%s))" % self.expr(STR, d),
            "%s.split(%r)" % (self.expr(STR, d), self.pick([",", "a", " "])),
            "list(reversed(%s))" % a, "memoryview(%s).tolist()" % self.expr(BYTES, d),
        ])

    def e_tuple(self, d, deep):
        if not deep:
            return self.pick(["()", "(1,)", "(1, 'a', 2.5)", "tuple(range(3))"])
        return self.pick(["tuple(%s)" % self.expr(LIST, d), "(%s, %s)" % (self.expr(INT, d), self.expr(STR, d)),
                          "%s[1:]" % self.expr(TUPLE, d), "divmod(%s, %s)" % (self.expr(INT, d), self.expr(INT, d))])

    def e_dict(self, d, deep):
        if not deep:
            return self.pick(["{}", "{'a': 1, 'b': 2}", "{1: 'x', 2: 'y'}", "dict(a=1)"])
        return self.pick(["dict([(k, k * 2) for k in range(%d)])" % self.r.randint(0, 5),
                          "{%s: %s}" % (self.expr(STR, d), self.expr(INT, d)),
                          "dict(zip(%s, range(9)))" % self.expr(STR, d)])

    def cond(self, d=1):
        return self.pick(["%s %s %s" % (self.expr(INT, d), self.pick(["<", "<=", "==", "!=", ">"]), self.expr(INT, d)),
                          "%s in %s" % (self.expr(STR, d), self.expr(STR, d)),
                          "not %s" % self.expr(LIST, d), "%s is None" % self.expr(INT, d),
                          "%s and %s" % (self.expr(INT, d), self.expr(STR, d))])

    # ---- statements ----
    def guarded(self, lines):
        """Run lines; an exception prints its type and message instead."""
        return ["try:"] + ["    " + x for x in lines] + \
               ["except Exception as e:", "    print('E', type(e).__name__, e)"]

    def program(self, n=9, most=2000):
        """Up to n statements and about `most` bytes: the compiled program
        must stay well inside the heap."""
        out = ["# generated by tests/fuzz/gen.py"]
        total = sum(w for w, _ in FEATURES)
        for _ in range(n):
            if sum(len(line) + 1 for line in out) > most:
                break
            k = self.r.uniform(0, total)
            for w, fn in FEATURES:
                k -= w
                if k <= 0:
                    out += fn(self)
                    break
        return "\n".join(out) + "\n"


@feature(4)
def f_values(g):
    t = g.pick([INT, FLOAT, STR, BYTES, LIST, DICT, TUPLE])
    line, v = g.bind(t, g.expr(t))
    # a plain value first: if the expression raises, later uses still find one
    return ["%s = %s" % (v, getattr(g, "e_" + t)(3, False))] + g.guarded([line, "print(%r, %s)" % (v, v)])


@feature(3)
def f_print(g):
    t = g.pick([INT, FLOAT, STR, BYTES, LIST, TUPLE, DICT])
    return g.guarded(["print(%s)" % g.expr(t)])


@feature(2)
def f_list_methods(g):
    line, v = g.bind(LIST, g.expr(LIST))
    ops = ["%s.append(%s)" % (v, g.expr(INT)), "%s.extend(%s)" % (v, g.expr(LIST)),
           "%s.insert(%s, %s)" % (v, g.small(), g.expr(STR)), "print(%s.pop())" % v,
           "%s.reverse()" % v, "%s.remove(%s)" % (v, g.small()), "print(%s.index(%s))" % (v, g.small()),
           "%s[%s] = %s" % (v, g.small(), g.expr(INT)), "del %s[%s:%s]" % (v, g.small(), g.small()),
           "%s[1:2] = %s" % (v, g.expr(LIST)), "%s.sort()" % v, "print(%s.count(1), len(%s))" % (v, v)]
    return g.guarded([line] + [g.pick(ops) for _ in range(3)] + ["print(%s)" % v])


@feature(2)
def f_dict(g):
    line, v = g.bind(DICT, g.expr(DICT))
    ops = ["%s[%s] = %s" % (v, g.expr(STR), g.expr(INT)), "print(%s[%s])" % (v, g.expr(STR)),
           "print(%s.get(%s, 'none'))" % (v, g.expr(INT)), "del %s[%s]" % (v, g.expr(STR)),
           "print(list(%s.keys()), list(%s.values()))" % (v, v), "print(%s.pop(%s, 0))" % (v, g.expr(STR)),
           "%s.update({%s: 1})" % (v, g.expr(INT)), "print(sorted(%s.items(), key=lambda kv: str(kv)))" % v,
           "print(%s in %s, len(%s))" % (g.expr(STR), v, v), "print(%s.setdefault('k', []))" % v]
    return g.guarded([line] + [g.pick(ops) for _ in range(3)] + ["print(%s)" % v])


@feature(2)
def f_memoryview(g):
    line, v = g.bind(BARR, g.expr(BARR))
    m = "m%d" % g.n
    ops = ["%s[0] = %s" % (m, g.expr(INT)), "print(%s[%s])" % (m, g.small()), "print(bytes(%s[::2]))" % m,
           "%s[1:3] = %s" % (m, g.pick(["b'xy'", "b'z'", "bytearray(2)"])), "print(%s.tolist(), len(%s))" % (m, m),
           "print(%s == %s)" % (m, g.expr(BYTES)), "%s.append(%s)" % (v, g.expr(INT)),
           "print(%s.hex(), %s.nbytes)" % (m, m), "%s.release()" % m, "print(list(%s[::-1]))" % m,
           "print(%s.cast('b').tolist())" % m]
    return g.guarded([line, "%s = memoryview(%s)" % (m, v)] + [g.pick(ops) for _ in range(3)] + ["print(%s)" % v])


@feature(2)
def f_exceptions(g):
    exc = g.pick(["ValueError", "KeyError", "IndexError", "TypeError", "ZeroDivisionError", "RuntimeError"])
    raiser = g.pick(["raise %s(%s)" % (exc, g.expr(STR)), "[1][%s]" % g.expr(INT), "1 // (%s - %s)" % ("0", "0"),
                     "{}[%s]" % g.expr(STR), "int(%s)" % g.expr(STR), "%s + %s" % (g.expr(INT), g.expr(STR))])
    return ["try:", "    " + raiser, "    print('no error')",
            "except (%s, LookupError) as e:" % exc, "    print('caught', type(e).__name__, e)",
            "except Exception as e:", "    print('other', type(e).__name__, e)",
            "finally:", "    print('finally')"]


@feature(2)
def f_function(g):
    g.defs += 1
    f = "fn%d" % g.defs
    body = g.pick([["return a * 2 + b"], ["if a > 3 or a < -20:", "    return a", "return %s(a + 1, b)" % f],
                   ["s = 0", "for i in range(a % 7):", "    s += i * b", "return s"],
                   ["return [a] * (b % 4) + list(c)"]])
    lines = ["def %s(a, b=2, *c):" % f] + ["    " + x for x in body]
    calls = ["print(%s(%s))" % (f, g.small()), "print(%s(%s, %s))" % (f, g.small(), g.small()),
             "print(%s(%s, 3, 4, 5))" % (f, g.small()), "print((lambda x, y=1: %s(x, y))(2))" % f,
             "print(list(map(%s, range(3))))" % f]
    return lines + g.guarded([g.pick(calls), g.pick(calls)])


@feature(2)
def f_loop(g):
    n = g.r.randint(0, 6)
    line, acc = g.bind(INT, "0")
    return [line, "for i in range(%d):" % n, "    if i == %d:" % g.r.randint(0, 6), "        continue",
            "    %s += i * %s" % (acc, g.small()), "    if %s > 50:" % acc, "        break",
            "else:", "    print('loop done')", "print(%s)" % acc,
            "j = 0", "while j < %d:" % g.r.randint(0, 5), "    j += 1", "print('while', j)"]


@feature(1)
def f_unpack(g):
    return g.guarded(["a, b = %s" % g.pick(["1, 2", "[3, 4]", "'xy'", "range(2)", "(5, 6, 7)"]),
                      "print(a, b)",
                      "print(*[a, b], sep=%r, end=%r)" % (g.pick([",", " | "]), g.pick(["\\n", "!\\n"]))])


@feature(1)
def f_slices(g):
    s = g.pick([g.expr(STR), g.expr(LIST), g.expr(BYTES), g.expr(TUPLE)])
    idx = [g.pick(["", "0", "1", "-1", "-2", "5", "100", "-100"]) for _ in range(3)]
    step = idx[2] if idx[2] not in ("0",) else "1"
    return g.guarded(["print(%s[%s:%s:%s])" % (s, idx[0], idx[1], step), "print(%s[%s:%s])" % (s, idx[0], idx[1])])


@feature(2)
def f_class(g):
    g.defs += 1
    c = "C%d" % g.defs
    return ["class %s:" % c,
            "    k = %s" % g.expr(INT),
            "    def __init__(self, x, y=%s):" % g.expr(STR),
            "        self.x = x",
            "        self.y = y",
            "    def total(self, n=1):",
            "        return self.x * n + self.k",
            "    def __repr__(self):",
            "        return '<%s %%r %%r>' %% (self.x, self.y)" % c] + \
        g.guarded(["o = %s(%s)" % (c, g.expr(INT)), "print(o, o.total(%s), o.y)" % g.small(),
                   "o.x = %s" % g.expr(g.pick([INT, STR, LIST])), "print(o.total(2), %s.k)" % c,
                   "print(getattr(o, %r, 'none'), hasattr(o, 'x'))" % g.pick(["x", "y", "z"])])


@feature(2)
def f_closure_generator(g):
    g.defs += 1
    f = "g%d" % g.defs
    return ["def %s(n):" % f,
            "    acc = [0]",
            "    def add(v):",
            "        acc[0] += v",
            "        return acc[0]",
            "    for i in range(n):",
            "        yield add(i * %s)" % g.small()] + \
        g.guarded(["print(list(%s(%d)))" % (f, g.r.randint(0, 6)),
                   "print(sum(x %% 7 for x in %s(%d)), [y for y in %s(3) if y])" % (f, g.r.randint(0, 9), f),
                   "it = %s(2)" % f, "print(next(it), next(it))", "print(next(it, 'done'))"])


@feature(2)
def f_bigint(g):
    a, b = g.pick(["2 ** 100", "3 ** 50", "-(7 ** 40)", "10 ** 30 + 1", g.expr(INT)]), \
        g.pick(["2 ** 65", "12345678901234567890", "-3", "97", g.expr(INT)])
    return g.guarded(["x = %s" % a, "y = %s" % b,
                      "print(x + y, x - y, x * y)", "print(x // y, x % y, divmod(x, y))",
                      "print(x >> %d, x << %d, x & y, x | y, x ^ y)" % (g.r.randint(0, 80), g.r.randint(0, 40)),
                      "print(pow(x, %d, %s), abs(x) > abs(y), str(x)[:20], hex(y))" % (g.r.randint(0, 9), g.pick(["97", "10 ** 9 + 7", "y"]))])


@feature(2)
def f_fstring_kwargs(g):
    g.defs += 1
    f = "k%d" % g.defs
    return ["def %s(a, *args, b=%s, **kw):" % (f, g.small()),
            "    return f'{a}|{args}|{b:>3}|{sorted(kw.items())}'"] + \
        g.guarded(["print(%s(%s))" % (f, g.expr(INT)), "print(%s(1, 2, 3, b=%s, z=%s))" % (f, g.small(), g.expr(STR)),
                   "v = %s" % g.expr(g.pick([INT, FLOAT, STR])), "w = %s" % g.expr(INT),
                   "print(f'{v!r:>12}', f'{v}', f'{w:x}', f'{w * 2 + 1}')"])


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: tests/fuzz/gen.py SEED")
    sys.stdout.write(Gen(int(sys.argv[1])).program())


if __name__ == "__main__":
    main()
