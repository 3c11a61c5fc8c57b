"""tests/device/tool.py — the host side of mpremote and pyboard.py, byte for
byte: entering the raw REPL (with its soft reset), raw-paste with the
window flow control, exec/eval, and the device-side Python that today's
mpremote sends for `fs ls/cat/cp/rm/rm -r/touch/tree/sha256sum/mkdir`,
`df`, `edit`, `mount` and `soft-reset` (its tools/mpremote/mpremote/
transport.py, transport_serial.py, commands.py and main.py) and what
tools/pyboard.py sends for `-f ls/cp/cat/rm/touch`. Those tools cannot be
installed on this project's machines; this file follows their published
sources step for step, errors included (mpremote turns a device's
"OSError: 2" into FileNotFoundError, and treats anything else as a
failure). A Tool drives any board of tests/device/run.py (QEMU's serial
port, or the host build's REPL on a pty)."""
import ast
import hashlib
import os
import re
import select
import time


class ToolError(Exception):
    """What mpremote reports as a TransportError or TransportExecError."""


class ToolOSError(OSError):
    """An error mpremote converted to an OSError (its FileNotFoundError...)."""


# mpremote's mp_errno.py: MicroPython's errno numbers, the ones seen here.
MP_ERRNO = {1: "EPERM", 2: "ENOENT", 9: "EBADF", 17: "EEXIST", 20: "ENOTDIR", 21: "EISDIR",
            22: "EINVAL", 28: "ENOSPC", 95: "EOPNOTSUPP"}


def quote(path):
    return repr(path)


def remote_join(a, b):
    """commands.py's _remote_path_join."""
    return (a or "./").rstrip("/") + "/" + b.strip("/")


def convert_filesystem_error(error_output):
    """transport.py's _convert_filesystem_error: an OSError when the
    traceback names an errno (by name, or as the number alone)."""
    if "OSError" in error_output:
        for name in MP_ERRNO.values():
            if name in error_output:
                return ToolOSError(name)
        m = re.match(r"OSError: (\d+)$", error_output.splitlines()[-1])
        if m and int(m.group(1)) in MP_ERRNO:
            return ToolOSError(MP_ERRNO[int(m.group(1))])
    return ToolError(error_output)


