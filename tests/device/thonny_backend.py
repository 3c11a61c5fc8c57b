#!/usr/bin/python3
"""tests/device/thonny_backend.py FIRMWARE.hex HOST_PITH — Thonny 4.0.1's own
MicroPython back end (Debian's `thonny` package, unmodified) driving pith,
as Thonny's window would: the micro:bit build in QEMU over a serial pty,
with the "MicroPython (BBC micro:bit)" back end and settings (paste mode,
128-byte blocks) and with the generic one (raw-paste); and the host
build's REPL on a pty with the generic one.

The back end is the separate process Thonny starts (no window needed); this
script stands in for the window: it sends the commands the window sends
(thonny.common's messages, one per line on the back end's stdin) and reads
the events and responses the window reads. Each session: connect (Thonny
interrupts the board, enters the raw REPL, soft-reboots it and defines its
`__thonny_helper` class), list the files, upload two files, download one,
open and save a file in the editor, Run a program (after Thonny's soft
reboot) that defines a class, imports the uploaded module and takes most of
the heap, evaluate an expression in the shell, show the globals, stop a
busy loop with the Stop button's interrupt, delete a file, and report the
filesystem's size.

Needs /usr/bin/python3 with Debian's thonny (`make deps` installs it).
Prints `ok NAME` or `FAIL NAME: why`; exits 1 when a check failed."""
import os
import pty
import queue
import re
import select
import subprocess
import sys
import tempfile
import threading
import time
import tty

import run  # tests/device/run.py: its HostBoard
import thonny
from thonny.common import (ImmediateCommand, InlineCommand, InlineResponse, ToplevelCommand, ToplevelResponse,
                           parse_message, serialize_message)

THONNY = os.path.dirname(thonny.__file__)
MICROBIT_BACKEND = os.path.join(THONNY, "plugins", "microbit", "microbit_back.py")
GENERIC_BACKEND = os.path.join(THONNY, "plugins", "micropython", "bare_metal_backend.py")


class Failed(Exception):
    pass


# ---- boards on a pty, which the back end opens as its serial port ----

