#!/usr/bin/env python3
"""tests/bench/run.py — `make bench`: pith beside MicroPython v1 for the
micro:bit, printed as tables. A report, not a test: a missed goal is
printed, never fatal; the exit status is 1 only when a benchmark crashed on
pith, raised (running out of heap or C stack is a limit, shown in the
table) or printed a wrong result (every result is checked against CPython's).

  python3 tests/bench/run.py [--check] [--only WORD]

Figures:
 1. device speed: each program in speed/ (after prelude.py) as main.py on
    pith's shipped firmware and on v1's (Debian's
    firmware-microbit-micropython), both in `qemu-system-arm -M microbit
    -icount shift=6`: one instruction per 64 ns, about the nRF51's 16 MHz,
    so guest time is repeatable whatever the host's load. Both firmwares'
    utime.ticks_us() run on the nRF51 TIMER, which QEMU emulates (its RTC
    does not tick).
 2. compile time: the microsecond clock at the first statement of a
    main.py (the whole module is compiled before it runs), less a one-line
    program's, for compile/large.py and for pathological nesting.
 3. memory: heap bytes per object (memory.py), free heap at a fresh REPL,
    the deepest recursion.
 4. sizes: flash text+data of the shipped firmware, bytes of the wasm.
 5. host: the same programs on the host build and under Node (wasm): the
    best of HOST_REPEAT runs, in wall-clock time.
 6. page: navigation to the first `>>> ` in headless Chromium (page.js).

--check runs only the speed and compile programs on the host build beside
CPython and compares their results (a quick test that the programs and the
harness stay right); --only keeps the programs whose name contains WORD."""
import glob
import math
import os
import re
import select
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.join(ROOT, "build")
PITH_HEX = os.path.join(BUILD, "microbit", "pith.hex")
PITH_ELF = os.path.join(BUILD, "microbit", "pith.elf")
HOST = os.path.join(BUILD, "host", "pith")
WASM = os.path.join(BUILD, "wasm", "pith.wasm")
NODE_BOARD = os.path.join(ROOT, "boards", "web", "node.js")
PEER = "/usr/share/firmware-microbit-micropython/firmware.hex"
FLASH = 256 * 1024
SCRIPT_AT = 0x3E000
HOST_REPEAT = 50
BANNER = b'Type "help()" for more information.\r\n>>> '
JOBS = 2  # QEMUs at once: the machine is shared
# speed/*.py in the order the table shows them
SPEED = ["int_loop", "calls", "method_calls", "list_sort", "dict_ops", "str_format", "bytearray_fill",
         "slice_copy", "slice_view", "nqueens", "generators", "closures", "bigint", "float_math"]


def records(hex_path):
    """(address, bytes) of each data record of an Intel HEX file."""
    base = 0
    for line in open(hex_path):
        rec = bytes.fromhex(line.strip()[1:])
        n, addr, kind, data = rec[0], rec[1] << 8 | rec[2], rec[3], rec[4:4 + rec[0]]
        if kind == 4:
            base = (data[0] << 8 | data[1]) << 16
        elif kind == 2:
            base = (data[0] << 8 | data[1]) << 4
        elif kind == 0:
            yield base + addr, data


def image(hex_path, script):
    """A raw flash image from Intel HEX (records above the flash, like the
    UICR, are dropped) with `script` (if any) in the appended-script layout."""
    flash = bytearray(b"\xff" * FLASH)
    for addr, data in records(hex_path):
        if addr + len(data) <= FLASH:
            flash[addr:addr + len(data)] = data
    if script:
        flash[SCRIPT_AT:SCRIPT_AT + 4 + len(script)] = b"MP" + len(script).to_bytes(2, "little") + script
    return flash


def flash_bytes(hex_path):
    """Bytes of flash an Intel HEX file programs (the UICR not counted)."""
    return sum(len(data) for addr, data in records(hex_path) if addr < FLASH)


