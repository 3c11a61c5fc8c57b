#!/usr/bin/env python3
"""checks.py BINARY... — the checking builds must stop a program that breaks
the rooting rule. Each BINARY runs `--test-unrooted`: a fresh list held only
in a C local across a collection, then read. The run must end with
`pith: assertion failed:` and a trap, never finish or print a result.
Prints `ok checks BINARY` per build; exits 1 if any build let it pass."""
import os
import signal
import subprocess
import sys


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: tests/host/checks.py BINARY...")
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0")
    failed = 0
    for binary in sys.argv[1:]:
        run = subprocess.run([binary, "--test-unrooted"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env, timeout=60)
        out = run.stdout.decode("utf-8", "replace")
        # a trap ends the process by SIGILL (or SIGTRAP), not by an exit
        trapped = run.returncode in (-signal.SIGILL, -signal.SIGTRAP)
        if "pith: assertion failed: " in out and trapped:
            print("ok   checks %s: %s" % (binary, out.strip().splitlines()[-1]))
        else:
            failed += 1
            print("FAIL checks %s: status %d, stdout %r, stderr %r"
                  % (binary, run.returncode, out, run.stderr.decode("utf-8", "replace")[-300:]))
    sys.exit(1 if failed else 0)


main()
