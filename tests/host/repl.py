#!/usr/bin/env python3
"""tests/host/repl.py BINARY — the host REPL on a real terminal (a pty):
prompts, auto-continuation after ':', Ctrl-C stopping a running loop with
KeyboardInterrupt, the REPL still working afterwards, Ctrl-D leaving."""
import os
import pty
import select
import sys
import time


def main():
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(sys.argv[1], [sys.argv[1]])
    seen = b""

    def expect(want, timeout=10):
        nonlocal seen
        deadline = time.monotonic() + timeout
        while want not in seen:
            left = deadline - time.monotonic()
            if left <= 0:
                sys.exit("FAIL host repl: waited for %r, got %r" % (want, seen))
            if select.select([fd], [], [], left)[0]:
                try:
                    seen += os.read(fd, 4096)
                except OSError:
                    break
        if want not in seen:
            sys.exit("FAIL host repl: waited for %r, got %r" % (want, seen))
        seen = seen[seen.index(want) + len(want):]

    expect(b">>> ")
    os.write(fd, b"1 + 1\r")
    expect(b"2\r\n>>> ")
    os.write(fd, b"for i in range(2):\r")
    expect(b"... ")
    # auto-indent, as on MicroPython: Enter on empty lines until the block ends
    os.write(fd, b"print(i * 10)\r\r\r\r")
    expect(b"0\r\n10\r\n>>> ")
    os.write(fd, b"while True: pass\r\r\r\r")
    time.sleep(0.5)
    os.write(fd, b"\x03")
    expect(b"line 1, in <module>\r\nKeyboardInterrupt: \r\n>>> ")
    os.write(fd, b"print('still here')\r")
    expect(b"still here\r\n>>> ")
    os.write(fd, b"\x04")
    _, status = os.waitpid(pid, 0)
    if status != 0:
        sys.exit("FAIL host repl: exit status %d after Ctrl-D" % status)
    print("ok   host repl")


main()
