#!/usr/bin/env python3
"""tests/host/fs_crash.py [--foreign] BINARY — power failures in the middle of every
kind of filesystem write, on the host build: a program rewrites, appends,
renames over and removes files in a 16-page flash image (so compaction runs
too), and `--flash-cut N` stops it before its Nth flash word write or page
erase, for N spread over the whole run. After each cut a second run mounts
the image and checks that every file holds a whole version (old or new,
never a torn one), that the file which was never touched is intact, and
that the filesystem still takes a write. Prints `ok   host fs_crash (N
cuts)` or FAIL lines; exits 1 on a failure.

Then wear: a file rewritten 3000 times next to one that never changes;
`--flash-wear` counts each page's erases: no page may be erased much more
often than the mean, nor much less.

With --foreign, the images are random bytes instead (a foreign .hex, or
flash worn out), many chunks made to look like ours with random fields:
mounting, listing and reading every file must not crash (run it with the
sanitized build), and the region must take a write afterwards."""
import os
import random
import subprocess
import sys
import tempfile

PAGES = 8
CUT_STATUS = 86

WRITER = """import os
def put(name, text):
    with open(name, 'w') as f:
        f.write(text)
put('keep.txt', 'k' * 2000)
for i in range(1, 25):
    put('a.txt', ('a%02d' % i) * (50 + i * 11))
    put('b.txt', ('b%02d' % i) * 40)
    if i % 4 == 0:
        os.rename('b.txt', 'c.txt')
    if i % 9 == 0 and 'c.txt' in os.listdir():
        os.remove('c.txt')
    with open('log.txt', 'a') as f:
        f.write('%02d\\n' % i)
print('done')
"""

VERIFY = """import os
names = os.listdir()
def version(name, tag):
    d = open(name).read()
    if not (len(d) % 3 == 0 and d[:1] == tag and d == d[:3] * (len(d) // 3)):
        return -1
    return int(d[1:3])
n = 0
ok = all(x in ('keep.txt', 'a.txt', 'b.txt', 'c.txt', 'log.txt') for x in names)
if 'log.txt' in names:
    lines = open('log.txt').read().split('\\n')
    n = len(lines) - 1
    ok = ok and lines[-1] == '' and [int(x) for x in lines[:-1]] == list(range(1, n + 1))
if 'a.txt' in names:
    ok = ok and version('a.txt', 'a') in (n, n + 1) and 'keep.txt' in names
else:
    ok = ok and n == 0
if 'keep.txt' in names:
    with open('keep.txt') as f:
        ok = ok and all(f.read(100) == 'k' * 100 for i in range(20)) and f.read() == ''
if 'b.txt' in names:
    ok = ok and version('b.txt', 'b') in (n, n + 1)
if 'c.txt' in names:
    ok = ok and 0 < version('c.txt', 'b') <= n + 1
with open('probe.txt', 'w') as f:
    f.write('probe')
ok = ok and open('probe.txt').read() == 'probe'
print('ok' if ok else 'BAD %r %d' % (sorted(names), n))
"""


def run(binary, image, script, cut=None):
    args = [binary, "--flash", image] + (["--flash-cut", str(cut)] if cut is not None else []) + [script]
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=60)


FOREIGN = """import os
for n in os.listdir():
    os.stat(n)
    with open(n, 'rb') as f:
        while f.read(100):
            pass
with open('new.txt', 'w') as f:
    for i in range(150):
        f.write('%07d\\n' % i)
print(os.size('new.txt'))
"""