class QemuBoard:
    """The micro:bit build in QEMU, its UART on a pty."""

    def __init__(self, flash):
        self.proc = subprocess.Popen(
            ["qemu-system-arm", "-M", "microbit", "-kernel", flash, "-nographic",
             "-serial", "pty", "-monitor", "none", "-icount", "shift=0"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        line = b""
        while b"char device redirected to" not in line:
            line = self.proc.stdout.readline()
            if not line:
                raise Failed("QEMU gave no pty")
        self.port = re.search(rb"(/dev/pts/\d+)", line).group(1).decode()

    def close(self):
        self.proc.kill()
        self.proc.wait()


class HostBoard:
    """The host build's REPL on a pty of its own (its terminal: Ctrl-C is a
    signal there), bridged to a second pty that the back end opens."""

    def __init__(self, pith, flash):
        self.repl = run.HostBoard(pith, flash)
        self.term = self.repl.fileno()
        self.master, self.slave = pty.openpty()
        tty.setraw(self.slave)
        self.port = os.ttyname(self.slave)
        self.bridge = threading.Thread(target=self._bridge, daemon=True)
        self.bridge.start()

    def _bridge(self):
        ends = {self.term: self.master, self.master: self.term}
        try:
            while True:
                for fd in select.select(list(ends), [], [])[0]:
                    data = os.read(fd, 4096)
                    if not data:
                        return
                    os.write(ends[fd], data)
        except OSError:
            return

    def close(self):
        self.repl.close()
        for fd in (self.master, self.slave):
            os.close(fd)


# ---- the back end, driven as Thonny's window drives it ----

class Backend:
    def __init__(self, launcher, args, user_dir):
        os.makedirs(user_dir, exist_ok=True)  # the window makes Thonny's user directory
        env = dict(os.environ, THONNY_DEBUG="1", THONNY_USER_DIR=user_dir, PYTHONIOENCODING="utf-8", PYTHONUNBUFFERED="1")
        self.proc = subprocess.Popen(["/usr/bin/python3", "-u", "-B", launcher, repr(args)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     env=env, universal_newlines=True, encoding="utf-8")
        self.messages = queue.Queue()
        self.stderr = []
        self.log = os.path.join(user_dir, "backend.log")
        threading.Thread(target=self._listen, daemon=True).start()
        threading.Thread(target=lambda: self.stderr.extend(self.proc.stderr), daemon=True).start()
        self.next_id = 0

    def _listen(self):
        for line in self.proc.stdout:
            if line.startswith("\x02"):
                n = int(line[1:].split(" ", 1)[0])
                for _ in range(n - 1):
                    line += self.proc.stdout.readline()
                self.messages.put(parse_message(line))
        self.messages.put(None)

    def close(self):
        self.proc.kill()
        self.proc.wait()

    def send(self, cmd):
        if "id" not in cmd and not isinstance(cmd, ImmediateCommand):
            self.next_id += 1
            cmd["id"] = "cmd%d" % self.next_id
        self.proc.stdin.write(serialize_message(cmd) + "\n")
        self.proc.stdin.flush()
        return cmd.get("id")

    def why(self):
        tail = ""
        if os.path.exists(self.log):
            with open(self.log, errors="replace") as f:
                tail = "".join(f.readlines()[-60:])
        return "back end stderr: %r\nbackend.log:\n%s" % ("".join(self.stderr)[-2000:], tail)

    def wait(self, accept, timeout=60):
        """Messages until accept(msg) is true: (that message, the program
        output seen meanwhile as {'stdout': str, 'stderr': str})."""
        output = {"stdout": "", "stderr": ""}
        deadline = time.monotonic() + timeout
        while True:
            try:
                msg = self.messages.get(timeout=max(0, deadline - time.monotonic()))
            except queue.Empty:
                raise Failed("timed out; output so far %r\n%s" % (output, self.why()))
            if msg is None:
                raise Failed("the back end exited; output %r\n%s" % (output, self.why()))
            if msg.get("event_type") == "ProgramOutput":
                output[msg["stream_name"]] += msg["data"]
            if accept(msg):
                return msg, output

    def toplevel(self, cmd, timeout=60):
        self.send(cmd)
        return self.wait(lambda m: isinstance(m, ToplevelResponse), timeout)

    def inline(self, cmd, timeout=60):
        cid = self.send(cmd)
        msg, output = self.wait(lambda m: isinstance(m, InlineResponse) and m.get("command_id") == cid,
                                timeout)
        if msg.get("error") or msg.get("errors"):
            raise Failed("%s: %r\n%s" % (cmd.name, msg.get("error") or msg.get("errors"), self.why()))
        return msg


# ---- one session, as a user meets it ----

HELPER = b"X = 42\ndef greet(name):\n    return 'hello ' + name\n"
# A binary file. The micro:bit back end sends it in two 512-byte blocks as
# bytes literals. The generic one (the host) sends 1024-byte blocks as hex
# lines, which pith's heap does not hold once Thonny's helper has split it
# (about 8.5 KB free, no piece over 2.4 KB; a 1000-digit line needs the
# source, the lexer's buffer and the bytes, about 3 KB): README says so,
# and the host's file is 200 bytes, one 400-digit line.
MICROBIT_DATA = bytes(range(256)) * 2 + b"tail"
DATA = {"microbit": MICROBIT_DATA, "microbit-generic": MICROBIT_DATA, "host": bytes(range(200))}
PROGRAM = """import helper
class Counter:
    def __init__(self):
        self.n = 0
    def bump(self):
        self.n += 1
        return self.n
c = Counter()
for i in range(3):
    print(helper.greet('thonny'), c.bump())
big = bytearray(8000)
del big
"""
LOOP = "import time\ni = 0\nwhile True:\n    i += 1\n    if i % 500 == 0:\n        print('tick', i)\n"


def session(backend, tmp, root, data):
    """The user's session; `root` is the directory Thonny lists: "" when it
    takes the board for MicroPython on a micro:bit (files without
    directories), "/" otherwise."""
    ready, _ = backend.wait(lambda m: isinstance(m, ToplevelResponse) and "welcome_text" in m, 90)
    if "pith" not in ready["welcome_text"] or ready["cwd"] != root:
        raise Failed("welcome text %r, current directory %r" % (ready["welcome_text"], ready["cwd"]))
    sep = "/" if root else ""

    def listing():
        msg = backend.inline(InlineCommand("get_dirs_children_info", node_id="n", paths=[root],
                                           include_hidden=False))
        return {name: info["size"] for name, info in msg["data"][root].items()}

    if listing() != {}:
        raise Failed("a fresh board lists %r" % listing())

    # upload two files from the computer (the Files view's "Upload to /")
    local = {}
    for name, data in (("helper.py", HELPER), ("data.bin", data)):
        local[name] = os.path.join(tmp, name)
        with open(local[name], "wb") as f:
            f.write(data)
    targets = [sep + "helper.py", sep + "data.bin"]
    backend.inline(InlineCommand("prepare_upload", target_paths=targets, description="Uploading"))
    backend.inline(InlineCommand("upload", make_shebang_scripts_executable=False, items=[
        {"kind": "file", "size": os.path.getsize(local[t.lstrip("/")]), "source_path": local[t.lstrip("/")],
         "target_path": t} for t in targets]))
    if listing() != {"helper.py": len(HELPER), "data.bin": len(data)}:
        raise Failed("after upload the board lists %r" % listing())

    # download one back
    prep = backend.inline(InlineCommand("prepare_download", source_paths=[sep + "data.bin"], description="Down"))
    items = prep["all_items"]
    back = os.path.join(tmp, "back.bin")
    backend.inline(InlineCommand("download", items=[
        {"kind": i["kind"], "size": i["size"], "source_path": p, "target_path": back} for p, i in items.items()]))
    with open(back, "rb") as f:
        if f.read() != data:
            raise Failed("the downloaded file differs")

    # open a file from the board in the editor, save it back changed
    got = backend.inline(InlineCommand("read_file", path=sep + "helper.py", description="Loading"))
    if got["content_bytes"] != HELPER:
        raise Failed("read_file gave %r" % got["content_bytes"])
    backend.inline(InlineCommand("write_file", path=sep + "helper.py", content_bytes=HELPER + b"Y = 1\n",
                                 editor_id=1, blocking=True, description="Saving",
                                 make_shebang_scripts_executable=False))
    if listing()["helper.py"] != len(HELPER) + 6:
        raise Failed("after saving the board lists %r" % listing())

    # Run (F5) a program from the editor: a class, the uploaded module, and
    # most of the heap (Run soft-reboots first: Thonny's helper is gone)
    resp, out = backend.toplevel(ToplevelCommand("Run", args=["-c"], source=PROGRAM, tty_mode=True))
    want = "hello thonny 1\nhello thonny 2\nhello thonny 3\n"
    if out["stdout"].replace("\r\n", "\n") != want or out["stderr"]:
        raise Failed("Run printed %r" % out)

    # a value typed in the shell
    resp, out = backend.toplevel(ToplevelCommand("execute_source", source="c.n * 10\n", tty_mode=True))
    if not re.fullmatch(r"\[object_link_for_thonny=\d+\]30\[/object_link_for_thonny\]\s*", out["stdout"]):
        raise Failed("the shell showed %r" % out)

    # the Variables view
    msg = backend.inline(InlineCommand("get_globals", module_name="__main__"))
    if msg["globals"]["c"].repr.split(" ")[0] not in ("<Counter", "<__main__.Counter") or \
            msg["globals"]["i"].repr != "2":
        raise Failed("globals %r" % msg["globals"])

    # Run a busy loop, then the Stop button's interrupt (Ctrl-C)
    backend.send(ToplevelCommand("Run", args=["-c"], source=LOOP, tty_mode=True))
    backend.wait(lambda m: m.get("event_type") == "ProgramOutput" and "tick" in m["data"], 60)
    backend.send(ImmediateCommand("interrupt"))
    resp, out = backend.wait(lambda m: isinstance(m, ToplevelResponse), 30)
    if "KeyboardInterrupt" not in out["stderr"]:
        raise Failed("interrupt gave %r" % out)
    resp, out = backend.toplevel(ToplevelCommand("execute_source", source="print(i > 0)\n", tty_mode=True))
    if out["stdout"].strip() != "True":
        raise Failed("after the interrupt the shell printed %r" % out)

    # delete a file, and the filesystem's size (the Files view's "Storage space")
    backend.inline(InlineCommand("delete", paths=[sep + "data.bin"], description="Deleting"))
    if listing() != {"helper.py": len(HELPER) + 6}:
        raise Failed("after delete the board lists %r" % listing())
    info = backend.inline(InlineCommand("get_fs_info", path=root))
    if not info.get("used"):
        raise Failed("fs info %r" % info)
    return info


def run_check(name, board_fn, launcher, args, root):
    with tempfile.TemporaryDirectory() as tmp:
        board = backend = None
        try:
            board = board_fn(tmp)
            args = dict(args, port=board.port)
            backend = Backend(launcher, args, os.path.join(tmp, "user"))
            session(backend, tmp, root, DATA[name])
            print("ok   thonny %s" % name)
            return True
        except Failed as e:
            print("FAIL thonny %s: %s" % (name, e))
            return False
        finally:
            if backend:
                backend.close()
            if board:
                board.close()


# What Thonny's window passes for each interpreter (its defaults).
MICROBIT_ARGS = {"clean": False, "dtr": None, "rts": None, "submit_mode": "paste",
                 "interrupt_on_connect": True, "write_block_size": 128, "write_block_delay": None,
                 "proxy_class": "MicrobitProxy", "sync_time": False, "validate_time": False, "local_rtc": True}
GENERIC_ARGS = {"clean": False, "dtr": None, "rts": None, "submit_mode": None,
                "interrupt_on_connect": True, "write_block_size": None, "write_block_delay": None,
                "proxy_class": "GenericBareMetalMicroPythonProxy", "sync_time": True, "validate_time": False,
                "local_rtc": True}


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: tests/device/thonny_backend.py FIRMWARE.hex HOST_PITH")
    firmware, pith = sys.argv[1], sys.argv[2]
    only = os.environ.get("PITH_DEVICE_ONLY")
    ok = True

    def qemu(tmp):
        flash = os.path.join(tmp, "flash.bin")
        subprocess.run(["arm-none-eabi-objcopy", "-I", "ihex", "-O", "binary", "--gap-fill", "0xff",
                        firmware, flash], check=True)
        return QemuBoard(flash)

    def host(tmp):
        return HostBoard(pith, os.path.join(tmp, "flash.img"))

    # the generic back end too knows a micro:bit by its banner, and uses
    # its micro:bit ways (no directories, 512-byte blocks) there
    for name, board_fn, launcher, args, root in (("microbit", qemu, MICROBIT_BACKEND, MICROBIT_ARGS, ""),
                                                 ("microbit-generic", qemu, GENERIC_BACKEND, GENERIC_ARGS, ""),
                                                 ("host", host, GENERIC_BACKEND, GENERIC_ARGS, "/")):
        if not only or only in name:
            ok &= run_check(name, board_fn, launcher, args, root)
    sys.exit(0 if ok else 1)


main()
