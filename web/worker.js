// worker.js — runs pith in a Web Worker. The wasm never returns to this
// worker's event loop once started: everything from the page arrives
// through the shared hardware (hw.js), and output leaves by postMessage.
//
// Run request: the page puts the editor's file in the shared request area
// and latches an interrupt; the next hal_getchar or hal_interrupted throws
// UNWIND, which unwinds the C stack back to the loop below. The loop then
// soft-resets the interpreter, saves the file and runs main.py.
//
// File requests (the Files panel) do not stop the program: the worker
// serves them where the VM polls (hal_getchar, hal_interrupted, sleeps),
// never inside a filesystem call, by calling back into the wasm.
//
// Flash: the page's shared copy is the master. The worker copies it in
// before the interpreter starts, and every write comes back out through
// board.flash.
import {
  Hw, CMD, CMD_FS, CMD_RUN, FLAG, INTCHAR, IN_HEAD, IN_TAIL, IN_SIZE, BUTTON_A, HEAP_USED, HEAP_FREE,
  OUT_ACK, SCRIPT_LEN, SEED, SIGNAL, TEMP, FLASH_BYTES, FLASH_GEN, NAME_LEN, NAME2_LEN, FS_OP, FS_RESULT,
  FS_PUT, FS_REMOVE, FS_RENAME, FS_FORMAT, FS_SEQ, WORKER,
} from './hw.js';

const PITH_SOFT_REBOOT = 3;
const UNWIND = { unwind: 'run requested' };
const OUT_CHUNK = 4096;
const OUT_WINDOW = 1 << 13; // bytes posted but not yet drawn before we wait

let hw;
let me = 0;      // this worker's number (hw WORKER)
let pith = null; // the module, once instantiated
let resetting = false; // microbit.reset(): run main.py again, saving nothing
let intChar = -1;
const out = new Uint8Array(OUT_CHUNK);
let outLen = 0;
let outSent = 0;
const t0 = performance.now();

function flush() {
  if (!outLen) return;
  postMessage({ t: 'out', data: out.slice(0, outLen) });
  outSent += outLen;
  outLen = 0;
  // Flow control: a program printing in a loop must not flood the page.
  // Waiting stops early when Stop is pressed so the VM sees the interrupt.
  while (outSent - hw.get(OUT_ACK) > OUT_WINDOW && !hw.get(FLAG))
    Atomics.wait(hw.i32, OUT_ACK, hw.get(OUT_ACK), 20);
}

// A worker being replaced waits here for terminate() to end it, touching
// nothing shared.
function stepAside() {
  if (hw.get(WORKER) === me) return;
  const never = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(never, 0, 0);
}

// The request in the shared area, copied into the wasm's request buffer:
// [buf, nameLen, name2Len, dataLen].
function takeRequest() {
  const nameLen = hw.get(NAME_LEN);
  const name2Len = hw.get(NAME2_LEN);
  const len = hw.get(SCRIPT_LEN);
  const buf = pith._web_script_buf();
  pith.HEAPU8.set(hw.script.subarray(0, nameLen + name2Len + len), buf);
  return [buf, nameLen, name2Len, len];
}

// A file request from the page, served between two steps of the VM.
function serveFs() {
  stepAside();
  if (!pith || hw.get(CMD) !== CMD_FS) return;
  const [buf, nameLen, name2Len, len] = takeRequest();
  const op = hw.get(FS_OP);
  let r = 22; // EINVAL: an unknown request
  if (op === FS_PUT) r = pith._web_fs_put(buf, nameLen, buf + nameLen + name2Len, len);
  else if (op === FS_REMOVE) r = pith._web_fs_remove(buf, nameLen);
  else if (op === FS_RENAME) r = pith._web_fs_rename(buf, nameLen, buf + nameLen, name2Len);
  else if (op === FS_FORMAT) r = (pith._web_fs_format(), 0);
  hw.set(FS_RESULT, r);
  hw.set(CMD, 0);
  postMessage({ t: 'fs', seq: hw.get(FS_SEQ), result: r });
}

