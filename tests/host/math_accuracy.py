#!/usr/bin/env python3
"""tests/host/math_accuracy.py — how close core/float_math.c comes to the
true results: each function on many single-precision inputs, against
CPython's double result rounded to a float. Prints, per function, the
largest error in units in the last place (ulp) and the share of results
that are correctly rounded; fails when an error exceeds the limit."""
import math
import os
import random
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
LIMIT = 1.0  # ulp


def bits(x):
    return struct.unpack("<I", struct.pack("<f", x))[0]


def f32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0]


def from_bits(b):
    return struct.unpack("<f", struct.pack("<I", b))[0]


def ulp_error(got, want_double):
    """error of the float `got` against the exact value, in ulps of the float nearest it"""
    want = f32(want_double) if abs(want_double) < 3.4e38 else math.copysign(math.inf, want_double)
    if math.isnan(want) or math.isinf(want) or want == 0:
        return 0.0 if (got == want or (math.isnan(got) and math.isnan(want))) else math.inf
    e = math.frexp(want)[1]
    ulp = math.ldexp(1.0, max(e - 24, -149))
    return abs(got - want_double) / ulp


def rand_float(rng, lo, hi, log=False):
    if log:
        return f32(math.copysign(math.exp(rng.uniform(math.log(lo), math.log(hi))), 1))
    return f32(rng.uniform(lo, hi))


def cases(rng, n):
    yield from (("exp", rand_float(rng, -87, 88), 0.0, math.exp) for _ in range(n))
    yield from (("log", rand_float(rng, 1e-37, 3e38, True), 0.0, math.log) for _ in range(n))
    yield from (("log", rand_float(rng, 0.5, 2), 0.0, math.log) for _ in range(n))
    yield from (("log2", rand_float(rng, 1e-37, 3e38, True), 0.0, math.log2) for _ in range(n))
    yield from (("log10", rand_float(rng, 1e-37, 3e38, True), 0.0, math.log10) for _ in range(n))
    yield from (("sqrt", rand_float(rng, 1e-44, 3e38, True), 0.0, math.sqrt) for _ in range(n))
    for fn in ("sin", "cos", "tan"):
        yield from ((fn, rand_float(rng, -10, 10), 0.0, getattr(math, fn)) for _ in range(n))
        yield from ((fn, rand_float(rng, 1, 1e38, True), 0.0, getattr(math, fn)) for _ in range(n))
    yield from (("asin", rand_float(rng, -1, 1), 0.0, math.asin) for _ in range(n))
    yield from (("acos", rand_float(rng, -1, 1), 0.0, math.acos) for _ in range(n))
    yield from (("atan", rand_float(rng, -20, 20), 0.0, math.atan) for _ in range(n))
    yield from (("atan", rand_float(rng, 1e-6, 1e30, True), 0.0, math.atan) for _ in range(n))
    yield from (("atan2", rand_float(rng, -5, 5), rand_float(rng, -5, 5), math.atan2) for _ in range(n))
    yield from (("pow", rand_float(rng, 0.01, 100, True), rand_float(rng, -15, 15), math.pow) for _ in range(n))
    yield from (("pow", rand_float(rng, 0.9, 1.1), rand_float(rng, -500, 500), math.pow) for _ in range(n))
    yield from (("pow", f32(rng.randint(-30, 30)), f32(rng.randint(0, 25)), math.pow) for _ in range(n))
    yield from (("fmod", rand_float(rng, -1e10, 1e10), rand_float(rng, -100, 100), math.fmod) for _ in range(n))
    yield from (("logb", rand_float(rng, 1e-30, 1e30, True), f32(rng.choice([2, 10, 3, 0.5, 7.5])),
                 lambda x, b: math.log(x) / math.log(b)) for _ in range(n))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "math_accuracy")
        subprocess.check_call(["cc", "-std=c11", "-O1", "-I" + os.path.join(ROOT, "core"), "-o", exe,
                               os.path.join(ROOT, "tests", "host", "math_accuracy.c"),
                               os.path.join(ROOT, "core", "float_math.c")])
        todo = []
        for name, x, y, fn in cases(rng, n):
            try:
                want = fn(x, y) if name in ("atan2", "pow", "fmod", "logb") else fn(x)
            except (OverflowError, ValueError):
                continue
            if isinstance(want, complex) or abs(want) > 3.4e38:
                continue
            todo.append((name, x, y, want))
        text = "".join("%s %08x %08x\n" % (name, bits(x), bits(y)) for name, x, y, _ in todo)
        out = subprocess.run([exe], input=text, capture_output=True, text=True, check=True).stdout.split()
    stats = {}
    for (name, x, y, want), got in zip(todo, out):
        err = ulp_error(from_bits(int(got, 16)), want)
        worst, exact, count, where = stats.get(name, (0.0, 0, 0, None))
        if err > worst:
            worst, where = err, (x, y)
        stats[name] = (worst, exact + (err <= 0.5), count + 1, where)
    failed = False
    for name, (worst, exact, count, where) in sorted(stats.items()):
        bad = worst > LIMIT
        failed |= bad
        print("%-6s max %.3f ulp  correctly rounded %5.1f%%  (%d inputs)%s" %
              (name, worst, 100.0 * exact / count, count, "  FAIL at %r" % (where,) if bad else ""))
    sys.exit(1 if failed else 0)


main()