class Tool:
    def __init__(self, board):
        self.b = board

    # ---- the serial port, as pyserial's read(n) / inWaiting() ----
    def _poll(self, timeout):
        ready, _, _ = select.select([self.b.fileno()], [], [], timeout)
        if ready:
            try:
                data = os.read(self.b.fileno(), 4096)
            except OSError:
                data = b""
            if not data:
                raise ToolError("the board went away; got %r" % self.b.seen)
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

    def fs_exec(self, command):
        """exec as the fs commands do it: errors through convert_filesystem_error."""
        out, err = self.exec_raw(command)
        if err:
            raise convert_filesystem_error(err.decode(errors="replace"))
        return out

    # ---- transport.py: the fs commands ----
    def fs_listdir(self, src=""):
        out = self.fs_exec("import os\nfor f in os.ilistdir(%s):\n print(repr(f), end=',')"
                           % (quote(src) if src else ""))
        return [f if len(f) == 4 else f + (0,) for f in ast.literal_eval("[" + out.decode() + "]")]

    def fs_stat(self, src):
        self.fs_exec("import os")
        out = self.fs_exec("print(repr(os.stat(%s)))" % quote(src))
        return ast.literal_eval(out.strip().decode())

    def fs_exists(self, src):
        try:
            self.fs_stat(src)
            return True
        except ToolOSError:
            return False

    def fs_isdir(self, src):
        try:
            return (self.fs_stat(src)[0] & 0x4000) != 0
        except ToolOSError:
            return False

    def fs_printfile(self, src, chunk_size=256):
        return self.fs_exec("with open(%s) as f:\n while 1:\n  b=f.read(%u)\n  if not b:break\n  print(b,end='')"
                            % (quote(src), chunk_size))

    def fs_readfile(self, src, chunk_size=256):
        contents = bytearray()
        self.fs_exec("f=open(%s,'rb')\nr=f.read" % quote(src))
        while True:
            chunk = ast.literal_eval(self.fs_exec("print(repr(r({})))".format(chunk_size)).strip().decode())
            if not chunk:
                break
            contents.extend(chunk)
        self.fs_exec("f.close()")
        return bytes(contents)

    def fs_writefile(self, dest, data, chunk_size=256):
        self.fs_exec("f=open(%s,'wb')\nw=f.write" % quote(dest))
        while data:
            chunk = data[:chunk_size]
            self.fs_exec("w(" + repr(chunk) + ")")
            data = data[len(chunk):]
        self.fs_exec("f.close()")

    def fs_mkdir(self, path):
        self.fs_exec("import os\nos.mkdir(%s)" % quote(path))

    def fs_rmfile(self, path):
        self.fs_exec("import os\nos.remove(%s)" % quote(path))

    def fs_touchfile(self, path):
        self.fs_exec("f=open(%s,'a')\nf.close()" % quote(path))

    def fs_hashfile(self, path, algo="sha256", chunk_size=256):
        try:
            self.exec("import hashlib\nh = hashlib.{algo}()".format(algo=algo))
        except ToolError:
            # no hashlib on the board: mpremote reads the file and hashes it itself
            return getattr(hashlib, algo)(self.fs_readfile(path, chunk_size)).digest()
        raise ToolError("the board has hashlib now: follow mpremote's other branch")

    # ---- commands.py ----
    def cp_to(self, name, data, dest=":", check_hash=True):
        """`mpremote fs cp LOCAL :` / `:NAME` (without -f: an unchanged file is skipped)."""
        dest_no_slash = dest.rstrip("/")
        dest_exists = self.fs_exists(dest_no_slash[1:])
        dest_isdir = dest_exists and self.fs_isdir(dest_no_slash[1:])
        if dest_isdir:
            dest = ":" + remote_join(dest_no_slash[1:], name)
        if check_hash:
            try:
                if self.fs_hashfile(dest[1:]) == hashlib.sha256(data).digest():
                    return "Up to date: " + dest[1:]
            except ToolOSError:
                pass
        self.fs_writefile(dest[1:], data)
        return None

    def cp_from(self, src):
        """`mpremote fs cp :NAME LOCAL`."""
        return self.fs_readfile(src[1:])

    def rm_recursive(self, path):
        """`mpremote fs rm -r :PATH`."""
        if self.fs_isdir(path):
            for entry in self.fs_listdir(path):
                self.rm_recursive(remote_join(path, entry[0]))
            if path:
                self.fs_exec("import os\nos.rmdir(%s)" % quote(path))
        else:
            self.fs_rmfile(path)

    def tree(self):
        """`mpremote fs tree`: the current directory, then its entries."""
        path = self.exec("import os;print(os.getcwd())").strip().decode()
        if not (path == "." or self.fs_isdir(path)):
            raise ToolError("tree: '%s' is not a directory" % path)
        return path, sorted(e[0] for e in self.fs_listdir(path))

    def df(self):
        """`mpremote df`, as main.py's expansion sends it."""
        return self.exec("import os\nprint('mount \\tsize \\tused \\tavail \\tuse%')\n"
                         "for _m in [''] + os.listdir('/'):\n _s = os.stat('/' + _m)\n"
                         " if not _s[0] & 1 << 14: continue\n _s = os.statvfs(_m)\n if _s[0]:\n"
                         "  _size = _s[0] * _s[2]; _free = _s[0] * _s[3]; "
                         "print(_m, _size, _size - _free, _free, int(100 * (_size - _free) / _size), sep='\\t')")

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

    def pb_cat(self, src, chunk_size=256):
        return self.exec("with open('%s') as f:\n while 1:\n  b=f.read(%u)\n  if not b:break\n  print(b,end='')"
                         % (src, chunk_size))