def qemu(hex_path, script, line=None, timeout=180):
    """Boot `hex_path` with `script` as main.py, under -icount shift=6, and
    return what the serial port printed up to the REPL's prompt (with
    `line` typed at that prompt: up to the next one), "\\r\\n" as "\\n"."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "flash.bin")
        with open(path, "wb") as f:
            f.write(image(hex_path, script))
        p = subprocess.Popen(["qemu-system-arm", "-M", "microbit", "-kernel", path, "-nographic",
                              "-serial", "stdio", "-monitor", "none", "-icount", "shift=6"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        out = b""
        deadline = time.monotonic() + timeout
        quiet = time.monotonic()
        want, start = BANNER, 0
        try:
            while time.monotonic() < deadline:
                if select.select([p.stdout], [], [], 0.5)[0]:
                    data = os.read(p.stdout.fileno(), 4096)
                    if not data:
                        break
                    out += data
                    quiet = time.monotonic()
                    if out.find(want, start) < 0:
                        continue
                    if line is None:
                        break
                    start = len(out)
                    for i in range(0, len(line) + 1, 16):  # paced: QEMU's UART drops bytes while the guest is busy
                        p.stdin.write((line + "\r").encode()[i:i + 16])
                        p.stdin.flush()
                        time.sleep(0.005)
                    line, want = None, b"\r\n>>> "
                elif b"Traceback (most recent call last)" in out and time.monotonic() - quiet > 2:
                    break  # an uncaught error scrolls on the LEDs before the prompt: enough
            else:
                out += b"\r\n(timeout)"
        finally:
            p.kill()
            p.wait()
    # v1 prints a NUL at boot
    return out.replace(b"\r\n", b"\n").replace(b"\0", b"").decode("utf-8", "replace")


def cpython(src):
    """`src` under CPython, with a utime stand-in: what it prints."""
    shim = ("import sys, time, types\n"
            "u = types.ModuleType('utime')\n"
            "u.ticks_us = lambda: time.perf_counter_ns() // 1000\n"
            "u.ticks_diff = lambda a, b: a - b\n"
            "sys.modules['utime'] = u\n"
            "exec(compile(sys.stdin.read(), 'bench', 'exec'), {'__name__': '__main__'})\n")
    return subprocess.run([sys.executable, "-c", shim], input=src, capture_output=True, text=True).stdout


def error_of(out):
    """The exception a run ended with, or what went wrong."""
    lines = [l for l in out.split("\n") if re.match(r"^[A-Za-z]*(Error|Exception)\b", l)]
    if lines:
        return lines[-1][:60]
    return "no result" + (" (timeout)" if "(timeout)" in out else "")


def fields(out, mark):
    """The words of the first output line starting with `mark`, or None."""
    for l in out.split("\n"):
        if l.startswith(mark + " "):
            return l.split()[1:]
    return None


def same(got, want):
    """Results are equal: exactly, or floats within single precision's
    error (pith and v1 compute in 32 bits, CPython in 64)."""
    if got == want:
        return True
    try:
        g, w = float(got), float(want)
    except ValueError:
        return False
    return ("." in want or "e" in want) and abs(g - w) <= 1e-3 * max(1.0, abs(w))


class Program:
    """A speed benchmark: its name, source (prelude included) and what
    CPython says its result is."""

    def __init__(self, path):
        self.name = os.path.splitext(os.path.basename(path))[0]
        body = open(path).read()
        self.src = open(os.path.join(HERE, "prelude.py")).read() + body
        m = re.match(r"# v1: n/a \((.*)\)", body)
        self.v1_na = m.group(1) if m else None
        self.want = (fields(cpython(self.src), "@") or [None, "(CPython failed)"])[1]

    def source(self, repeat=1):
        return self.src.replace("REPEAT = 1", "REPEAT = %d" % repeat, 1)

    def result(self, out):
        """(microseconds, None) for a right result, else (None, why)."""
        f = fields(out, "@")
        if not f:
            return None, error_of(out)
        if not same(f[1], self.want):
            return None, "wrong result %s (CPython %s)" % (f[1], self.want)
        return int(f[0]), None


# ---- compile-time programs -------------------------------------------------

FIRST = "import utime\nprint('@', utime.ticks_us())\n"


def large(parts):
    """compile/large.py cut to its first `parts` parts."""
    text = open(os.path.join(HERE, "compile", "large.py")).read()
    pieces = text.split("# ---- ")
    return pieces[0] + "".join("# ---- " + p for p in pieces[1:1 + parts]) + "# ---- " + pieces[-1]


def nest_cond(depth):
    """`depth` conditional expressions, each the first operand of the next:
    the operand a compiler meets before the condition it must test first."""
    e = "x"
    for i in range(depth):
        e = "(%s if x > %d else %d)" % (e, i, i)
    return FIRST + "x = 7\nv = %s\nprint('=', v)\n" % e


def nest_brackets(depth):
    """`depth` nested lists, tuples and parentheses, as a call's argument."""
    e = "1"
    for i in range(depth):
        e = ["[%s]", "(%s,)", "(%s)"][i % 3] % e
    return FIRST + "def f(a):\n    return a\nv = f(%s)\nprint('=', len(repr(v)))\n" % e


