#!/usr/bin/env python3
"""sweep.py — out of memory at every allocation.

    tests/oom/sweep.py [-j N] [--max-points N] [--only PATTERN] BINARY

BINARY is a checking host build (host-asan, host-strict...: they take
`--fail-alloc`). For each golden program (tests/py, and web/examples with a
.exp) the sweep counts the program's allocations, then runs it once per
allocation point k with the kth allocation failing as if the heap were
full. A program with more than --max-points allocations gets that many
points: the first half one by one (start-up, compilation, the first
statements), the rest evenly spread up to its last allocation. The runs of
one program share a process (`--fail-alloc A-B:S`, a fresh heap each time,
as after a soft reboot); after a crash the sweep reruns the crashing point
alone to report it, and goes on after it.

Every run must end cleanly: the program's normal output (it handled the
error, or the failed allocation did not matter); output that names a
MemoryError (its traceback, or the program printing the exception it
caught, by name or by its message); the normal output with a traceback
that lost its lines (the traceback's own allocation failed; MicroPython
drops them too); or, when the failing allocation was a call's frame, the
RuntimeError pith raises for a stack that cannot grow. A program that can
absorb a MemoryError (a handler for it or for every exception, or a
finally clause, whose break or return discards it) may print anything. A
crash, a sanitizer report, a hang, a failed check of the heap after the
run (the checking builds run gc_check) or any other output is a failure,
printed with the command that reproduces it.

The last line: `oom sweep: P programs, K allocation points tried (of A
allocations), F failures`. Exits 1 on any failure.
"""
import argparse
import concurrent.futures
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TIMEOUT = 60
BATCH = 100  # runs per process
ENV = dict(os.environ, ASAN_OPTIONS="exitcode=99:detect_leaks=0",
           UBSAN_OPTIONS="halt_on_error=1:exitcode=99")
COUNT = re.compile(rb"pith: (\d+) allocations")


def programs(pattern):
    found = []
    for folder, prefix in ((os.path.join(ROOT, "tests", "py"), ""),
                           (os.path.join(ROOT, "web", "examples"), "examples/")):
        if not os.path.isdir(folder):
            continue
        for entry in sorted(os.listdir(folder)):
            base = os.path.join(folder, entry[:-3])
            if not entry.endswith(".py") or not os.path.exists(base + ".exp"):
                continue
            name = prefix + entry[:-3]
            if pattern and not fnmatch.fnmatch(name, pattern) and pattern not in name:
                continue
            found.append((name, base + ".py", base + ".exp"))
    return found


def run(binary, py, extra):
    """Run py as main.py in a scratch directory, as the golden host boards do."""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(py, os.path.join(tmp, "main.py"))
        try:
            p = subprocess.run([binary, "--seed", "1", "--test-hooks", "--virtual-time"] + extra + ["main.py"],
                               cwd=tmp, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=ENV, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            return None, b"", b"timed out"
    return p.returncode, p.stdout, p.stderr


def ranges(n, most):
    """The allocation points as (first, last, step) runs."""
    if n <= most:
        return [(1, n, 1)] if n else []
    head = most // 2
    step = max(1, (n - head) // (most - head))
    return [(1, head, 1), (head + step, n, step)]


# A run's output ends with "\036 k STATUS\n" (boards/host/main.c).
MARK = re.compile(rb"\036 (\d+) (\d+)\n")
FRAME = b"RuntimeError: maximum recursion depth exceeded"
# Source that can absorb a MemoryError: a handler that catches it (by name,
# or all exceptions), or a finally clause (whose break, continue or return
# discards the exception in flight).
CATCHES = re.compile(rb"MemoryError|except\s*(Exception|BaseException)?\s*(as \w+)?:|finally:")


def without_traceback(text):
    """Output as it reads when a traceback found no memory: the exception's
    line stays, the lines naming its frames go (as in MicroPython)."""
    return b"".join(line for line in text.splitlines(True)
                    if not line.startswith((b"Traceback (most recent call last):", b"  File ")))


def verdict(status, out, err, want, catches):
    """None when the run ended cleanly, else why not. A program that catches
    MemoryError itself (`catches`) may print anything after one."""
    if status is None:
        return "hung (over %d s)" % TIMEOUT
    if status not in (0, 1):
        tail = err.decode("utf-8", "replace").strip().splitlines()[-12:]
        return "exit status %d\n      " % status + "\n      ".join(tail)
    if out == want or without_traceback(out) == without_traceback(want) or FRAME in out or catches or \
            b"MemoryError" in out or b"memory allocation failed" in out:
        return None
    return "output neither the expected one nor a MemoryError:\n      " + \
        "\n      ".join(out.decode("utf-8", "replace").splitlines()[-6:])


def sweep(binary, name, py, exp, most):
    """(points tried, allocations, failures) for one program."""
    with open(exp, "rb") as f:
        want = f.read()
    with open(py, "rb") as f:
        catches = bool(CATCHES.search(f.read()))
    status, out, err = run(binary, py, ["--count-allocs"])
    m = COUNT.search(err)
    if status not in (0, 1) or not m:
        return 0, 0, ["%s: the counting run failed (status %s): %s"
                      % (name, status, err.decode("utf-8", "replace")[-400:])]
    total = int(m.group(1))
    tried, failures = 0, []

    def fail(k, why):
        failures.append("%s: allocation %d of %d: %s\n      reproduce: cp %s main.py && %s "
                        "--seed 1 --test-hooks --virtual-time --fail-alloc %d main.py"
                        % (name, k, total, why, os.path.relpath(py, ROOT), binary, k))

    for first, last, step in ranges(total, most):
        k = first
        while k <= last and len(failures) < 3:
            end = min(last, k + (BATCH - 1) * step)
            status, out, err = run(binary, py, ["--fail-alloc", "%d-%d:%d" % (k, end, step)])
            done = k - step
            pos = 0
            for m in MARK.finditer(out):
                done = int(m.group(1))
                tried += 1
                why = verdict(0 if m.group(2) == b"0" else 1, out[pos:m.start()], b"", want, catches)
                if why:
                    fail(done, why)
                pos = m.end()
            if status in (0, 1) and done >= end - (end - k) % step:
                k = done + step
                continue
            # the process ended inside the run after `done`: rerun that point alone
            batch = verdict(status, b"", err, want, catches)
            k = done + step
            status, out, err = run(binary, py, ["--fail-alloc", str(k)])
            tried += 1
            fail(k, verdict(status, out, err, want, catches) or "only after the runs before it: " + batch)
            k += step
    return tried, total, failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--max-points", type=int, default=1000)
    ap.add_argument("--only")
    ap.add_argument("binary")
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    progs = programs(args.only)
    tried = allocs = 0
    failures = []
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        jobs = [pool.submit(sweep, binary, name, py, exp, args.max_points) for name, py, exp in progs]
        for job in jobs:
            t, a, f = job.result()
            tried += t
            allocs += a
            failures += f
    for f in failures:
        print("FAIL oom " + f)
    print("oom sweep: %d programs, %d allocation points tried (of %d allocations), %d failures"
          % (len(progs), tried, allocs, len(failures)))
    sys.exit(1 if failures else 0)


main()
