#!/usr/bin/env python3
"""tests/bench/run.py PITH.hex — the benchmark program (bench.py) as main.py
on pith's micro:bit firmware and on MicroPython v1's (Debian's
firmware-microbit-micropython), both in QEMU with -icount shift=6 (about
16 MIPS, the nRF51's pace) so guest time is repeatable, printed side by side."""
import os
import select
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PEER = "/usr/share/firmware-microbit-micropython/firmware.hex"
FLASH = 256 * 1024
SCRIPT_AT = 0x3E000


def image(hex_path, script):
    """A raw flash image from Intel HEX (records above the flash, like the
    UICR, are dropped) with `script` in the appended-script layout."""
    flash = bytearray(b"\xff" * FLASH)
    base = 0
    for line in open(hex_path):
        rec = bytes.fromhex(line.strip()[1:])
        n, addr, kind, data = rec[0], rec[1] << 8 | rec[2], rec[3], rec[4:4 + rec[0]]
        if kind == 4:
            base = (data[0] << 8 | data[1]) << 16
        elif kind == 2:
            base = (data[0] << 8 | data[1]) << 4
        elif kind == 0 and base + addr + n <= FLASH:
            flash[base + addr:base + addr + n] = data
    flash[SCRIPT_AT:SCRIPT_AT + 4 + len(script)] = b"MP" + len(script).to_bytes(2, "little") + script
    return flash


def run(hex_path, script, tmp, timeout=300):
    path = os.path.join(tmp, os.path.basename(hex_path) + ".bin")
    with open(path, "wb") as f:
        f.write(image(hex_path, script))
    p = subprocess.Popen(["qemu-system-arm", "-M", "microbit", "-kernel", path, "-nographic",
                          "-serial", "stdio", "-monitor", "none", "-icount", "shift=6"],
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = b""
    deadline = time.monotonic() + timeout
    try:
        while b"bench done" not in out and time.monotonic() < deadline:
            if select.select([p.stdout], [], [], 1)[0]:
                data = os.read(p.stdout.fileno(), 4096)
                if not data:
                    break
                out += data
    finally:
        p.kill()
        p.wait()
    results = {}
    for line in out.decode("utf-8", "replace").replace("\r", "").split("\n"):
        parts = line.split()
        if len(parts) == 2 and parts[1].lstrip("-").isdigit():
            results[parts[0]] = int(parts[1])
    return results


def main():
    script = open(os.path.join(HERE, "bench.py"), "rb").read()
    with tempfile.TemporaryDirectory() as tmp:
        ours = run(sys.argv[1], script, tmp)
        peer = run(PEER, script, tmp) if os.path.exists(PEER) else {}
    print("%-18s %12s %14s" % ("measure", "pith", "MicroPython v1"))
    for name in ["int_loop", "calls", "bytearray_stores", "slicing", "mem_free", "max_recursion"]:
        unit = "" if name in ("mem_free", "max_recursion") else " ms"
        fmt = lambda r: ("%d%s" % (r[name], unit)) if name in r else "failed"
        print("%-18s %12s %14s" % (name, fmt(ours), fmt(peer)))
    return 0 if len(ours) == 6 else 1


if __name__ == "__main__":
    sys.exit(main())
