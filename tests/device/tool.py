"""tests/device/tool.py — the host side of mpremote and pyboard.py, byte for
byte: entering the raw REPL (with its soft reset), raw-paste with the
window flow control, exec/eval, and the device-side Python that
`mpremote fs ls/cp/cat/rm/touch`, `run`, `df` and `soft-reset` send, as
published in MicroPython's tools/mpremote/mpremote/transport.py and
transport_serial.py (those tools cannot be installed here). A Tool drives
a tests/device/run.py Board (QEMU's serial port)."""
import ast
import os
import select
import time


class ToolError(Exception):
    """What mpremote reports as a TransportError or TransportExecError."""


def quote(path):
    return repr(path)


class Tool:
    def __init__(self, board):
        self.b = board

    # ---- the serial port, as pyserial's read(n) / inWaiting() ----
    def _poll(self, timeout):
        ready, _, _ = select.select([self.b.proc.stdout], [], [], timeout)
        if ready:
            data = os.read(self.b.proc.stdout.fileno(), 4096)
            if not data:
                raise ToolError("QEMU exited; got %r" % self.b.seen)
            self.b.seen += data

    def in_waiting(self):
        self._poll(0)
        return len(self.b.seen)

    def read(self, n, timeout=10):
        deadline = time.monotonic() + timeout
        while len(self.b.seen) < n and time.monotonic() < deadline:
            self._poll(deadline - time.monotonic())
        got, self.b.seen = self.b.seen[:n], self.b.seen[n:]
        return got

    def read_until(self, ending, timeout=10):
        try:
            return self.b.expect(ending, timeout)
        except Exception as e:  # the Board's Failed: report as mpremote would
            raise ToolError("timeout waiting for %r: %s" % (ending, e))

    # ---- transport_serial.py ----
    def enter_raw_repl(self, soft_reset=True):
        self.b.send(b"\r\x03")  # interrupt any running program
        self._poll(0.2)
        self.b.seen = b""        # flush input
        self.b.send(b"\r\x01")
        if soft_reset:
            self.read_until(b"raw REPL; CTRL-B to exit\r\n>")
            self.b.send(b"\x04")
            self.read_until(b"soft reboot\r\n")
        self.read_until(b"raw REPL; CTRL-B to exit\r\n")

    def exit_raw_repl(self):
        self.b.send(b"\r\x02")

    def raw_paste_write(self, data):
        window = int.from_bytes(self.read(2), "little")
        remain = window
        i = 0
        while i < len(data):
            while remain == 0 or self.in_waiting():
                c = self.read(1)
                if c == b"\x01":
                    remain += window
                elif c == b"\x04":
                    self.b.send(b"\x04")
                    return
                else:
                    raise ToolError("unexpected read during raw paste: %r" % c)
            chunk = data[i:min(i + remain, len(data))]
            self.b.send(chunk)
            remain -= len(chunk)
            i += len(chunk)
        self.b.send(b"\x04")
        if not self.read_until(b"\x04").endswith(b"\x04"):
            raise ToolError("could not complete raw paste")

    def exec_raw(self, command, timeout=10):
        data = command.encode() if isinstance(command, str) else command
        self.read_until(b">")
        self.b.send(b"\x05A\x01")
        if self.read(2) != b"R\x01":
            raise ToolError("raw paste refused")
        self.raw_paste_write(data)
        out = self.read_until(b"\x04", timeout)[:-1]
        err = self.read_until(b"\x04", timeout)[:-1]
        return out, err

    def exec(self, command, timeout=10):
        out, err = self.exec_raw(command, timeout)
        if err:
            raise ToolError(err.decode(errors="replace"))
        return out

    def eval(self, expression):
        return ast.literal_eval(self.exec("print(repr({}))".format(expression)).strip().decode())

    # ---- transport.py: the fs commands ----
    def fs_listdir(self, src=""):
        out = self.exec("import os\nfor f in os.ilistdir(%s):\n print(repr(f), end=',')"
                        % (quote(src) if src else ""))
        return [f if len(f) == 4 else f + (0,) for f in ast.literal_eval("[" + out.decode() + "]")]

    def fs_stat(self, src):
        self.exec("import os")
        return self.eval("os.stat(%s)" % quote(src))

    def fs_exists(self, src):
        try:
            self.fs_stat(src)
            return True
        except ToolError as e:
            # mpremote turns "OSError: 2" (or "ENOENT") into an OSError
            if "OSError: 2" in str(e) or "ENOENT" in str(e):
                return False
            raise

    def fs_isdir(self, src):
        return self.fs_exists(src) and (self.fs_stat(src)[0] & 0x4000) != 0

    def fs_printfile(self, src, chunk_size=256):
        return self.exec("with open(%s) as f:\n while 1:\n  b=f.read(%u)\n  if not b:break\n  print(b,end='')"
                         % (quote(src), chunk_size))

    def fs_readfile(self, src, chunk_size=256):
        contents = bytearray()
        self.exec("f=open(%s,'rb')\nr=f.read" % quote(src))
        while True:
            chunk = self.eval("r({})".format(chunk_size))
            if not chunk:
                break
            contents.extend(chunk)
        self.exec("f.close()")
        return bytes(contents)

    def fs_writefile(self, dest, data, chunk_size=256):
        self.exec("f=open(%s,'wb')\nw=f.write" % quote(dest))
        while data:
            chunk = data[:chunk_size]
            self.exec("w(" + repr(chunk) + ")")
            data = data[len(chunk):]
        self.exec("f.close()")

    def fs_rmfile(self, path):
        self.exec("import os\nos.remove(%s)" % quote(path))

    def fs_touchfile(self, path):
        self.exec("f=open(%s,'a')\nf.close()" % quote(path))

    # ---- commands.py: `fs cp LOCAL :` and `fs cp LOCAL :NAME` ----
    def cp_to(self, name, data, dest=":"):
        dest_isdir = self.fs_isdir(dest[1:])
        path = ("./" + name) if dest_isdir else dest[1:]
        self.fs_writefile(path, data)

    # ---- tools/pyboard.py -f: its own device-side code ----
    def pb_ls(self, src=""):
        return self.exec("import uos\nfor f in uos.ilistdir(%s):\n"
                         " print('{:12} {}{}'.format(f[3]if len(f)>3 else 0,f[0],'/'if f[1]&0x4000 else ''))"
                         % (("'%s'" % src) if src else ""))

    def pb_get(self, src, chunk_size=256):
        size = int(self.exec("import os\nprint(os.stat('%s')[6])" % src))
        self.exec("f=open('%s','rb')\nr=f.read" % src)
        contents = bytearray()
        while True:
            data = ast.literal_eval(self.exec("print(r(%u))" % chunk_size).rstrip(b"\r\n").decode("ascii"))
            if not data:
                break
            contents.extend(data)
        self.exec("f.close()")
        if len(contents) != size:
            raise ToolError("pyboard.py get: %d bytes, os.stat said %d" % (len(contents), size))
        return bytes(contents)

    def pb_put(self, dest, data, chunk_size=256):
        self.exec("f=open('%s','wb')\nw=f.write" % dest)
        for at in range(0, len(data), chunk_size):
            self.exec("w(" + repr(data[at:at + chunk_size]) + ")")
        self.exec("f.close()")

    def pb_rm(self, src):
        self.exec("import uos\nuos.remove('%s')" % src)

    # `mpremote df`
    def df(self):
        self.exec("import os")
        return self.eval("os.statvfs('/')")
