#!/usr/bin/env python3
"""mutate — a crash hunt: feed mutated golden programs to a pith binary.

    tests/fuzz/mutate.py [--runs N] [--seed S] BINARY

Each run takes a tests/py program, damages it (deletes, duplicates or swaps
lines and tokens, flips bytes, inserts deep nesting), and runs it. Any
outcome is fine except a crash: a signal, a sanitizer report (exit 99), or a
hang past the timeout. Prints the failing input and exits 1 on the first
one, else `fuzz: N runs, no crashes`.
"""
import argparse
import glob
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOKENS = ["(", ")", "[", "]", "{", "}", ":", ",", ".", "=", "+", "*", "**", "-", "not ", " in ",
          "lambda x: ", "if ", "else ", "for x in ", "try:", "except:", "finally:", "def f(", "return ",
          "memoryview(", "bytearray(", "b'\\x00'", "'é'", "1e40", "2**70", "[0]*9999", "\n    ",
          "\n", "\t", "\\", "'''", "yield", "global x", "del ", "import gc", "gc.collect()"]


def mutate(rng, src):
    lines = src.split("\n")
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(7)
        i = rng.randrange(len(lines))
        if kind == 0 and len(lines) > 1:
            del lines[i]
        elif kind == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif kind == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == 3 and lines[i]:
            k = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:k] + rng.choice(TOKENS) + lines[i][k:]
        elif kind == 4 and lines[i]:
            k = rng.randrange(len(lines[i]))
            lines[i] = lines[i][:k] + lines[i][k + 1:]
        elif kind == 5:
            depth = rng.choice([10, 50, 200])
            lines.insert(i, "x = " + "(" * depth + "1" + ")" * depth)
        else:
            lines.insert(i, "x = " + "[" * rng.choice([20, 100]) + "]" * rng.choice([20, 100]))
    out = "\n".join(lines)
    if rng.random() < 0.2:
        b = bytearray(out.encode())
        for _ in range(3):
            if b:
                b[rng.randrange(len(b))] = rng.randrange(256)
        return bytes(b)
    return out.encode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("binary")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    sources = [open(p).read() for p in sorted(glob.glob(os.path.join(HERE, "..", "py", "*.py")))]
    env = dict(os.environ, ASAN_OPTIONS="exitcode=99:detect_leaks=0",
               UBSAN_OPTIONS="halt_on_error=1:exitcode=99")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "main.py")
        for n in range(a.runs):
            data = mutate(rng, rng.choice(sources))
            with open(path, "wb") as f:
                f.write(data)
            try:
                r = subprocess.run([a.binary, "--seed", "1", path], stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=a.timeout, env=env)
                bad = r.returncode not in (0, 1, 2)
                why = "exit %d\n%s" % (r.returncode, r.stderr.decode(errors="replace")[-2000:])
            except subprocess.TimeoutExpired:
                bad, why = True, "timeout"
            if bad:
                sys.stdout.write("fuzz: crash on run %d (%s)\n--- input ---\n%s\n" %
                                 (n, why, data.decode(errors="replace")))
                return 1
    print("fuzz: %d runs, no crashes" % a.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
