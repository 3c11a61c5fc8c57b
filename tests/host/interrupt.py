#!/usr/bin/env python3
"""interrupt.py BINARY — Ctrl-C (SIGINT) stops every kind of long operation
on the host too: the cases of tests/device/run.py's latency check, each
interrupted 0.3 s after it starts; the program must catch the
KeyboardInterrupt within 0.5 s (wall time, so generous: the device check
measures the 100 ms bound in guest time). Exits 1 on a failure."""
import os
import re
import signal
import subprocess
import sys
import time

CASES = [
    ("a loop", "", "while True:\n        pass"),
    ("a loop in C", "", "sum(range(10 ** 9))"),
    ("max over a range", "", "max(range(10 ** 9))"),
    ("sorting a big list", "l = [(i * 7919) % 1009 for i in range(400)]",  # 64-bit objects: a smaller list
     "while True:\n        l.sort()\n        l.reverse()"),
    ("str * n", "", "while True:\n        s = 'ab' * 2000"),
    ("sleep", "import time", "time.sleep(100)"),
]
LIMIT_S = 0.5


def main():
    binary = sys.argv[1]
    failed = 0
    for name, setup, op in CASES:
        code = "%s\nprint('go')\ntry:\n    %s\nexcept KeyboardInterrupt:\n    print('stopped')\n" % (setup, op)
        p = subprocess.Popen([binary, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        first = p.stdout.readline()
        time.sleep(0.3)
        t0 = time.monotonic()
        p.send_signal(signal.SIGINT)
        try:
            out, err = p.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill()
            out, err = p.communicate()
        took = time.monotonic() - t0
        if first != b"go\n" or out != b"stopped\n" or took > LIMIT_S:
            failed += 1
            print("FAIL host interrupt %s: %r %r after %.2f s" % (name, first + out, err[-200:], took))
        else:
            print("ok   host interrupt %s (%.0f ms)" % (name, took * 1000))
    sys.exit(1 if failed else 0)


main()