def compile_programs():
    return [("large, 1st part (%d lines)" % large(1).count("\n"), large(1)),
            ("large, 2 parts (%d lines)" % large(2).count("\n"), large(2)),
            ("large, whole (%d lines)" % large(3).count("\n"), large(3)),
            ("5 nested if-else expressions", nest_cond(5)),
            ("20 nested if-else expressions", nest_cond(20)),
            ("6 nested brackets", nest_brackets(6)),
            ("30 nested brackets", nest_brackets(30))]


def compile_result(out, want):
    """(microseconds at the first statement, None) or (None, why)."""
    f, done = fields(out, "@"), fields(out, "=")
    if not f or not done:
        return None, error_of(out)
    if done != want:
        return None, "wrong result %s (CPython %s)" % (" ".join(done), " ".join(want))
    return int(f[0]), None


# ---- tables ------------------------------------------------------------------

def ms(us):
    return "%.1f" % (us / 1000.0)


def table(head, rows):
    """Columns: the first left-aligned, the others right-aligned."""
    widths = [max(len(str(r[i])) for r in [head] + rows) for i in range(len(head))]
    fmt = "  ".join("%-" + str(w) + "s" if i == 0 else "%" + str(w) + "s" for i, w in enumerate(widths))
    print(fmt % tuple(head))
    for r in rows:
        print(fmt % tuple(r))


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


# Running out of heap or C stack is a limit, shown in the tables; any
# other error, no output or a wrong result is a failure of pith.
LIMIT = re.compile(r"MemoryError|maximum recursion depth")


class Report:
    """The tables, and the failures on pith: `make bench` exits 1 when
    there are any."""

    def __init__(self):
        self.failures = []

    def fail(self, what):
        if not LIMIT.search(what):
            self.failures.append(what)

    def compare(self, head, rows, fmt, boards=("pith", "v1")):
        """Print rows of (name, (value, why not), (value, why not)) for the
        two boards, with their ratio; an error shows as its exception's
        name, its whole text below the table. Returns the ratios."""
        lines, notes, ratios = [], [], []
        for name, *cells in rows:
            line = [name]
            for board, (value, why) in zip(boards, cells):
                if why is None:
                    line.append(fmt(value))
                    continue
                if board != "v1":
                    self.fail("%s: %s" % (name, why))
                if why != "n/a":
                    notes.append("%s, %s: %s" % (board, name, why))
                m = re.match(r"(\w+Error)\b", why)
                line.append(m.group(1) if m else why if why == "n/a" else "FAILED")
            both = all(why is None for value, why in cells)
            if both:
                ratios.append(cells[0][0] / cells[1][0])
            lines.append(line + ["%.2f" % ratios[-1] if both else "-"])
        table(head + ["%s/%s" % boards], lines)
        for n in notes:
            print("  " + n)
        return ratios