const board = {
  stdout(bytes) {
    for (let i = 0; i < bytes.length;) {
      const n = Math.min(OUT_CHUNK - outLen, bytes.length - i);
      out.set(bytes.subarray(i, i + n), outLen);
      outLen += n;
      i += n;
      if (outLen === OUT_CHUNK) flush();
    }
  },
  getchar(timeoutMs) {
    flush();
    for (;;) {
      const seen = hw.get(SIGNAL);
      serveFs();
      if (hw.get(CMD) === CMD_RUN) throw UNWIND;
      if (hw.get(FLAG)) {
        // An interrupt during a blocking read: running code (input()) gets
        // the interrupt char with the flag still latched; at the prompt it
        // is just a key.
        if (intChar >= 0) return intChar;
        hw.set(FLAG, 0);
        return 3;
      }
      const tail = hw.get(IN_TAIL);
      if (hw.get(IN_HEAD) !== tail) {
        const c = hw.ring[tail & (IN_SIZE - 1)];
        hw.set(IN_TAIL, tail + 1);
        return c;
      }
      if (Atomics.wait(hw.i32, SIGNAL, seen, timeoutMs) === 'timed-out') return -2;
    }
  },
  setInterruptChar(c) {
    intChar = c;
    hw.set(INTCHAR, c);
  },
  interrupted() {
    serveFs();
    if (!Atomics.load(hw.i32, FLAG)) return 0;
    if (hw.get(CMD) === CMD_RUN) throw UNWIND;
    return Atomics.exchange(hw.i32, FLAG, 0) ? 1 : 0;
  },
  interruptPending() { return hw.get(FLAG) ? 1 : 0; },
  ticksMs() { return performance.now() - t0; },
  wait(ms) {
    flush();
    const seen = hw.get(SIGNAL);
    if (!hw.get(FLAG)) Atomics.wait(hw.i32, SIGNAL, seen, ms);
    serveFs();
  },
  entropy() { return crypto.getRandomValues(new Uint32Array(1))[0]; },
  display(bright) { hw.setLeds(bright); },
  button(which) { return hw.get(BUTTON_A + which) ? 1 : 0; },
  temperature() { return hw.get(TEMP); },
  // microbit.reset(): like the chip, start again and run main.py from
  // the filesystem with a fresh heap
  reset() {
    flush();
    resetting = true;
    throw UNWIND;
  },
  heap(used, free) {
    hw.set(HEAP_USED, used);
    hw.set(HEAP_FREE, free);
    flush();
  },
  flash(offset, bytes) {
    stepAside();
    hw.flash.set(bytes, offset);
    Atomics.add(hw.i32, FLASH_GEN, 1);
  },
};

// Fetch and compile the wasm once, starting before the loader script is
// even read; the page keeps the compiled module and hands it to the next
// worker ('warm'), so Reset does not compile again.
const compiling = self.name === 'cold' ? WebAssembly.compileStreaming(fetch('/wasm/pith.wasm')) : null;

async function instantiate(module, imports) {
  if (!module) {
    module = await compiling;
    postMessage({ t: 'module', module });
  }
  return WebAssembly.instantiate(module, imports);
}

// Run main.py on a fresh heap, after saving the Run request's file if
// there is one (not after microbit.reset()). The request was copied into
// the wasm (takeRequest) before CMD was cleared, so the page may already
// send the next one.
function runMain(m, request) {
  const [buf, nameLen, name2Len, len] = request || [m._web_script_buf(), 0, 0, 0];
  postMessage({ t: 'run-start' });
  const r = m._web_run_file(buf, nameLen, buf + nameLen + name2Len, len, hw.get(SEED));
  flush();
  postMessage({ t: 'run-end', result: r });
  return r;
}

// The worker's life: optionally run main.py, then the REPL forever; a soft
// reboot (Ctrl-D) runs main.py again, as on the device.
function main(m, run) {
  stepAside();
  if (m._web_flash_size() !== FLASH_BYTES) throw new Error('the wasm and web/hw.js disagree on the flash size');
  m.HEAPU8.set(hw.flash, m._web_flash_buf());
  pith = m;
  let request = run ? takeRequest() : null;
  if (run) hw.set(CMD, 0);
  m._web_reset();
  for (;;) {
    const sp = m.stackSave();
    try {
      if (run) runMain(m, request);
      run = false;
      if (m._web_repl(1) === PITH_SOFT_REBOOT) {
        // as the device: a fresh heap, and main.py again
        board.stdout(new TextEncoder().encode('soft reboot\n'));
        run = true;
        request = null;
      }
    } catch (e) {
      if (e !== UNWIND) throw e;
      m.stackRestore(sp);
      run = true;
      request = resetting ? null : takeRequest();
      resetting = false;
      hw.set(CMD, 0);
      hw.set(FLAG, 0);
      board.setInterruptChar(-1);
    }
  }
}

self.onmessage = async (e) => {
  const { sab, module, run, id } = e.data;
  hw = new Hw(sab);
  me = id;
  self.importScripts('/wasm/pith.js');
  const m = await self.createPith({
    board,
    instantiateWasm(imports, done) {
      instantiate(module, imports).then((inst) => done(inst, module));
      return {};
    },
  });
  postMessage({ t: 'booted', ms: performance.now() - t0 });
  try {
    main(m, run);
  } catch (err) {
    flush();
    postMessage({ t: 'crash', message: String(err && err.stack || err) });
  }
};
