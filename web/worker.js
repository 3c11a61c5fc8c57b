// worker.js — runs pith in a Web Worker. The wasm never returns to this
// worker's event loop once started: everything from the page arrives
// through the shared hardware (hw.js), and output leaves by postMessage.
//
// Run request: the page puts the script in the shared script area and
// latches an interrupt; the next hal_getchar or hal_interrupted throws
// UNWIND, which unwinds the C stack back to the loop below. The loop then
// soft-resets the interpreter and runs the script as main.py.
import {
  Hw, CMD, FLAG, INTCHAR, IN_HEAD, IN_TAIL, IN_SIZE, BUTTON_A, HEAP_USED, HEAP_FREE,
  OUT_ACK, SCRIPT_LEN, SEED, SIGNAL, TEMP,
} from './hw.js';

const PITH_SOFT_REBOOT = 3;
const UNWIND = { unwind: 'run requested' };
const OUT_CHUNK = 4096;
const OUT_WINDOW = 1 << 13; // bytes posted but not yet drawn before we wait

let hw;
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
      if (hw.get(CMD)) throw UNWIND;
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
    if (!Atomics.load(hw.i32, FLAG)) return 0;
    if (hw.get(CMD)) throw UNWIND;
    return Atomics.exchange(hw.i32, FLAG, 0) ? 1 : 0;
  },
  interruptPending() { return hw.get(FLAG) ? 1 : 0; },
  ticksMs() { return performance.now() - t0; },
  wait(ms) {
    flush();
    const seen = hw.get(SIGNAL);
    if (!hw.get(FLAG)) Atomics.wait(hw.i32, SIGNAL, seen, ms);
  },
  entropy() { return crypto.getRandomValues(new Uint32Array(1))[0]; },
  display(bright) { hw.setLeds(bright); },
  button(which) { return hw.get(BUTTON_A + which) ? 1 : 0; },
  temperature() { return hw.get(TEMP); },
  // microbit.reset(): like the chip, start again and run main.py (the
  // last script Run) with a fresh heap
  reset() {
    flush();
    throw UNWIND;
  },
  heap(used, free) {
    hw.set(HEAP_USED, used);
    hw.set(HEAP_FREE, free);
    flush();
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

function runScript(m, bytes) {
  m.HEAPU8.set(bytes, m._web_script_buf());
  postMessage({ t: 'run-start' });
  const r = m._web_run(bytes.length, hw.get(SEED));
  flush();
  postMessage({ t: 'run-end', result: r });
  return r;
}

// The worker's life: optionally run a script, then the REPL forever.
function main(m, script) {
  m._web_reset();
  for (;;) {
    const sp = m.stackSave();
    try {
      if (script) runScript(m, script);
      script = null;
      if (m._web_repl(1) === PITH_SOFT_REBOOT) {
        board.stdout(new TextEncoder().encode('soft reboot\n'));
        m._web_reset();
      }
    } catch (e) {
      if (e !== UNWIND) throw e;
      m.stackRestore(sp);
      script = hw.script.slice(0, hw.get(SCRIPT_LEN));
      hw.set(CMD, 0);
      hw.set(FLAG, 0);
      board.setInterruptChar(-1);
    }
  }
}

self.onmessage = async (e) => {
  const { sab, module, script } = e.data;
  hw = new Hw(sab);
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
    main(m, script);
  } catch (err) {
    flush();
    postMessage({ t: 'crash', message: String(err && err.stack || err) });
  }
};