def device_speed(progs, rep, pool):
    print("\n== Device speed: guest ms in QEMU -M microbit -icount shift=6 (64 ns per instruction)")
    jobs = [(p, pool.submit(qemu, PITH_HEX, p.source().encode()),
             None if p.v1_na else pool.submit(qemu, PEER, p.source().encode())) for p in progs]
    rows = [(p.name, p.result(ours.result()), (None, "n/a") if peer is None else p.result(peer.result()))
            for p, ours, peer in jobs]
    ratios = rep.compare(["benchmark", "pith ms", "v1 ms"], rows, ms)
    print("geometric mean of pith/v1 over %d benchmarks: %.2f, median %.2f   (goal: each <= 0.50)"
          % (len(ratios), geomean(ratios), sorted(ratios)[len(ratios) // 2] if ratios else float("nan")))
    for p in progs:
        if p.v1_na:
            print("  v1, %s: n/a, %s" % (p.name, p.v1_na))


def compile_time(rep, pool):
    print("\n== Compile time on the device: guest ms to compile main.py (clock at its first statement, less a one-line program's)")
    base = {hx: pool.submit(qemu, hx, FIRST.encode()) for hx in (PITH_HEX, PEER)}
    jobs = [(name, fields(cpython(src), "="), [pool.submit(qemu, hx, src.encode()) for hx in (PITH_HEX, PEER)])
            for name, src in compile_programs()]
    zero = [fields(base[hx].result(), "@") for hx in (PITH_HEX, PEER)]
    rows = []
    for name, want, futs in jobs:
        cells = []
        for z, fut in zip(zero, futs):
            t, why = compile_result(fut.result(), want)
            cells.append((t - int(z[0]), None) if why is None and z else (None, why or "no baseline"))
        rows.append((name, *cells))
    rep.compare(["program", "pith ms", "v1 ms"], rows, ms)


MEMORY_ROWS = [("instance", "instance of a 3-attribute class"),
               ("closure", "closure capturing one variable"),
               ("generator", "suspended 1-argument generator"),
               ("bigint", "big int (2**100 + i)"),
               ("list10", "list of 10 ints"),
               ("dict10", "dict of 10 int: int entries")]


def memory(rep, pool):
    print("\n== Memory on the device: heap bytes per object (gc.mem_free() over N kept in a list, its slot counted)")
    src = open(os.path.join(HERE, "memory.py"), "rb").read()
    runs = [pool.submit(qemu, hx, src) for hx in (PITH_HEX, PEER)]
    fresh = [pool.submit(qemu, hx, b"", "import gc; print(gc.mem_free())") for hx in (PITH_HEX, PEER)]
    out = [r.result() for r in runs]
    rows = []
    for key, label in MEMORY_ROWS:
        f = [fields(o, "@" + key) for o in out]
        rows.append((label, *[(int(x[0]) / 10.0, None) if x else (None, error_of(o)) for x, o in zip(f, out)]))
    rep.compare(["object", "pith B", "v1 B"], rows, lambda b: "%.1f" % b)
    print("goal: each pith/v1 <= 0.75")
    free = []
    for r in fresh:
        m = re.search(r"gc.mem_free\(\)\)\n(\d+)\n", r.result())
        free.append(m.group(1) if m else "failed")
    print("free heap at a fresh REPL (gc.mem_free()): pith %s, v1 %s bytes   (goal >= 12800, floor 12500)" % tuple(free))
    depth = [(fields(o, "@depth") or ["failed"])[0] for o in out]
    print("deepest recursion (nested calls of a 1-argument function): pith %s, v1 %s" % tuple(depth))
    if free[0] == "failed" or depth[0] == "failed":
        rep.fail("memory: free heap or recursion not measured")


def sizes():
    print("\n== Sizes")
    text = subprocess.run(["arm-none-eabi-size", PITH_ELF], capture_output=True, text=True).stdout.split("\n")[1].split()
    flash = int(text[0]) + int(text[1])
    print("pith micro:bit flash (text+data): %d bytes = %.1f KiB   (goal 160 KiB, limit 192 KiB)" % (flash, flash / 1024))
    peer = flash_bytes(PEER)
    print("MicroPython v1 firmware flash:    %d bytes = %.1f KiB" % (peer, peer / 1024))
    wasm = os.path.getsize(WASM)
    print("pith wasm: %d bytes = %.1f KB   (goal 160 KB, limit 256 KB)" % (wasm, wasm / 1000))


def page(rep):
    print("\n== Page: the playground in headless Chromium (tests/bench/page.js)")
    sys.stdout.flush()
    if subprocess.run(["node", os.path.join(HERE, "page.js")]).returncode:
        rep.fail("page: the playground did not reach its prompt")


def run_file(cmd, src):
    with tempfile.NamedTemporaryFile("w", suffix=".py") as f:
        f.write(src)
        f.flush()
        r = subprocess.run(cmd + [f.name], capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
        return r.stdout + r.stderr


def host_speed(progs, rep):
    print("\n== Host: wall-clock ms per run (best of %d) on this machine: the host build (gcc -O2, 32-bit)"
          " and the wasm build under Node" % HOST_REPEAT)
    rows = [(p.name, *[p.result(run_file(cmd, p.source(HOST_REPEAT))) for cmd in (["node", NODE_BOARD], [HOST])])
            for p in progs]
    ratios = rep.compare(["benchmark", "wasm ms", "host ms"], rows, lambda us: "%.3f" % (us / 1000.0), ("wasm", "host"))
    print("geometric mean of wasm/host: %.2f   (goal <= 1.5)" % geomean(ratios))
    print("snek: Debian's snek 1.9 has no host build (only board firmware and a QEMU image,"
          " whose clock is the host's wall clock in 10 ms steps): no figure")


def check(progs):
    """The programs' results on the host build and CPython agree (a pith
    that runs out of heap or C stack on one is counted as skipped)."""
    counts = {"ok": 0, "failed": 0, "skipped": 0}
    runs = [(p.name, lambda p=p: p.result(run_file([HOST], p.source()))) for p in progs]
    runs += [(name, lambda src=src: compile_result(run_file([HOST], src), fields(cpython(src), "=")))
             for name, src in compile_programs()]
    for name, go in runs:
        t, why = go()
        verdict = "ok" if not why else "skipped" if LIMIT.search(why) else "failed"
        counts[verdict] += 1
        print("%-30s %s" % (name, verdict + ("" if not why else ": " + why)))
    print("%(ok)d passed, %(failed)d failed, %(skipped)d skipped" % counts)
    return 1 if counts["failed"] else 0


def main():
    args = sys.argv[1:]
    only = args[args.index("--only") + 1] if "--only" in args else ""
    files = sorted(glob.glob(os.path.join(HERE, "speed", "*.py")))
    if sorted(SPEED) != sorted(os.path.basename(f)[:-3] for f in files):
        sys.exit("run.py: SPEED does not list speed/*.py")
    progs = [Program(os.path.join(HERE, "speed", name + ".py")) for name in SPEED if only in name]
    if "--check" in args:
        return check(progs)
    rep = Report()
    print("make bench, %s (pith %s)" % (time.strftime("%Y-%m-%d"), subprocess.run(
        ["git", "-C", ROOT, "describe", "--always", "--dirty"], capture_output=True, text=True).stdout.strip()))
    with ThreadPoolExecutor(JOBS) as pool:
        device_speed(progs, rep, pool)
        if not only:
            compile_time(rep, pool)
            memory(rep, pool)
    sizes()
    host_speed(progs, rep)
    if not only:
        page(rep)
    if rep.failures:
        print("\nFAILED on pith:\n  " + "\n  ".join(rep.failures))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
