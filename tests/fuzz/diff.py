#!/usr/bin/env python3
"""diff.py — differential fuzzing: the host against the wasm board.

    tests/fuzz/diff.py [--seconds S] [--seed N] [-j N] HOST

Generates programs with tests/fuzz/gen.py (seeds N, N+1, ...; by default N
comes from the clock and is printed) and runs each on HOST32 (the 32-bit
host build, one process per program) and on the wasm board under Node
(tests/fuzz/diff_node.js, one process per batch). The two must print the
same bytes, traceback included: they allocate the same bytes, so even a
MemoryError comes at the same place. A mismatch or a host crash is
saved as build/fuzz/diff-SEED.py and printed with both outputs.

Prints `differential: P programs compared (host vs node), M mismatches,
C crashes; E raised at top level, K compiled out of memory`. Exits 1 on any
mismatch or crash.
"""
import argparse
import concurrent.futures
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import gen  # noqa: E402

BATCH = 40
ENV = dict(os.environ, ASAN_OPTIONS="exitcode=99:detect_leaks=0", UBSAN_OPTIONS="halt_on_error=1:exitcode=99")


def host(binary, py):
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(py, os.path.join(tmp, "main.py"))
        try:
            p = subprocess.run([binary, "--seed", "1", "--virtual-time", "main.py"], cwd=tmp,
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=ENV, timeout=60)
        except subprocess.TimeoutExpired:
            return None, b"(timed out)"
    return p.returncode, p.stdout + (p.stderr if p.returncode not in (0, 1) else b"")


def node(files):
    p = subprocess.run(["node", os.path.join(HERE, "diff_node.js")] + files, stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    # each output ends with "\x1e STATUS\n", after a newline or not
    outs = re.split(rb"\x1e -?\d+\n", p.stdout.replace(b"\r\n", b"\n"))[:-1]
    if len(outs) != len(files):
        sys.exit("diff: the Node board stopped after %d of %d programs: %s"
                 % (len(outs), len(files), p.stderr.decode("utf-8", "replace")[-400:]))
    return outs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    ap.add_argument("host")
    args = ap.parse_args()
    binary = os.path.abspath(args.host)
    seed = args.seed if args.seed is not None else int(time.time()) % 1000000 * 1000
    print("differential: seeds from %d" % seed)
    save = os.path.join(ROOT, "build", "fuzz")
    os.makedirs(save, exist_ok=True)
    compared = mismatches = crashes = raised = compile_oom = 0
    deadline = time.monotonic() + args.seconds
    with tempfile.TemporaryDirectory() as tmp, concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        while time.monotonic() < deadline:
            seeds = list(range(seed, seed + BATCH))
            seed += BATCH
            files = []
            for s in seeds:
                path = os.path.join(tmp, "p%d.py" % s)
                with open(path, "w") as f:
                    f.write(gen.Gen(s).program())
                files.append(path)
            want = pool.map(lambda f: host(binary, f), files)
            got = node(files)
            for s, path, (status, mine), theirs in zip(seeds, files, want, got):
                compared += 1
                bad = status not in (0, 1) or mine != theirs
                if status == 1:
                    raised += 1
                    compile_oom += mine.startswith(b"MemoryError")
                if not bad:
                    continue
                crashes += status not in (0, 1)
                mismatches += status in (0, 1)
                keep = os.path.join(save, "diff-%d.py" % s)
                shutil.copy(path, keep)
                print("FAIL differential seed %d (%s), saved as %s" % (s, "the host crashed" if status not in (0, 1)
                                                                       else "outputs differ", os.path.relpath(keep, ROOT)))
                for line in list(difflib.unified_diff(mine.decode("utf-8", "replace").splitlines(),
                                                      theirs.decode("utf-8", "replace").splitlines(),
                                                      "host", "node", lineterm=""))[:30]:
                    print("  " + line)
    print("differential: %d programs compared (host vs node), %d mismatches, %d crashes; "
          "%d raised at top level, %d compiled out of memory"
          % (compared, mismatches, crashes, raised, compile_oom))
    sys.exit(1 if mismatches or crashes else 0)


main()