def foreign(binary):
    """Random images, a third of their chunks headed like ours."""
    rng = random.Random(5)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "foreign.py")
        with open(script, "w") as f:
            f.write(FOREIGN)
        image = os.path.join(tmp, "flash.img")
        for trial in range(40):
            data = bytearray(rng.randrange(256) for _ in range(PAGES * 1024))
            for at in range(0, len(data), 128):
                kind = rng.randrange(6)
                ident = rng.randrange(1, 9) << 8
                if kind == 0:
                    data[at:at + 128] = b"\xff" * 128
                elif kind == 1:  # a head: a few ids and short names, so they collide
                    word = 0xA5 | ident | rng.randrange(1, 13) << 20
                    commit = rng.choice((0xFFFFFFFF, rng.randrange(600) | rng.randrange(4) << 20,
                                         rng.randrange(1 << 32)))
                    data[at:at + 8] = word.to_bytes(4, "little") + commit.to_bytes(4, "little")
                elif kind == 2:  # a data chunk of one of those files
                    word = 0x5A | ident | rng.randrange(1, 8) << 20
                    data[at:at + 4] = word.to_bytes(4, "little")
            with open(image, "wb") as f:
                f.write(data)
            r = run(binary, image, script)
            if r.returncode != 0 or r.stdout != b"1200\n":
                print("FAIL host fs_foreign: image %d: status %d, %r" % (trial, r.returncode, r.stdout[-300:]))
                failures += 1
    if failures:
        sys.exit(1)
    print("ok   host fs_foreign (40 images)")


WEAR = """text = 'w' * 300
for i in range(1500):
    with open('log.txt', 'w') as f:
        f.write(text)
with open('keep.txt', 'w') as f:
    f.write('k' * 3000)
for i in range(1500):
    with open('log.txt', 'w') as f:
        f.write(text)
"""


def wear(binary):
    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "wear.py")
        with open(script, "w") as f:
            f.write(WEAR)
        image = os.path.join(tmp, "flash.img")
        with open(image, "wb") as f:
            f.write(b"\xff" * (16 * 1024))
        r = subprocess.run([binary, "--flash", image, "--flash-wear", script],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        counts = [int(n) for n in r.stderr.decode().split(":")[1].split()]
        # no page wears out first (the most-erased page is near the mean);
        # the page that happens to hold the file that never changes is
        # erased less, only by the compaction of pages in turn, and where
        # that file lands depends on the random cursor at mount
        mean = sum(counts) / len(counts)
        if r.returncode != 0 or max(counts) > 1.3 * mean or min(counts) < 0.5 * mean:
            print("FAIL host fs_wear: erases per page %s" % counts)
            sys.exit(1)
        print("ok   host fs_wear (erases per page %d to %d)" % (min(counts), max(counts)))


def main():
    if sys.argv[1] == "--foreign":
        return foreign(os.path.abspath(sys.argv[2]))
    binary = os.path.abspath(sys.argv[1])
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        writer = os.path.join(tmp, "writer.py")
        verify = os.path.join(tmp, "verify.py")
        with open(writer, "w") as f:
            f.write(WRITER)
        with open(verify, "w") as f:
            f.write(VERIFY)
        image = os.path.join(tmp, "flash.img")
        cuts, cut, failures = 0, 0, 0
        while True:
            with open(image, "wb") as f:
                f.write(b"\xff" * (PAGES * 1024))
            w = run(binary, image, writer, cut)
            if w.returncode not in (0, CUT_STATUS):
                print("FAIL host fs_crash: the writer cut at %d: %r" % (cut, w.stdout[-300:]))
                failures += 1
            v = run(binary, image, verify)
            if v.returncode != 0 or v.stdout != b"ok\n":
                print("FAIL host fs_crash: after a cut at write %d: %r" % (cut, v.stdout[-300:]))
                failures += 1
            cuts += 1
            if w.returncode == 0 or failures > 5:
                break
            cut += rng.randrange(1, 12)
        if w.returncode == 0 and w.stdout != b"done\n":
            print("FAIL host fs_crash: the writer printed %r" % w.stdout[-300:])
            failures += 1
    if failures:
        sys.exit(1)
    print("ok   host fs_crash (%d cuts)" % cuts)
    wear(binary)


main()
