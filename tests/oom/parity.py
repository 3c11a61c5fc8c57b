#!/usr/bin/env python3
"""parity.py — every board allocates the same bytes: tests/oom/fill_heap.py
fills the heap until MemoryError and prints the free heap before, how many
rounds of objects fitted, the free heap when full and after freeing; the
host builds (32-bit), the micro:bit in QEMU and the wasm board under Node
must print the same figures. Exits 1 on any difference."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RUN_ON = os.path.join(os.path.dirname(HERE), "run-on")
PROGRAM = os.path.join(HERE, "fill_heap.py")
SAME = ["host", "host-asan", "qemu", "node"]


def run(board):
    out = subprocess.run([RUN_ON, board, PROGRAM], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, timeout=120)
    return out.stdout.decode("utf-8", "replace").strip()


def main():
    got = {board: run(board) for board in SAME}
    for board in SAME:
        print("   %-7s start, rounds, free when full, free after: %s" % (board, got[board]))
    figures = {got[b] for b in SAME}
    if len(figures) != 1 or not got["host-asan"].replace(" ", "").isdigit():
        print("FAIL heap parity: the boards differ")
        sys.exit(1)
    print("ok   heap parity: host, host-asan, qemu and node run out of heap at the same allocation")


main()
