#!/usr/bin/env node
// node.js — the web board's wasm under Node, with stdin/stdout as its
// terminal: `node boards/web/node.js FILE.py` runs FILE as main.py;
// without FILE it is the REPL (Ctrl-D at an empty prompt ends it).
// Exit status: 0, or 1 after an uncaught exception, or SystemExit's code;
// with --run-on (tests/boards/node) 0 whatever the program did. A board
// failure (no wasm, a trap) is 70 either way.
'use strict';
const fs = require('fs');
const path = require('path');

const WASM_DIR = process.env.PITH_WASM_DIR || path.resolve(__dirname, '../../build/wasm');
const PITH_EXC = 1, PITH_SYSEXIT = 2, PITH_SOFT_REBOOT = 3;

function nodeBoard() {
  const out = [];
  let outBytes = 0;
  const nap = new Int32Array(new SharedArrayBuffer(4));
  const one = Buffer.alloc(1);
  const t0 = performance.now();
  const board = {
    flush() {
      if (!outBytes) return;
      const buf = Buffer.concat(out, outBytes);
      out.length = outBytes = 0;
      for (let off = 0; off < buf.length;) {
        try {
          off += fs.writeSync(1, buf, off);
        } catch (e) {
          if (e.code !== 'EAGAIN') throw e;
          Atomics.wait(nap, 0, 0, 1);
        }
      }
    },
    stdout(bytes) {
      out.push(Buffer.from(bytes));
      outBytes += bytes.length;
      if (outBytes >= 4096) board.flush();
    },
    getchar(timeoutMs) {
      board.flush();
      try {
        return fs.readSync(0, one, 0, 1, null) === 1 ? one[0] : -1;
      } catch (e) {
        if (e.code === 'EOF') return -1;
        if (e.code !== 'EAGAIN') throw e;
        Atomics.wait(nap, 0, 0, timeoutMs);
        return -2;
      }
    },
    setInterruptChar() {},
    interrupted: () => 0,
    interruptPending: () => 0,
    ticksMs: () => performance.now() - t0,
    wait(ms) {
      board.flush();
      Atomics.wait(nap, 0, 0, ms);
    },
    entropy: () => crypto.getRandomValues(new Uint32Array(1))[0],
    display() {},
    button: () => 0,
    temperature: () => 20,
    reset() {
      board.flush();
      process.exit(0);
    },
    heap() {},
    flash() {},
  };
  return board;
}

// Instantiate the wasm with a Node board; resolves to the module.
async function load() {
  const board = nodeBoard();
  const createPith = require(path.join(WASM_DIR, 'pith.js'));
  // The generated loader would fetch() the .wasm by path: hand it the bytes.
  const m = await createPith({ board, wasmBinary: fs.readFileSync(path.join(WASM_DIR, 'pith.wasm')) });
  m._web_reset();
  return m;
}

// Run source bytes as main.py (seed < 0: urandom seeds itself); returns
// pith_exec's result.
function run(m, src, seed = -1) {
  if (src.length > m._web_script_max()) throw new Error(`script larger than ${m._web_script_max()} bytes`);
  m.HEAPU8.set(src, m._web_script_buf());
  const r = m._web_run(src.length, seed);
  m.board.flush();
  return r;
}

async function main(args) {
  let seed = -1;
  if (args[0] === '--seed') {
    seed = Number(args[1]);
    args = args.slice(2);
  }
  const file = args[0];
  const m = await load();
  if (file) {
    const r = run(m, fs.readFileSync(file), seed);
    return r === PITH_EXC ? 1 : r === PITH_SYSEXIT ? m._web_exit_code() : 0;
  }
  while (m._web_repl(0) === PITH_SOFT_REBOOT) m._web_reset();
  m.board.flush();
  return 0;
}

module.exports = { load, run };

if (require.main === module) {
  const runOn = process.argv[2] === '--run-on';
  main(process.argv.slice(runOn ? 3 : 2)).then((code) => { process.exitCode = runOn ? 0 : code; }, (err) => {
    console.error(`pith (node): ${err.message}`);
    process.exitCode = 70;
  });
}
